package jp.localgov.casework.subsidy;

/**
 * The amount rules of every programme, in whole yen with amounts below 1,000 yen cut off
 * (千円未満切捨て): granted = min(ceiling, floor₁₀₀₀(eligible cost × rate)); determined =
 * min(granted, floor₁₀₀₀(actual eligible cost × rate)).
 */
public final class SubsidyAmounts {

	private SubsidyAmounts() {
	}

	public static long granted(long eligibleCost, SubsidyRate rate, long ceiling) {
		requireNotNegative(eligibleCost);
		return Math.min(ceiling, floorToThousand(rate.apply(eligibleCost)));
	}

	public static long determined(long granted, long actualEligibleCost, SubsidyRate rate) {
		requireNotNegative(actualEligibleCost);
		return Math.min(granted, floorToThousand(rate.apply(actualEligibleCost)));
	}

	/** An amount as people read it, e.g. {@code 1,234,000円}. */
	public static String yen(long amount) {
		return String.format("%,d円", amount);
	}

	public static long floorToThousand(long yen) {
		return (yen / 1000) * 1000;
	}

	private static void requireNotNegative(long yen) {
		if (yen < 0) {
			throw new IllegalArgumentException("Costs are not negative: " + yen);
		}
	}

}
