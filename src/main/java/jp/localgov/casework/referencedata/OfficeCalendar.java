package jp.localgov.casework.referencedata;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.Set;

import org.springframework.stereotype.Service;

/**
 * Office days of a Japanese public office: not Saturdays, Sundays, national holidays or
 * the year-end closure (12/29–1/3). Deadlines counted in office days end at the close of
 * business.
 */
@Service
public class OfficeCalendar {

	/** Time zone of the offices. */
	public static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

	/** When an office day's deadline ends. */
	public static final LocalTime CLOSE_OF_BUSINESS = LocalTime.of(17, 15);

	private static final Set<MonthDay> YEAR_END_CLOSURE = Set.of(MonthDay.of(12, 29), MonthDay.of(12, 30),
			MonthDay.of(12, 31), MonthDay.of(1, 1), MonthDay.of(1, 2), MonthDay.of(1, 3));

	private final NationalHolidays holidays;

	OfficeCalendar(NationalHolidays holidays) {
		this.holidays = holidays;
	}

	/** The Japanese fiscal year of a day: April to March, named by the April. */
	public static int fiscalYearOf(LocalDate day) {
		return (day.getMonthValue() >= 4) ? day.getYear() : day.getYear() - 1;
	}

	/** The fiscal year of today in Japan. */
	public static int currentFiscalYear(Clock clock) {
		return fiscalYearOf(LocalDate.now(clock.withZone(JAPAN)));
	}

	/**
	 * Whether offices are open: not a weekend, the year-end closure or a national
	 * holiday. A date beyond the holiday calendar is counted without holidays, and
	 * logged.
	 */
	public boolean isOfficeDay(LocalDate date) {
		DayOfWeek day = date.getDayOfWeek();
		return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY && !YEAR_END_CLOSURE.contains(MonthDay.from(date))
				&& !this.holidays.isHoliday(date);
	}

	/**
	 * The office day {@code officeDays} office days after {@code from} (not counting
	 * {@code from}).
	 */
	public LocalDate plusOfficeDays(LocalDate from, int officeDays) {
		LocalDate date = from;
		int counted = 0;
		while (counted < officeDays) {
			date = date.plusDays(1);
			if (isOfficeDay(date)) {
				counted++;
			}
		}
		return date;
	}

	/**
	 * The office day {@code officeDays} office days before {@code from} (not counting
	 * {@code from}).
	 */
	public LocalDate minusOfficeDays(LocalDate from, int officeDays) {
		LocalDate date = from;
		int counted = 0;
		while (counted < officeDays) {
			date = date.minusDays(1);
			if (isOfficeDay(date)) {
				counted++;
			}
		}
		return date;
	}

	/**
	 * Close of business on the {@code officeDays}-th office day after the day of
	 * {@code start}.
	 */
	public Instant officeDeadline(Instant start, int officeDays) {
		LocalDate day = plusOfficeDays(start.atZone(JAPAN).toLocalDate(), officeDays);
		return day.atTime(CLOSE_OF_BUSINESS).atZone(JAPAN).toInstant();
	}

}
