package jp.localgov.casework.subsidy;

import jp.localgov.casework.platform.BusinessRuleException;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reservations against a programme's yearly budget, made by one conditional update each:
 * the database row lock orders simultaneous approvals and the condition refuses the one
 * that would overspend, so approvals can never exceed the budget.
 */
@Component
class BudgetLedger {

	private final JdbcTemplate jdbc;

	BudgetLedger(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** Reserves the amount, or refuses with the remaining budget in the message. */
	@Transactional(propagation = Propagation.MANDATORY)
	void reserve(long programmeId, long amount) {
		int updated = this.jdbc.update(
				"update subsidy_programme set reserved = reserved + ? where id = ? and reserved + ? <= budget", amount,
				programmeId, amount);
		if (updated != 1) {
			Long remaining = this.jdbc.queryForObject("select budget - reserved from subsidy_programme where id = ?",
					Long.class, programmeId);
			throw new BusinessRuleException(
					"予算残額（" + yen(remaining) + "）を超えるため交付決定できません（必要額 " + yen(amount) + "）。金額を見直すか、予算担当に相談してください。"
							+ " / The remaining budget (" + remaining + " yen) does not cover " + amount + " yen.");
		}
	}

	/** Sets a new budget, or refuses if it is below what is already reserved. */
	@Transactional(propagation = Propagation.MANDATORY)
	void changeBudget(long programmeId, long budget) {
		int updated = this.jdbc.update("update subsidy_programme set budget = ? where id = ? and reserved <= ?", budget,
				programmeId, budget);
		if (updated != 1) {
			Long reserved = this.jdbc.queryForObject("select reserved from subsidy_programme where id = ?", Long.class,
					programmeId);
			throw new BusinessRuleException("予算額は交付決定済みの額（" + yen(reserved)
					+ "）を下回れません / The budget cannot drop below the reserved " + reserved + " yen");
		}
	}

	/**
	 * Gives back part of a reservation (after a lower determined amount, or a change).
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	void release(long programmeId, long amount) {
		this.jdbc.update("update subsidy_programme set reserved = reserved - ? where id = ?", amount, programmeId);
	}

	/** Records a payment out of the reservation. */
	@Transactional(propagation = Propagation.MANDATORY)
	void pay(long programmeId, long amount) {
		this.jdbc.update("update subsidy_programme set paid = paid + ? where id = ?", amount, programmeId);
	}

	static String yen(Long amount) {
		return SubsidyAmounts.yen(amount == null ? 0 : amount);
	}

}
