package jp.localgov.casework.platform.web;

/**
 * A logged-in person whose account may not do what was asked (e.g. staff only); answered
 * 403 with the message of the bundles under {@link #getCode()}.
 */
public class AccessRefusedException extends RuntimeException {

	private final String code;

	public AccessRefusedException(String code) {
		super(code);
		this.code = code;
	}

	public String getCode() {
		return this.code;
	}

}
