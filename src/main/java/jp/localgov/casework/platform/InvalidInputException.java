package jp.localgov.casework.platform;

/**
 * Input that is well-formed but not acceptable (e.g. a municipality code that does not
 * exist); answered with 400 naming the field, and nothing is stored.
 */
public class InvalidInputException extends RuntimeException {

	private final String field;

	public InvalidInputException(String field, String message) {
		super(message);
		this.field = field;
	}

	public String getField() {
		return this.field;
	}

}
