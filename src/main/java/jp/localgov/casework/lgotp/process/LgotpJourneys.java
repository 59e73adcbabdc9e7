package jp.localgov.casework.lgotp.process;

import java.util.Arrays;

import jp.localgov.casework.lgotp.LgotpService;

import org.springframework.stereotype.Component;

/**
 * Used in the expressions of the LGOTP models: the trainee of each instance of
 * {@code CallActivity_TraineeJourneys}, and the monthly reports counted by
 * {@code Gateway_MoreReports}.
 */
@Component("lgotpJourneys")
public class LgotpJourneys {

	private final LgotpService lgotp;

	LgotpJourneys(LgotpService lgotp) {
		this.lgotp = lgotp;
	}

	/** The id at {@code index} of the comma-separated trainee ids. */
	public long traineeId(String traineeIds, int index) {
		return Long.parseLong(Arrays.asList(traineeIds.split(",")).get(index));
	}

	/** Business key of the journey at {@code index}, e.g. LGOTP-FY2027-T001. */
	public String journeyKey(String traineeIds, int index) {
		return this.lgotp.traineeView(traineeId(traineeIds, index)).journeyKey();
	}

	/** Monthly reports the host has filed so far. */
	public int reportsFiled(long traineeId) {
		return this.lgotp.traineeView(traineeId).reportedMonths().size();
	}

}
