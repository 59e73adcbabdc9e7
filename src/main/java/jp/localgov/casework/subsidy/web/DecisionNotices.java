package jp.localgov.casework.subsidy.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.chrono.JapaneseChronology;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import jp.localgov.casework.platform.NotFoundException;
import jp.localgov.casework.referencedata.Municipality;
import jp.localgov.casework.referencedata.OfficeCalendar;
import jp.localgov.casework.referencedata.ReferenceData;
import jp.localgov.casework.subsidy.SubsidyAmounts;
import jp.localgov.casework.subsidy.SubsidyStatus;
import jp.localgov.casework.subsidy.SubsidyViews.ApplicationView;
import jp.localgov.casework.subsidy.SubsidyViews.Step;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;

/**
 * The printable decision notice (交付決定通知書 or 不交付決定通知書) of an application, as both the API
 * and the portal serve it.
 */
@Component
class DecisionNotices {

	/** Who signs every decision notice. */
	static final String ISSUER = "一般財団法人 自治体国際化協会（デモ） 理事長";

	private static final DateTimeFormatter WAREKI = DateTimeFormatter.ofPattern("GGGGy年M月d日", Locale.JAPAN)
		.withChronology(JapaneseChronology.INSTANCE);

	private final ReferenceData referenceData;

	private final Clock clock;

	DecisionNotices(ReferenceData referenceData, Clock clock) {
		this.referenceData = referenceData;
		this.clock = clock;
	}

	/**
	 * The notice page of a decided application.
	 * @throws NotFoundException while the application is not decided
	 */
	ModelAndView page(ApplicationView application) {
		boolean granted = application.grantedAmount() != null;
		if (!granted && application.status() != SubsidyStatus.REJECTED) {
			throw NotFoundException.withMessage("subsidy.error.noDecision");
		}
		Instant decidedAt = application.history()
			.stream()
			.filter((step) -> step.status() == (granted ? SubsidyStatus.GRANTED : SubsidyStatus.REJECTED))
			.map(Step::at)
			.findFirst()
			.orElseGet(() -> Instant.now(this.clock));
		Instant submittedAt = application.history().isEmpty() ? decidedAt : application.history().get(0).at();
		Municipality municipality = this.referenceData.municipality(application.municipalityCode()).orElse(null);
		String addressee = (municipality == null) ? application.municipalityCode() + " 長"
				: municipality.getFullName() + (municipality.isPrefecture() ? "知事" : "長");
		ModelAndView page = new ModelAndView("subsidy/notice");
		page.addObject("notice", application);
		page.addObject("granted", granted);
		page.addObject("title", granted ? "交付決定通知書" : "不交付決定通知書");
		page.addObject("issuedOn", wareki(day(decidedAt)));
		page.addObject("submittedOn", wareki(day(submittedAt)));
		page.addObject("addressee", addressee);
		page.addObject("issuer", ISSUER);
		page.addObject("fiscalYearLabel", fiscalYearLabel(application.fiscalYear()));
		page.addObject("period", wareki(application.periodFrom()) + " から " + wareki(application.periodTo()) + " まで");
		page.addObject("requestedAmount", SubsidyAmounts.yen(application.requestedAmount()));
		page.addObject("grantedAmount", granted ? SubsidyAmounts.yen(application.grantedAmount()) : null);
		page.addObject("reportDueOn", (application.reportDueOn() != null) ? wareki(application.reportDueOn()) : null);
		return page;
	}

	static String wareki(LocalDate day) {
		return WAREKI.format(day);
	}

	/** {@code 2026年度（令和8年度）}. */
	static String fiscalYearLabel(int fiscalYear) {
		String era = WAREKI.format(LocalDate.of(fiscalYear, 4, 1));
		return fiscalYear + "年度（" + era.substring(0, era.indexOf('年')) + "年度）";
	}

	private static LocalDate day(Instant at) {
		return at.atZone(OfficeCalendar.JAPAN).toLocalDate();
	}

}
