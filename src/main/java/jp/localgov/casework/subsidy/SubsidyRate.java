package jp.localgov.casework.subsidy;

/**
 * A subsidy rate as an exact fraction (補助率, e.g. 1/2 or 2/3), so that amounts are
 * computed in whole yen without floating point.
 *
 * @param numerator e.g. 2
 * @param denominator e.g. 3
 */
public record SubsidyRate(int numerator, int denominator) {

	public SubsidyRate {
		if (numerator <= 0 || denominator <= 0 || numerator > denominator) {
			throw new IllegalArgumentException(
					"A rate is a fraction between 0 and 1: " + numerator + "/" + denominator);
		}
	}

	/** Parses {@code "2/3"}. */
	public static SubsidyRate parse(String text) {
		String[] parts = text.strip().split("/");
		if (parts.length != 2) {
			throw new IllegalArgumentException("A rate is written as n/d: " + text);
		}
		return new SubsidyRate(Integer.parseInt(parts[0].strip()), Integer.parseInt(parts[1].strip()));
	}

	/** The cost times the rate, rounded down to the yen. */
	public long apply(long yen) {
		return Math.multiplyExact(yen, (long) this.numerator) / this.denominator;
	}

	@Override
	public String toString() {
		return this.numerator + "/" + this.denominator;
	}

}
