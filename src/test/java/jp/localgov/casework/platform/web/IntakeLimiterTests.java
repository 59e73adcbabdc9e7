package jp.localgov.casework.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

/**
 * The intake limit counts in a sliding minute, per client address and per e-mail address
 * (without case), tells when to retry, and is off at 0.
 */
class IntakeLimiterTests {

	private final MovableClock clock = new MovableClock();

	@Test
	void theSubmissionOverTheLimitIsRefusedUntilTheOldestLeavesTheMinute() {
		IntakeLimiter limiter = limiter(3);
		limiter.countAddress("203.0.113.7");
		this.clock.move(Duration.ofSeconds(20));
		limiter.countAddress("203.0.113.7");
		limiter.countAddress("203.0.113.7");

		assertThatThrownBy(() -> limiter.countAddress("203.0.113.7")).isInstanceOf(TooManyRequestsException.class)
			.extracting((ex) -> ((TooManyRequestsException) ex).getRetryAfterSeconds())
			.isEqualTo(40L);
		assertThatCode(() -> limiter.countAddress("198.51.100.1")).doesNotThrowAnyException();

		this.clock.move(Duration.ofSeconds(40));
		assertThatCode(() -> limiter.countAddress("203.0.113.7")).doesNotThrowAnyException();
	}

	@Test
	void oneEmailAddressIsLimitedWhateverItsCaseOrTheSendersAddress() {
		IntakeLimiter limiter = limiter(2);
		limiter.countEmail("Victim@City.example.jp");
		limiter.countEmail(" victim@city.example.jp");

		assertThatThrownBy(() -> limiter.countEmail("VICTIM@city.example.jp"))
			.isInstanceOf(TooManyRequestsException.class);
		assertThatCode(() -> limiter.countEmail("other@city.example.jp")).doesNotThrowAnyException();
	}

	@Test
	void zeroSwitchesTheLimitOff() {
		IntakeLimiter limiter = limiter(0);
		for (int i = 0; i < 1000; i++) {
			limiter.countAddress("203.0.113.7");
			limiter.countEmail("same@city.example.jp");
		}
		assertThat(new IntakeProperties().getRateLimitPerMinute()).as("on by default").isPositive();
	}

	private IntakeLimiter limiter(int perMinute) {
		IntakeProperties properties = new IntakeProperties();
		properties.setRateLimitPerMinute(perMinute);
		return new IntakeLimiter(properties, this.clock);
	}

	private static final class MovableClock extends Clock {

		private Instant now = Instant.parse("2026-05-01T01:00:00Z");

		void move(Duration by) {
			this.now = this.now.plus(by);
		}

		@Override
		public Instant instant() {
			return this.now;
		}

		@Override
		public java.time.ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}

	}

}
