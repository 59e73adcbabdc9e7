package jp.localgov.casework.subsidy.process;

/**
 * Key, element ids, messages and variable names of
 * {@code bpmn/subsidy/subsidy-application.bpmn}.
 */
public final class SubsidyProcess {

	public static final String PROCESS_KEY = "SubsidyApplication";

	public static final String MESSAGE_CORRECTED = "SubsidyCorrected";

	public static final String MESSAGE_CHANGE_REQUESTED = "SubsidyChangeRequested";

	public static final String MESSAGE_REPORT_FILED = "SubsidyReportFiled";

	public static final String TASK_FORMAL_CHECK = "UserTask_FormalCheck";

	public static final String TASK_REVIEW = "UserTask_Review";

	public static final String TASK_DRAFT = "UserTask_DraftDecision";

	public static final String TASK_CHIEF = "UserTask_ChiefApproval";

	public static final String TASK_DIRECTOR = "UserTask_DirectorApproval";

	public static final String TASK_REVIEW_CHANGE = "UserTask_ReviewChange";

	public static final String TASK_CHECK_REPORT = "UserTask_CheckReport";

	public static final String TASK_RECORD_PAYMENT = "UserTask_RecordPayment";

	public static final String RECEIVE_REPORT = "ReceiveTask_AwaitReport";

	public static final String EVENT_GATEWAY_AWAIT_CORRECTION = "EventGateway_AwaitCorrection";

	public static final String END_PAID = "EndEvent_Paid";

	public static final String END_REJECTED = "EndEvent_Rejected";

	public static final String END_WITHDRAWN = "EndEvent_Withdrawn";

	// Variables
	public static final String APPLICATION_NUMBER = "applicationNumber";

	public static final String DEPARTMENT = "department";

	public static final String DEPARTMENT_LEAD = "departmentLead";

	public static final String REVIEWER_COUNT = "reviewerCount";

	public static final String FORMAL_CHECK_RESULT = "formalCheckResult";

	public static final String CORRECTION_REQUEST = "correctionRequest";

	public static final String DECISION = "decision";

	public static final String GRANT_AMOUNT = "grantAmount";

	public static final String CONDITIONS = "conditions";

	public static final String REJECTION_REASONS = "rejectionReasons";

	public static final String CHIEF_APPROVAL = "chiefApproval";

	public static final String DIRECTOR_APPROVAL = "directorApproval";

	public static final String CHANGE_DECISION = "changeDecision";

	public static final String CHANGE_NOTE = "changeNote";

	public static final String PAID_ON = "paidOn";

	public static final String REPORT_DUE = "reportDue";

	public static final String REPORT_REMINDER = "reportReminder";

	/** At least two reviewers score every application. */
	public static final int REVIEWERS = 2;

	private SubsidyProcess() {
	}

}
