package jp.localgov.casework.platform.web;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Counts anonymous submissions in a sliding window of one minute, per client address and
 * per e-mail address, and refuses the one over the limit with the seconds until the
 * oldest counted one leaves the window. The counts live in this node's memory: with N
 * nodes behind a load balancer a client gets up to N times the limit.
 */
@Component
public class IntakeLimiter {

	private static final Duration WINDOW = Duration.ofMinutes(1);

	/** Keys kept before stale ones are swept out. */
	private static final int SWEEP_ABOVE = 10_000;

	private final IntakeProperties properties;

	private final Clock clock;

	private final Map<String, Deque<Long>> windows = new ConcurrentHashMap<>();

	@Autowired
	IntakeLimiter(IntakeProperties properties) {
		this(properties, Clock.systemUTC());
	}

	IntakeLimiter(IntakeProperties properties, Clock clock) {
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Counts a submission from a client address (the one the servlet container resolved,
	 * which is the forwarded one only behind a configured trusted proxy).
	 * @throws TooManyRequestsException over the limit
	 */
	public void countAddress(String address) {
		count("address:" + address);
	}

	/**
	 * Counts a submission for an e-mail address (compared without case).
	 * @throws TooManyRequestsException over the limit
	 */
	public void countEmail(String email) {
		if (email != null && !email.isBlank()) {
			count("email:" + email.strip().toLowerCase(Locale.ROOT));
		}
	}

	private void count(String key) {
		int limit = this.properties.getRateLimitPerMinute();
		if (limit <= 0) {
			return;
		}
		long now = this.clock.millis();
		long windowStart = now - WINDOW.toMillis();
		if (this.windows.size() > SWEEP_ABOVE) {
			sweep(windowStart);
		}
		Deque<Long> window = this.windows.computeIfAbsent(key, (any) -> new ArrayDeque<>());
		synchronized (window) {
			while (!window.isEmpty() && window.peekFirst() <= windowStart) {
				window.pollFirst();
			}
			if (window.size() >= limit) {
				long retryAfterMillis = window.peekFirst() + WINDOW.toMillis() - now;
				throw new TooManyRequestsException(Math.max(1, (retryAfterMillis + 999) / 1000));
			}
			window.addLast(now);
		}
	}

	private void sweep(long windowStart) {
		this.windows.entrySet().removeIf((entry) -> {
			Deque<Long> window = entry.getValue();
			synchronized (window) {
				return window.isEmpty() || window.peekLast() <= windowStart;
			}
		});
	}

}
