package jp.localgov.casework.platform;

/**
 * Input that is well-formed but not acceptable (e.g. a municipality code that does not
 * exist); answered with 400 naming the field, and nothing is stored. The message is a
 * literal text, or a code of the message bundles.
 */
public class InvalidInputException extends ExplainedException {

	private final String field;

	public InvalidInputException(String field, String message) {
		super(message);
		this.field = field;
	}

	private InvalidInputException(String field, String code, Object[] arguments) {
		super(code, arguments);
		this.field = field;
	}

	/** Refuses a field with the message {@code code} of the bundles. */
	public static InvalidInputException withMessage(String field, String code, Object... arguments) {
		return new InvalidInputException(field, code, arguments);
	}

	public String getField() {
		return this.field;
	}

}
