package jp.localgov.casework.platform.process;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The application's notion of "now" is the engine's: timestamps of cases and the timers
 * of the processes agree, also when tests move the engine clock.
 */
class EngineClock extends Clock {

	private final ZoneId zone;

	EngineClock(ZoneId zone) {
		this.zone = zone;
	}

	@Override
	public ZoneId getZone() {
		return this.zone;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return new EngineClock(zone);
	}

	@Override
	public Instant instant() {
		return ClockUtil.getCurrentTime().toInstant();
	}

}
