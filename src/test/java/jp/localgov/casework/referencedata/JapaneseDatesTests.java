package jp.localgov.casework.referencedata;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JapaneseDatesTests {

	@ParameterizedTest
	@CsvSource({ "2026-11-30, 令和8年11月30日（月）", "2019-05-01, 令和元年5月1日（水）", "2019-04-30, 平成31年4月30日（火）",
			"2027-01-01, 令和9年1月1日（金）" })
	void datesReadWithTheEraAndTheWeekday(LocalDate date, String expected) {
		assertThat(JapaneseDates.date(date)).isEqualTo(expected);
	}

	@ParameterizedTest
	@CsvSource({ "2026, 令和8年度（2026年度）", "2019, 令和元年度（2019年度）", "2018, 平成30年度（2018年度）" })
	void fiscalYearsNameTheEraFirst(int fiscalYear, String expected) {
		assertThat(JapaneseDates.fiscalYear(fiscalYear)).isEqualTo(expected);
	}

	@ParameterizedTest
	@CsvSource({ "2026-11-30T06:30:00Z, 令和8年11月30日（月）15時30分", "2026-11-30T15:05:00Z, 令和8年12月1日（火）0時05分" })
	void timesAreJapanTime(Instant instant, String expected) {
		assertThat(JapaneseDates.dateTime(instant)).isEqualTo(expected);
	}

}
