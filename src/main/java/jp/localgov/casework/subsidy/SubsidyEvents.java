package jp.localgov.casework.subsidy;

/** What happens to a subsidy application that its process waits for. */
public final class SubsidyEvents {

	private SubsidyEvents() {
	}

	/**
	 * A local government applied; the application's process starts in the same
	 * transaction.
	 *
	 * @param applicationNumber business key of the process
	 * @param department group that handles the programme
	 */
	public record Applied(String applicationNumber, String department) {
	}

	/** The applicant corrected the application after a request for correction (補正). */
	public record Corrected(String applicationNumber) {
	}

	/** The applicant asks to change the approved plan (変更承認申請). */
	public record ChangeRequested(String applicationNumber) {
	}

	/** The applicant filed the performance report (実績報告). */
	public record ReportFiled(String applicationNumber) {
	}

}
