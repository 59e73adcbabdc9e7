package jp.localgov.casework.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Year;

import jp.localgov.casework.support.CaseworkSpringBootTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Tracking numbers on H2, the database for trying the application out on one node: the
 * first submissions of a year at once, a failed submission's number logged as unused, and
 * a year counted in the earlier counter table continued.
 */
@CaseworkSpringBootTest
@ExtendWith(OutputCaptureExtension.class)
class TrackingNumbersTests extends TrackingNumbersChecks {

	@Test
	void eightFirstSubmissionsOfAYearAtOnceGetNumbersOneToEight() throws Exception {
		assertSimultaneousFirstNumbers("HRACE", 8);
	}

	@Test
	void aNumberWhoseSubmissionFailsIsLoggedAndNotReused(CapturedOutput output) {
		assertUnusedNumberLogged("HGAP", output);
	}

	@Test
	void aYearCountedInTheEarlierTableContinuesFromItsLastNumber() {
		this.jdbc.update("insert into tracking_sequence (prefix, seq_year, last_value) values ('OLD', 2030, 41)");
		assertThat(inTransaction("OLD", Year.of(2030))).isEqualTo("OLD-2030-000042");
	}

}
