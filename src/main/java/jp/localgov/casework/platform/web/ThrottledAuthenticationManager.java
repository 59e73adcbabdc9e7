package jp.localgov.casework.platform.web;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Puts the {@link LoginThrottle} in front of the password check: while the account or the
 * client address is locked, even the right password is refused (and not checked), and
 * each failed check counts against both.
 */
class ThrottledAuthenticationManager implements AuthenticationManager {

	private static final Logger logger = LoggerFactory.getLogger(ThrottledAuthenticationManager.class);

	private final AuthenticationManager delegate;

	private final LoginThrottle throttle;

	ThrottledAuthenticationManager(AuthenticationManager delegate, LoginThrottle throttle) {
		this.delegate = delegate;
		this.throttle = throttle;
	}

	@Override
	public Authentication authenticate(Authentication authentication) throws AuthenticationException {
		String account = authentication.getName();
		String address = clientAddress(authentication);
		Optional<Instant> lockedUntil = this.throttle.lockedUntil(account, address);
		if (lockedUntil.isPresent()) {
			throw new LoginLockedException(lockedUntil.get(), Duration.between(this.throttle.now(), lockedUntil.get()));
		}
		try {
			Authentication result = this.delegate.authenticate(authentication);
			this.throttle.succeeded(account);
			return result;
		}
		catch (BadCredentialsException ex) {
			this.throttle.failed(account, address);
			this.throttle.lockedUntil(account, address)
				.ifPresent((until) -> logger.info("Login of '{}' from {} failed; locked until {}", account, address,
						until));
			throw ex;
		}
	}

	/**
	 * The client address: the forwarded one only when a trusted proxy sent the request.
	 */
	private static String clientAddress(Authentication authentication) {
		return (authentication.getDetails() instanceof WebAuthenticationDetails details) ? details.getRemoteAddress()
				: null;
	}

	/**
	 * A login refused because of a temporary lock; says until when, in Japanese first.
	 */
	static class LoginLockedException extends LockedException {

		private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("H:mm")
			.withZone(ZoneId.of("Asia/Tokyo"));

		private final transient Instant until;

		private final transient Duration remaining;

		LoginLockedException(Instant until, Duration remaining) {
			super("ログインの失敗が続いたため、一時的にログインできません。" + TIME.format(until)
					+ " 以降にもう一度お試しください。 / Too many failed logins: please try again after " + TIME.format(until)
					+ " (JST).");
			this.until = until;
			this.remaining = remaining;
		}

		Instant until() {
			return this.until;
		}

		/** Whole seconds until the lock ends (at least one), for {@code Retry-After}. */
		long retryAfterSeconds() {
			return Math.max(1, (this.remaining.toMillis() + 999) / 1000);
		}

	}

}
