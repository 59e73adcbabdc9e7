package jp.localgov.casework.platform.web;

/**
 * A request that needs a person and came without a login; answered 401 with an HTTP Basic
 * challenge.
 */
public class LoginRequiredException extends RuntimeException {

	public LoginRequiredException() {
		super("Login required");
	}

}
