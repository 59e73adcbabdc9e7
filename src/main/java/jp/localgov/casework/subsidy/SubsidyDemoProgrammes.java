package jp.localgov.casework.subsidy;

import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;

import jp.localgov.casework.platform.StaffGroup;
import jp.localgov.casework.referencedata.OfficeCalendar;
import jp.localgov.casework.subsidy.SubsidyProgramme.ProgrammeRules;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Demonstration programmes of the FY2024 plan for the current and the next fiscal year,
 * flagged {@code demo}: budgets, rates, ceilings and windows are examples, not the real
 * ones; two programmes accept applications all year so the demo always has one open.
 */
@Component
@ConditionalOnProperty(name = "casework.demo.enabled", havingValue = "true")
class SubsidyDemoProgrammes implements InitializingBean {

	private static final Set<ApplicantType> LOCAL_GOVERNMENTS = EnumSet.of(ApplicantType.PREFECTURE,
			ApplicantType.DESIGNATED_CITY, ApplicantType.MUNICIPALITY);

	private final SubsidyService subsidies;

	private final SubsidyProgrammeRepository programmes;

	private final Clock clock;

	SubsidyDemoProgrammes(SubsidyService subsidies, SubsidyProgrammeRepository programmes, Clock clock) {
		this.subsidies = subsidies;
		this.programmes = programmes;
		this.clock = clock;
	}

	@Override
	public void afterPropertiesSet() {
		int current = fiscalYear(LocalDate.now(this.clock.withZone(OfficeCalendar.JAPAN)));
		for (int year = current; year <= current + 1; year++) {
			LocalDate april = LocalDate.of(year, 4, 1);
			LocalDate march = LocalDate.of(year + 1, 3, 31);
			define("ECONOMIC_OVERSEAS_MARKET", year, "経済活動助成事業（海外販路開拓支援）", StaffGroup.ECONOMIC_EXCHANGE,
					new ProgrammeRules(30_000_000, new SubsidyRate(1, 2), 2_000_000, LOCAL_GOVERNMENTS, april,
							LocalDate.of(year, 6, 30)));
			define("ECONOMIC_INBOUND", year, "経済活動助成事業（インバウンド支援）", StaffGroup.ECONOMIC_EXCHANGE,
					new ProgrammeRules(20_000_000, new SubsidyRate(1, 2), 2_000_000, LOCAL_GOVERNMENTS, april, march));
			define("MULTICULTURAL", year, "多文化共生のまちづくり促進事業", StaffGroup.MULTICULTURAL, new ProgrammeRules(25_000_000,
					new SubsidyRate(2, 3), 3_000_000, EnumSet.allOf(ApplicantType.class), april, march));
			define("EXCHANGE_SUPPORT", year, "国際交流支援事業", StaffGroup.EXCHANGE_COOPERATION,
					new ProgrammeRules(15_000_000, new SubsidyRate(1, 2), 1_000_000,
							EnumSet.of(ApplicantType.DESIGNATED_CITY, ApplicantType.MUNICIPALITY), april,
							LocalDate.of(year, 9, 30)));
			define("COOPERATION_MODEL", year, "自治体国際協力促進事業（モデル事業）", StaffGroup.EXCHANGE_COOPERATION, new ProgrammeRules(
					40_000_000, new SubsidyRate(2, 3), 6_000_000, LOCAL_GOVERNMENTS, april, LocalDate.of(year, 5, 31)));
		}
	}

	private void define(String code, int year, String name, StaffGroup department, ProgrammeRules rules) {
		if (this.programmes.findByCodeAndFiscalYear(code, year).isEmpty()) {
			this.subsidies.defineProgramme(code, year, name, department.id(), rules, true);
		}
	}

	/** Japanese fiscal year: April to March, named by the April. */
	static int fiscalYear(LocalDate day) {
		return OfficeCalendar.fiscalYearOf(day);
	}

}
