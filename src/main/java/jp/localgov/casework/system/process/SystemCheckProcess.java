package jp.localgov.casework.system.process;

/**
 * Key, element ids, form keys and variable names of
 * {@code bpmn/system/system-check.bpmn}.
 */
public final class SystemCheckProcess {

	public static final String PROCESS_KEY = "SystemCheck";

	// Elements
	public static final String START = "StartEvent_CheckRequested";

	public static final String TASK_CONFIRM = "Task_ConfirmSystem";

	public static final String END = "EndEvent_CheckDone";

	// Forms
	public static final String FORM_START = "system-check-start";

	public static final String FORM_CONFIRM = "system-check";

	// Variables
	public static final String REASON = "reason";

	public static final String CONFIRMED = "confirmed";

	public static final String REMARKS = "remarks";

	// Shown in the confirmation form, computed when it opens (never stored)
	public static final String FORM_OPENED_AT = "formOpenedAt";

	public static final String HOLIDAY_CALENDAR = "holidayCalendar";

	private SystemCheckProcess() {
	}

}
