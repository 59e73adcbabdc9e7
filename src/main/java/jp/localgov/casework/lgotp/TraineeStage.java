package jp.localgov.casework.lgotp;

/** The stages of a trainee's journey, visible to staff and the host. */
public enum TraineeStage {

	CANDIDATE("候補者"), NOT_SELECTED("不採用"), SELECTED("決定"), PRE_ARRIVAL("来日に向けた諸手続き"), ORIENTATION("来日・オリエンテーション"),
	JIAM_TRAINING("全体研修（JIAM）"), POSTED("赴任・受入団体での研修"), RETURNED("帰国"), ALUMNI("OB/OG"), WITHDRAWN("辞退・途中帰国");

	private final String label;

	TraineeStage(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

}
