package jp.localgov.casework.platform;

/**
 * A well-formed request that the current state of a case does not allow (a closed
 * application window, an exhausted budget); answered with 409 and a message the user can
 * act on.
 */
public class BusinessRuleException extends RuntimeException {

	public BusinessRuleException(String message) {
		super(message);
	}

}
