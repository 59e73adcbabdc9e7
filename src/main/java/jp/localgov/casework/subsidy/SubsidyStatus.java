package jp.localgov.casework.subsidy;

/** Where a subsidy application stands, as the applicant sees it. */
public enum SubsidyStatus {

	SUBMITTED("交付申請"), FORMAL_CHECK("形式審査中"), CORRECTION_REQUESTED("補正依頼中"), UNDER_REVIEW("審査中"),
	DECISION_PENDING("決裁中"), GRANTED("交付決定"), REJECTED("不交付決定"), CHANGE_REQUESTED("変更承認申請中"),
	REPORT_SUBMITTED("実績報告受領"), AMOUNT_DETERMINED("額の確定"), PAID("支払済"), WITHDRAWN("取下げ");

	private final String label;

	SubsidyStatus(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

}
