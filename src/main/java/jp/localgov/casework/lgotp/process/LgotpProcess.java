package jp.localgov.casework.lgotp.process;

/** Keys, element ids, messages and variable names of the two LGOTP models. */
public final class LgotpProcess {

	public static final String CYCLE_KEY = "LgotpAnnualCycle";

	public static final String JOURNEY_KEY = "LgotpTraineeJourney";

	public static final String MESSAGE_MONTHLY_REPORT = "LgotpMonthlyReport";

	public static final String MESSAGE_WITHDRAWN = "LgotpTraineeWithdrawn";

	public static final String TASK_SURVEY = "UserTask_Survey";

	public static final String TASK_REVIEW_DEMAND = "UserTask_ReviewDemand";

	public static final String TASK_SELECT = "UserTask_SelectTrainees";

	public static final String CALL_JOURNEYS = "CallActivity_TraineeJourneys";

	public static final String TASK_PRE_ARRIVAL = "UserTask_PreArrival";

	public static final String TIMER_ARRIVAL = "TimerEvent_Arrival";

	public static final String TASK_ORIENTATION = "UserTask_Orientation";

	public static final String TIMER_POSTING = "TimerEvent_Posting";

	public static final String RECEIVE_REPORT = "ReceiveTask_MonthlyReport";

	public static final String TIMER_TRAINING_ENDS = "TimerEvent_TrainingEnds";

	public static final String TASK_RECORD_ALUMNI = "UserTask_RecordAlumni";

	// Variables
	public static final String FISCAL_YEAR = "fiscalYear";

	public static final String SCHEDULE = "schedule";

	public static final String TRAINEE_ID = "traineeId";

	public static final String TRAINEE_IDS = "traineeIds";

	public static final String TRAINEE_COUNT = "traineeCount";

	public static final String DEMAND_COUNT = "demandCount";

	public static final String TRAINING_MONTHS = "trainingMonths";

	public static final String REPORTS_FILED = "reportsFiled";

	/** Group of the programme team. */
	public static final String TEAM = "exchangeCooperation";

	private LgotpProcess() {
	}

}
