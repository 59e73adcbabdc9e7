package jp.localgov.casework.inquiry;

/**
 * Where an inquiry stands, as the applicant sees it: the six stages of the online
 * secretariat in order, plus waiting for the applicant and closed.
 */
public enum InquiryStatus {

	SUBMITTED("申請", "Submitted"), WAITING_FOR_RECEPTION("受付待ち", "Waiting for reception"),
	DEPARTMENT_ASSIGNED("担当課指定", "Department assigned"), STAFF_ASSIGNED("担当指定", "Staff member assigned"),
	INTERIM_ANSWERED("中間回答", "Interim answer"), FINAL_ANSWERED("最終回答", "Final answer"),
	WAITING_FOR_APPLICANT("追加情報の待ち", "Waiting for your information"), CLOSED("終了", "Closed");

	private final String japanese;

	private final String english;

	InquiryStatus(String japanese, String english) {
		this.japanese = japanese;
		this.english = english;
	}

	public String label(String language) {
		return "en".equals(language) ? this.english : this.japanese;
	}

	/** Whether the inquiry is finished: answered or closed. */
	public boolean isFinished() {
		return this == FINAL_ANSWERED || this == CLOSED;
	}

}
