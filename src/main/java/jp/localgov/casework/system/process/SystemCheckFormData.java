package jp.localgov.casework.system.process;

import java.time.Clock;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;

import jp.localgov.casework.platform.process.FormContext;
import jp.localgov.casework.platform.process.FormDataProvider;
import jp.localgov.casework.referencedata.NationalHolidays;
import jp.localgov.casework.referencedata.OfficeCalendar;

import org.springframework.stereotype.Component;

/**
 * What the operator's confirmation form ({@code Task_ConfirmSystem}) shows besides the
 * reason given at the start: when the form was opened and how far the national-holiday
 * calendar reaches — computed at each opening, never stored in the engine.
 */
@Component
class SystemCheckFormData implements FormDataProvider {

	private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private final NationalHolidays holidays;

	private final Clock clock;

	SystemCheckFormData(NationalHolidays holidays, Clock clock) {
		this.holidays = holidays;
		this.clock = clock;
	}

	@Override
	public boolean supports(String processDefinitionKey) {
		return SystemCheckProcess.PROCESS_KEY.equals(processDefinitionKey);
	}

	@Override
	public Map<String, Object> forTask(FormContext task) {
		return Map.of(SystemCheckProcess.FORM_OPENED_AT,
				AT.format(ZonedDateTime.now(this.clock.withZone(OfficeCalendar.JAPAN))) + "（日本時間）",
				SystemCheckProcess.HOLIDAY_CALENDAR, this.holidays.status().message());
	}

}
