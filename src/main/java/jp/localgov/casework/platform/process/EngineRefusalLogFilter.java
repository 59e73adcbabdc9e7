package jp.localgov.casework.platform.process;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggerContextListener;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import jakarta.annotation.PostConstruct;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;

import org.springframework.stereotype.Component;

/**
 * Keeps refusals out of the error log: the engine logs every exception that ends a
 * command as an error with its stack trace, also a business refusal from a listener, a
 * refused variable type or the deletion of a process's task; those are answered 4xx (see
 * {@link EngineRefusals}, which logs them in one line) and are not errors of the system.
 */
@Component
class EngineRefusalLogFilter extends TurboFilter {

	/** The engine's logger for exceptions that end a command. */
	static final String COMMAND_CONTEXT_LOGGER = "org.camunda.bpm.engine.context";

	@PostConstruct
	void register() {
		if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
			install(context);
			context.addListener(new Reinstall(this));
		}
	}

	private void install(LoggerContext context) {
		if (!context.getTurboFilterList().contains(this)) {
			context.addTurboFilter(this);
		}
	}

	@Override
	public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params,
			Throwable thrown) {
		if (level == null || !level.isGreaterOrEqual(Level.WARN) || logger == null
				|| !COMMAND_CONTEXT_LOGGER.equals(logger.getName())) {
			return FilterReply.NEUTRAL;
		}
		Throwable cause = thrown;
		if (cause == null && params != null && params.length > 0
				&& params[params.length - 1] instanceof Throwable last) {
			cause = last;
		}
		return (cause != null && EngineRefusals.find(cause).isPresent()) ? FilterReply.DENY : FilterReply.NEUTRAL;
	}

	/** Puts the filter back when the logging system is reset (reconfiguration). */
	private record Reinstall(EngineRefusalLogFilter filter) implements LoggerContextListener {

		@Override
		public boolean isResetResistant() {
			return true;
		}

		@Override
		public void onStart(LoggerContext context) {
		}

		@Override
		public void onReset(LoggerContext context) {
			this.filter.install(context);
		}

		@Override
		public void onStop(LoggerContext context) {
		}

		@Override
		public void onLevelChange(Logger logger, Level level) {
		}

	}

}
