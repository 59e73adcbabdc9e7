package jp.localgov.casework.lgotp;

/** What happens to trainees that their journeys wait for. */
public final class LgotpEvents {

	private LgotpEvents() {
	}

	/**
	 * The host filed a monthly report.
	 *
	 * @param journeyKey business key of the trainee's journey
	 * @param month the month reported, yyyy-MM
	 */
	public record MonthlyReportFiled(String journeyKey, String month) {
	}

	/**
	 * A trainee withdrew or returns early.
	 *
	 * @param journeyKey business key of the trainee's journey
	 */
	public record TraineeWithdrawn(String journeyKey) {
	}

}
