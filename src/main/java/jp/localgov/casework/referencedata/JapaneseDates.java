package jp.localgov.casework.referencedata;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.chrono.JapaneseChronology;
import java.time.chrono.JapaneseDate;
import java.time.chrono.JapaneseEra;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.time.temporal.ChronoField;
import java.util.Locale;

/**
 * Dates as local governments read them in mails, notices and portal pages: the Japanese
 * era with the weekday ({@code 令和8年11月30日（月）}), the first year of an era as {@code 元年},
 * and fiscal years as {@code 令和8年度（2026年度）} (see {@code docs/writing-guide.md}).
 */
public final class JapaneseDates {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("H時mm分");

	private JapaneseDates() {
	}

	/** {@code 令和8年11月30日（月）}. */
	public static String date(LocalDate date) {
		return eraYear(date) + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日（"
				+ date.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.JAPANESE) + "）";
	}

	/** {@code 令和8年11月30日（月）15時30分}, in Japan time. */
	public static String dateTime(Instant instant) {
		LocalDateTime local = LocalDateTime.ofInstant(instant, OfficeCalendar.JAPAN);
		return date(local.toLocalDate()) + TIME.format(local);
	}

	/**
	 * {@code 令和8年度（2026年度）} for the fiscal year that starts in April 2026; a fiscal year
	 * is named by the era it mostly lies in ({@code 令和元年度} for April 2019 – March 2020).
	 */
	public static String fiscalYear(int fiscalYear) {
		return eraYear(LocalDate.of(fiscalYear, 5, 1)) + "年度（" + fiscalYear + "年度）";
	}

	/** {@code 令和8}, or {@code 令和元} in the first year of the era. */
	static String eraYear(LocalDate date) {
		JapaneseDate japanese = JapaneseChronology.INSTANCE.date(date);
		JapaneseEra era = japanese.getEra();
		int year = japanese.get(ChronoField.YEAR_OF_ERA);
		return era.getDisplayName(TextStyle.FULL, Locale.JAPANESE) + ((year == 1) ? "元" : Integer.toString(year));
	}

}
