package jp.localgov.casework.lgotp;

/** Where a programme year stands. */
public enum YearStage {

	PREPARING("準備中"), SURVEY("受入要望調査"), DEMAND_REVIEW("要望の確認"), RECRUITMENT("研修員の募集・決定"), JOURNEYS("研修実施中"),
	COMPLETED("終了"), NO_DEMAND("要望なし");

	private final String label;

	YearStage(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

}
