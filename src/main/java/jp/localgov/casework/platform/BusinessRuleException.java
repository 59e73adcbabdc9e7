package jp.localgov.casework.platform;

import org.springframework.context.MessageSourceResolvable;

/**
 * A well-formed request that the current state of a case does not allow (a closed
 * application window, an exhausted budget); answered with 409 and a message the user can
 * act on: a literal text, or a code of the message bundles.
 */
public class BusinessRuleException extends RuntimeException implements MessageSourceResolvable {

	private final String code;

	private final Object[] arguments;

	public BusinessRuleException(String message) {
		super(message);
		this.code = null;
		this.arguments = null;
	}

	private BusinessRuleException(String code, Object[] arguments) {
		super(code);
		this.code = code;
		this.arguments = arguments;
	}

	/** A refusal whose text is the message {@code code} of the bundles. */
	public static BusinessRuleException withMessage(String code, Object... arguments) {
		return new BusinessRuleException(code, arguments);
	}

	@Override
	public String[] getCodes() {
		return (this.code != null) ? new String[] { this.code } : null;
	}

	@Override
	public Object[] getArguments() {
		return this.arguments;
	}

	@Override
	public String getDefaultMessage() {
		return (this.code != null) ? null : getMessage();
	}

}
