package jp.localgov.casework.referencedata;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.stereotype.Component;

/**
 * Tells operators how far the national-holiday calendar reaches: {@code holidayCalendar}
 * in {@code /actuator/health} turns {@code WARNING} (still HTTP 200) well before the
 * calendar runs out, and {@code /actuator/info} shows its end.
 */
@Component
class HolidayCalendarHealthIndicator implements HealthIndicator, InfoContributor {

	/** The calendar needs the next year's holidays; the application keeps working. */
	static final Status WARNING = new Status("WARNING", "国民の祝日の登録が必要です / National holidays need the next year");

	private final NationalHolidays holidays;

	HolidayCalendarHealthIndicator(NationalHolidays holidays) {
		this.holidays = holidays;
	}

	@Override
	public Health health() {
		NationalHolidays.CalendarStatus status = this.holidays.status();
		return Health.status(status.warning() ? WARNING : Status.UP).withDetails(details(status)).build();
	}

	@Override
	public void contribute(Info.Builder builder) {
		builder.withDetail("holidayCalendar", details(this.holidays.status()));
	}

	private static Map<String, Object> details(NationalHolidays.CalendarStatus status) {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("lastYear", status.lastYear());
		details.put("endsOn", (status.endsOn() == null) ? null : status.endsOn().toString());
		details.put("daysLeft", status.daysLeft());
		details.put("warning", status.warning());
		details.put("message", status.message());
		return details;
	}

}
