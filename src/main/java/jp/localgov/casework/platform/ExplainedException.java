package jp.localgov.casework.platform;

import org.springframework.context.MessageSourceResolvable;

/**
 * A refusal the user reads: its text is a literal message, or a code of the message
 * bundles with its arguments, which the portal shows in the page's language and the APIs
 * in Japanese and English.
 */
public abstract class ExplainedException extends RuntimeException implements MessageSourceResolvable {

	private final String code;

	private final Object[] arguments;

	/** A refusal with a literal text (a code of the bundles is better). */
	protected ExplainedException(String message) {
		super(message);
		this.code = null;
		this.arguments = null;
	}

	/** A refusal whose text is the message {@code code} of the bundles. */
	protected ExplainedException(String code, Object[] arguments) {
		super(code);
		this.code = code;
		this.arguments = arguments;
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
