package jp.localgov.casework.inquiry.process;

import jp.localgov.casework.platform.process.TasklistFilters;

/**
 * Key, element ids, messages and variable names of
 * {@code bpmn/inquiry/inquiry-lifecycle.bpmn}.
 */
public final class InquiryProcess {

	public static final String PROCESS_KEY = "InquiryLifecycle";

	public static final String MESSAGE_APPLICANT_REPLIED = "ApplicantReplied";

	// Elements
	public static final String START = "StartEvent_InquirySubmitted";

	public static final String TASK_OPEN_RECEPTION = "Task_OpenReception";

	public static final String TASK_PROPOSE_DEPARTMENT = "BusinessRuleTask_ProposeDepartment";

	public static final String TASK_DETERMINE_DEADLINES = "BusinessRuleTask_DetermineDeadlines";

	public static final String TASK_SCHEDULE_DEADLINES = "Task_ScheduleDeadlines";

	public static final String TASK_RECEIVE = "UserTask_ReceiveInquiry";

	public static final String TASK_ASSIGN_DEPARTMENT = "Task_AssignDepartment";

	public static final String SUBPROCESS_HANDLING = "SubProcess_Handling";

	public static final String TASK_ASSIGN_STAFF = "UserTask_AssignStaff";

	public static final String TASK_RETURN_TO_DESK = "Task_ReturnToDesk";

	public static final String TASK_RECORD_STAFF = "Task_AssignStaff";

	public static final String TASK_ANSWER = "UserTask_AnswerInquiry";

	public static final String TASK_PUBLISH_INTERIM = "Task_PublishInterimAnswer";

	public static final String TASK_PUBLISH_FINAL = "Task_PublishFinalAnswer";

	public static final String TASK_REQUEST_INFORMATION = "Task_RequestInformation";

	public static final String EVENT_GATEWAY_AWAIT_APPLICANT = "EventGateway_AwaitApplicant";

	public static final String MESSAGE_EVENT_REPLIED = "MessageEvent_ApplicantReplied";

	public static final String TIMER_REPLY_DEADLINE = "TimerEvent_ReplyDeadline";

	public static final String TASK_RESUME = "Task_ResumeAfterReply";

	public static final String TASK_CLOSE_UNANSWERED = "Task_CloseUnanswered";

	public static final String END_ANSWERED = "EndEvent_InquiryAnswered";

	public static final String END_CLOSED_WITHOUT_REPLY = "EndEvent_ClosedWithoutReply";

	public static final String BOUNDARY_RECEPTION_REMINDER = "BoundaryEvent_ReceptionReminder";

	public static final String BOUNDARY_RECEPTION_OVERDUE = "BoundaryEvent_ReceptionOverdue";

	public static final String BOUNDARY_INTERIM_REMINDER = "BoundaryEvent_InterimReminder";

	public static final String BOUNDARY_INTERIM_OVERDUE = "BoundaryEvent_InterimOverdue";

	public static final String BOUNDARY_FINAL_REMINDER = "BoundaryEvent_FinalReminder";

	public static final String BOUNDARY_FINAL_OVERDUE = "BoundaryEvent_FinalOverdue";

	// Variables
	public static final String TRACKING_NUMBER = "trackingNumber";

	public static final String FIELD = "field";

	public static final String PROPOSED_DEPARTMENT = "proposedDepartment";

	public static final String DEADLINE_RULES = "deadlineRules";

	public static final String DEPARTMENT = "department";

	public static final String DEPARTMENT_LEAD = "departmentLead";

	public static final String DEPARTMENT_DECISION = "departmentDecision";

	public static final String RETURN_REASON = "returnReason";

	public static final String STAFF_MEMBER = "staffMember";

	public static final String STAFF_OPTIONS = "staffOptions";

	public static final String ANSWER_KIND = "answerKind";

	public static final String ANSWER_TEXT = "answerText";

	public static final String HANDLING_OUTCOME = "handlingOutcome";

	public static final String INTERIM_ANSWERED = "interimAnswered";

	public static final String PAUSED_AT = "pausedAt";

	public static final String RECEPTION_DUE = "receptionDue";

	public static final String RECEPTION_REMINDER = "receptionReminder";

	public static final String INTERIM_DUE = "interimDue";

	public static final String INTERIM_REMINDER = "interimReminder";

	public static final String FINAL_DUE = "finalDue";

	public static final String FINAL_REMINDER = "finalReminder";

	/**
	 * Task-local flag set on a task whose deadline passed; the 期限切れ filter shows these.
	 */
	public static final String OVERDUE = TasklistFilters.OVERDUE_VARIABLE;

	// Values
	public static final String DECISION_RETURN = "RETURN";

	public static final String OUTCOME_RETURNED = "RETURNED";

	public static final String OUTCOME_WAITING = "WAITING";

	public static final String OUTCOME_ANSWERED = "ANSWERED";

	public static final String KIND_INTERIM = "INTERIM";

	public static final String KIND_REQUEST_INFO = "REQUEST_INFO";

	public static final String KIND_FINAL = "FINAL";

	private InquiryProcess() {
	}

}
