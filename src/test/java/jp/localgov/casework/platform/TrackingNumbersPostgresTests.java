package jp.localgov.casework.platform;

import jp.localgov.casework.support.CaseworkPostgresTest;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Tracking numbers on PostgreSQL for the first submissions of a year arriving all at
 * once: every one gets its own number without waiting for the others' transactions and
 * without an error, and a number whose submission fails is logged as unused.
 */
@CaseworkPostgresTest
@Order(CaseworkPostgresTest.ORDER)
@ExtendWith(OutputCaptureExtension.class)
class TrackingNumbersPostgresTests extends TrackingNumbersChecks {

	@Test
	void thirtyTwoFirstSubmissionsOfAYearAtOnceGetNumbersOneToThirtyTwo() throws Exception {
		assertSimultaneousFirstNumbers("PGRACE", 32);
	}

	@Test
	void aNumberWhoseSubmissionFailsIsLoggedAndNotReused(CapturedOutput output) {
		assertUnusedNumberLogged("PGGAP", output);
	}

}
