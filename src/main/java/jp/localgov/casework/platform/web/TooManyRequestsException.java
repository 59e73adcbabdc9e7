package jp.localgov.casework.platform.web;

/**
 * An anonymous submission over the intake limit of its client or e-mail address; answered
 * 429 with {@code Retry-After}.
 */
public class TooManyRequestsException extends RuntimeException {

	private final long retryAfterSeconds;

	TooManyRequestsException(long retryAfterSeconds) {
		super("Intake limit reached; retry after " + retryAfterSeconds + " s");
		this.retryAfterSeconds = retryAfterSeconds;
	}

	public long getRetryAfterSeconds() {
		return this.retryAfterSeconds;
	}

}
