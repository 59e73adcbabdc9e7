package jp.localgov.casework.subsidy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The amount rules in whole yen, 千円未満切捨て, as a table. */
class SubsidyAmountsTests {

	@ParameterizedTest(name = "cost {0} × {1}, ceiling {2} → granted {3}")
	@CsvSource(textBlock = """
			1000000,  1/2, 2000000,  500000
			1001999,  1/2, 2000000,  500000
			1002000,  1/2, 2000000,  501000
			999,      1/2, 2000000,  0
			0,        1/2, 2000000,  0
			3000000,  2/3, 3000000,  2000000
			1000000,  2/3, 3000000,  666000
			10000000, 1/2, 2000000,  2000000
			4000000,  1/2, 2000000,  2000000
			4001999,  1/2, 2000000,  2000000
			1234567,  1/1, 5000000,  1234000
			""")
	void grantedIsTheRateOfTheEligibleCostCutToThousandsWithinTheCeiling(long cost, String rate, long ceiling,
			long granted) {
		assertThat(SubsidyAmounts.granted(cost, SubsidyRate.parse(rate), ceiling)).isEqualTo(granted);
	}

	@ParameterizedTest(name = "granted {0}, actual {1} × {2} → determined {3}")
	@CsvSource(textBlock = """
			500000,  1000000, 1/2, 500000
			500000,  1200000, 1/2, 500000
			500000,  800000,  1/2, 400000
			500000,  801999,  1/2, 400000
			500000,  802000,  1/2, 401000
			666000,  900000,  2/3, 600000
			2000000, 0,       1/2, 0
			""")
	void determinedNeverExceedsTheGrant(long granted, long actual, String rate, long determined) {
		assertThat(SubsidyAmounts.determined(granted, actual, SubsidyRate.parse(rate))).isEqualTo(determined);
	}

	@ParameterizedTest
	@CsvSource({ "3/2", "0/1", "1/0", "-1/2", "half" })
	void ratesAreFractionsBetweenZeroAndOne(String rate) {
		assertThatIllegalArgumentException().isThrownBy(() -> SubsidyRate.parse(rate));
	}

	@ParameterizedTest
	@CsvSource({ "-1", "-1000" })
	void negativeCostsAreRefused(long cost) {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> SubsidyAmounts.granted(cost, new SubsidyRate(1, 2), 1000));
	}

	@ParameterizedTest
	@CsvSource({ "010006, PREFECTURE", "130001, PREFECTURE", "221309, DESIGNATED_CITY", "011002, DESIGNATED_CITY",
			"131016, MUNICIPALITY", "352039, MUNICIPALITY" })
	void applicantTypeFollowsTheLocalGovernmentCode(String code, ApplicantType type) {
		assertThat(ApplicantType.ofMunicipalityCode(code)).isEqualTo(type);
	}

}
