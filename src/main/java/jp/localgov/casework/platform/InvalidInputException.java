package jp.localgov.casework.platform;

import org.springframework.context.MessageSourceResolvable;

/**
 * Input that is well-formed but not acceptable (e.g. a municipality code that does not
 * exist); answered with 400 naming the field, and nothing is stored. The message is a
 * literal text, or a code of the message bundles.
 */
public class InvalidInputException extends RuntimeException implements MessageSourceResolvable {

	private final String field;

	private final String code;

	private final Object[] arguments;

	public InvalidInputException(String field, String message) {
		super(message);
		this.field = field;
		this.code = null;
		this.arguments = null;
	}

	private InvalidInputException(String field, String code, Object[] arguments) {
		super(code);
		this.field = field;
		this.code = code;
		this.arguments = arguments;
	}

	/** Refuses a field with the message {@code code} of the bundles. */
	public static InvalidInputException withMessage(String field, String code, Object... arguments) {
		return new InvalidInputException(field, code, arguments);
	}

	public String getField() {
		return this.field;
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
