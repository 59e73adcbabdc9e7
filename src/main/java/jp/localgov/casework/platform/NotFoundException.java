package jp.localgov.casework.platform;

/**
 * Something asked for does not exist, or exists but is not the asker's to see; both
 * answer 404 so that nobody learns which of the two it was. The message is a literal
 * text, or a code of the message bundles.
 */
public class NotFoundException extends ExplainedException {

	public NotFoundException(String message) {
		super(message);
	}

	private NotFoundException(String code, Object[] arguments) {
		super(code, arguments);
	}

	/** Not found, with the message {@code code} of the bundles. */
	public static NotFoundException withMessage(String code, Object... arguments) {
		return new NotFoundException(code, arguments);
	}

}
