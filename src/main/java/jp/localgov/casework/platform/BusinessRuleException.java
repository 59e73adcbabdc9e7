package jp.localgov.casework.platform;

/**
 * A well-formed request that the current state of a case does not allow (a closed
 * application window, an exhausted budget); answered with 409 and a message the user can
 * act on: a literal text, or a code of the message bundles.
 */
public class BusinessRuleException extends ExplainedException {

	public BusinessRuleException(String message) {
		super(message);
	}

	private BusinessRuleException(String code, Object[] arguments) {
		super(code, arguments);
	}

	/** A refusal whose text is the message {@code code} of the bundles. */
	public static BusinessRuleException withMessage(String code, Object... arguments) {
		return new BusinessRuleException(code, arguments);
	}

}
