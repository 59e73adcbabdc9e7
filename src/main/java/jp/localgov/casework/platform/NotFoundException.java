package jp.localgov.casework.platform;

import org.springframework.context.MessageSourceResolvable;

/**
 * Something asked for does not exist, or exists but is not the asker's to see; both
 * answer 404 so that nobody learns which of the two it was. The message is a literal
 * text, or a code of the message bundles.
 */
public class NotFoundException extends RuntimeException implements MessageSourceResolvable {

	private final String code;

	private final Object[] arguments;

	public NotFoundException(String message) {
		super(message);
		this.code = null;
		this.arguments = null;
	}

	private NotFoundException(String code, Object[] arguments) {
		super(code);
		this.code = code;
		this.arguments = arguments;
	}

	/** Not found, with the message {@code code} of the bundles. */
	public static NotFoundException withMessage(String code, Object... arguments) {
		return new NotFoundException(code, arguments);
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
