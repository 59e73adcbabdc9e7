package jp.localgov.casework.lgotp;

/** Where a host local government's request stands. */
public enum HostRequestStatus {

	SUBMITTED("提出済み"), WITHDRAWN("取下げ"), MATCHED("研修員決定"), UNMATCHED("研修員なし");

	private final String label;

	HostRequestStatus(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

}
