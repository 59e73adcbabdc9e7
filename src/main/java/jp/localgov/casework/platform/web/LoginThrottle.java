package jp.localgov.casework.platform.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * One temporary lock for every login (staff form, portal form, HTTP Basic): after
 * {@code casework.login.max-failures} failed attempts within
 * {@code casework.login.window} for one account, or from one client address, that account
 * or address is refused for {@code casework.login.lock-duration} — even with the right
 * password — and then starts afresh. Attempts refused during a lock do not count, so
 * nobody can make a lock last longer by trying harder, and no lock is ever permanent.
 * <p>
 * The state is kept in memory on each node (lost on restart, at most {@link #MAX_TRACKED}
 * accounts and addresses); with several nodes each counts its own attempts.
 */
@Component
@EnableConfigurationProperties(LoginThrottle.Settings.class)
public class LoginThrottle {

	/** Upper bound of tracked accounts and addresses, so strangers cannot fill memory. */
	static final int MAX_TRACKED = 100_000;

	private final Settings settings;

	private final Clock clock;

	private final Map<Subject, Attempts> attempts = new ConcurrentHashMap<>();

	public LoginThrottle(Settings settings, Clock clock) {
		this.settings = settings;
		this.clock = clock;
	}

	/**
	 * When the later of the account's and the address's locks ends, if either is locked
	 * now.
	 */
	public Optional<Instant> lockedUntil(String account, String address) {
		Instant now = this.clock.instant();
		return subjects(account, address).stream()
			.map(this.attempts::get)
			.filter((entry) -> entry != null)
			.map((entry) -> entry.lockedUntil(now))
			.flatMap(Optional::stream)
			.max(Comparator.naturalOrder());
	}

	/** The throttle's clock: the application's (the engine's) clock. */
	public Instant now() {
		return this.clock.instant();
	}

	/** Counts a failed attempt against the account and the address. */
	public void failed(String account, String address) {
		Instant now = this.clock.instant();
		if (this.attempts.size() >= MAX_TRACKED) {
			this.attempts.entrySet().removeIf((entry) -> entry.getValue().isIdle(now, this.settings));
		}
		for (Subject subject : subjects(account, address)) {
			if (this.attempts.size() >= MAX_TRACKED && !this.attempts.containsKey(subject)) {
				continue;
			}
			int limit = (subject.kind() == Kind.ACCOUNT) ? this.settings.maxFailures()
					: this.settings.maxFailuresPerAddress();
			this.attempts.computeIfAbsent(subject, (key) -> new Attempts()).fail(now, limit, this.settings);
		}
	}

	/** A successful login clears the account's failures (not the address's). */
	public void succeeded(String account) {
		if (account != null) {
			this.attempts.remove(Subject.account(account));
		}
	}

	/** Accounts and addresses locked now, the longest-locked first. */
	public List<Lock> locks() {
		Instant now = this.clock.instant();
		return this.attempts.entrySet()
			.stream()
			.flatMap((entry) -> entry.getValue()
				.lockedUntil(now)
				.map((until) -> new Lock(entry.getKey().kind(), entry.getKey().value(), until))
				.stream())
			.sorted(Comparator.comparing(Lock::until).reversed())
			.toList();
	}

	/** Lifts the lock (and forgets the failures) of one account or address. */
	public boolean unlock(Kind kind, String value) {
		return this.attempts.remove(new Subject(kind, normalize(kind, value))) != null;
	}

	private static List<Subject> subjects(String account, String address) {
		if (account == null || account.isBlank()) {
			return (address == null) ? List.of() : List.of(Subject.address(address));
		}
		return (address == null) ? List.of(Subject.account(account))
				: List.of(Subject.account(account), Subject.address(address));
	}

	private static String normalize(Kind kind, String value) {
		return (kind == Kind.ACCOUNT) ? value.strip().toLowerCase(Locale.ROOT) : value.strip();
	}

	/** What a lock applies to. */
	public enum Kind {

		ACCOUNT, ADDRESS

	}

	/** A current lock, for administrators. */
	public record Lock(Kind kind, String value, Instant until) {

	}

	private record Subject(Kind kind, String value) {

		static Subject account(String account) {
			return new Subject(Kind.ACCOUNT, normalize(Kind.ACCOUNT, account));
		}

		static Subject address(String address) {
			return new Subject(Kind.ADDRESS, normalize(Kind.ADDRESS, address));
		}

	}

	/** Failures within the window, and the end of the current lock. */
	private static final class Attempts {

		private final Deque<Instant> failures = new ArrayDeque<>();

		private Instant lockedUntil;

		synchronized Optional<Instant> lockedUntil(Instant now) {
			return (this.lockedUntil != null && this.lockedUntil.isAfter(now)) ? Optional.of(this.lockedUntil)
					: Optional.empty();
		}

		synchronized void fail(Instant now, int maxFailures, Settings settings) {
			if (this.lockedUntil != null) {
				if (this.lockedUntil.isAfter(now)) {
					return;
				}
				this.lockedUntil = null;
				this.failures.clear();
			}
			Instant windowStart = now.minus(settings.window());
			while (!this.failures.isEmpty() && !this.failures.peekFirst().isAfter(windowStart)) {
				this.failures.removeFirst();
			}
			this.failures.addLast(now);
			if (this.failures.size() >= maxFailures) {
				this.lockedUntil = now.plus(settings.lockDuration());
				this.failures.clear();
			}
		}

		synchronized boolean isIdle(Instant now, Settings settings) {
			boolean locked = this.lockedUntil != null && this.lockedUntil.isAfter(now);
			boolean recentFailure = !this.failures.isEmpty()
					&& this.failures.peekLast().isAfter(now.minus(settings.window()));
			return !locked && !recentFailure;
		}

	}

	/**
	 * {@code casework.login.*}: failures allowed within the window (per account, per
	 * client address), and how long a lock lasts.
	 */
	@ConfigurationProperties("casework.login")
	public record Settings(int maxFailures, int maxFailuresPerAddress, Duration window, Duration lockDuration) {

		public Settings {
			maxFailures = (maxFailures > 0) ? maxFailures : 5;
			maxFailuresPerAddress = (maxFailuresPerAddress > 0) ? maxFailuresPerAddress : 20;
			window = (window != null && !window.isNegative() && !window.isZero()) ? window : Duration.ofMinutes(15);
			lockDuration = (lockDuration != null && !lockDuration.isNegative() && !lockDuration.isZero()) ? lockDuration
					: Duration.ofMinutes(15);
		}

	}

}
