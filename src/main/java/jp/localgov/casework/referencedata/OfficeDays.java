package jp.localgov.casework.referencedata;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Date;

import org.springframework.stereotype.Component;

/**
 * The office-day calendar for process models, as the bean {@code officeDays}: deadlines,
 * reminders, follow-up dates, timers and conditions counted in office days (no weekends,
 * national holidays or 12/29–1/3), in Japan time.
 *
 * <pre>
 * camunda:dueDate="${officeDays.after(submittedAt, 10)}"        close of business on the 10th office day after
 * timeDate        ${officeDays.before(finalDue, 2)}              2 office days before the deadline, same time of day
 * timeDate        ${officeDays.next(now(), 2)}                   every 2 office days (a cycle of reminders)
 * condition       ${officeDays.isOfficeDay(now())}
 * condition       ${officeDays.between(receivedAt, now()) > 5}
 * </pre>
 *
 * Dates may be {@link Date} (process variables, {@code now()}), ISO-8601 text
 * ({@code 2027-04-01}, {@code 2027-04-01T09:00:00+09:00}) or {@code java.time} values; a
 * date without a time means its start in Japan.
 */
@Component("officeDays")
public class OfficeDays {

	private final OfficeCalendar calendar;

	OfficeDays(OfficeCalendar calendar) {
		this.calendar = calendar;
	}

	/**
	 * A deadline: close of business (17:15 Japan time) on the {@code officeDays}-th
	 * office day after the day of {@code from}.
	 */
	public Date after(Object from, int officeDays) {
		return Date.from(this.calendar.officeDeadline(instant(from, "after"), officeDays));
	}

	/**
	 * The same time of day {@code officeDays} office days before {@code deadline}, e.g. a
	 * reminder ahead of a deadline.
	 */
	public Date before(Object deadline, int officeDays) {
		ZonedDateTime at = instant(deadline, "before").atZone(OfficeCalendar.JAPAN);
		LocalDate day = this.calendar.minusOfficeDays(at.toLocalDate(), officeDays);
		return Date.from(at.with(day).toInstant());
	}

	/**
	 * The same time of day on the {@code officeDays}-th office day after {@code from}
	 * (with 0: {@code from} itself when it is an office day, else the next office day),
	 * e.g. the next reminder of a cycle.
	 */
	public Date next(Object from, int officeDays) {
		ZonedDateTime at = instant(from, "next").atZone(OfficeCalendar.JAPAN);
		LocalDate day = at.toLocalDate();
		if (officeDays == 0) {
			while (!this.calendar.isOfficeDay(day)) {
				day = day.plusDays(1);
			}
		}
		else {
			day = this.calendar.plusOfficeDays(day, officeDays);
		}
		return Date.from(at.with(day).toInstant());
	}

	/** Whether the day of {@code date} (in Japan) is an office day. */
	public boolean isOfficeDay(Object date) {
		return this.calendar.isOfficeDay(instant(date, "isOfficeDay").atZone(OfficeCalendar.JAPAN).toLocalDate());
	}

	/**
	 * Office days after the day of {@code from} up to and including the day of
	 * {@code to}; negative when {@code to} is earlier.
	 */
	public int between(Object from, Object to) {
		LocalDate start = instant(from, "between").atZone(OfficeCalendar.JAPAN).toLocalDate();
		LocalDate end = instant(to, "between").atZone(OfficeCalendar.JAPAN).toLocalDate();
		int sign = end.isBefore(start) ? -1 : 1;
		LocalDate low = (sign > 0) ? start : end;
		LocalDate high = (sign > 0) ? end : start;
		int count = 0;
		for (LocalDate day = low.plusDays(1); !day.isAfter(high); day = day.plusDays(1)) {
			if (this.calendar.isOfficeDay(day)) {
				count++;
			}
		}
		return sign * count;
	}

	private static Instant instant(Object value, String method) {
		if (value instanceof Date date) {
			return date.toInstant();
		}
		if (value instanceof Instant instant) {
			return instant;
		}
		if (value instanceof ZonedDateTime zoned) {
			return zoned.toInstant();
		}
		if (value instanceof OffsetDateTime offset) {
			return offset.toInstant();
		}
		if (value instanceof LocalDateTime local) {
			return local.atZone(OfficeCalendar.JAPAN).toInstant();
		}
		if (value instanceof LocalDate day) {
			return day.atStartOfDay(OfficeCalendar.JAPAN).toInstant();
		}
		if (value instanceof CharSequence text) {
			return parse(text.toString().strip(), method);
		}
		throw new IllegalArgumentException("officeDays." + method + ": a date is needed, not "
				+ ((value == null) ? "null" : value.getClass().getSimpleName() + " " + value));
	}

	private static Instant parse(String text, String method) {
		try {
			return OffsetDateTime.parse(text).toInstant();
		}
		catch (DateTimeParseException notOffset) {
			try {
				return LocalDateTime.parse(text).atZone(OfficeCalendar.JAPAN).toInstant();
			}
			catch (DateTimeParseException notLocal) {
				try {
					return LocalDate.parse(text).atStartOfDay(OfficeCalendar.JAPAN).toInstant();
				}
				catch (DateTimeParseException notDate) {
					throw new IllegalArgumentException("officeDays." + method + ": not an ISO-8601 date: " + text,
							notDate);
				}
			}
		}
	}

}
