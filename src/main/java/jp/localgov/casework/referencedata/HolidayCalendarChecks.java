package jp.localgov.casework.referencedata;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Logs a warning at start and every morning while the national-holiday calendar needs its
 * next year, so operators read it in the log as well as in the health endpoint.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class HolidayCalendarChecks {

	private static final Logger log = LoggerFactory.getLogger(HolidayCalendarChecks.class);

	private final NationalHolidays holidays;

	HolidayCalendarChecks(NationalHolidays holidays) {
		this.holidays = holidays;
	}

	@EventListener(ApplicationReadyEvent.class)
	void atStart() {
		check();
	}

	@Scheduled(cron = "0 0 8 * * *", zone = "Asia/Tokyo")
	void everyMorning() {
		check();
	}

	/** Logs the calendar's state: a warning while it needs the next year. */
	boolean check() {
		NationalHolidays.CalendarStatus status = this.holidays.status();
		if (status.warning()) {
			log.warn("Holiday calendar: {} (add them on /staff/admin/holidays)", status.message());
		}
		else {
			log.info("Holiday calendar: {}", status.message());
		}
		return status.warning();
	}

}
