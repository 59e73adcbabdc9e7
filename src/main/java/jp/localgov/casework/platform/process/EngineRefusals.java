package jp.localgov.casework.platform.process;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.Feature;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jp.localgov.casework.platform.BusinessRuleException;
import jp.localgov.casework.platform.ExplainedException;
import jp.localgov.casework.platform.InvalidInputException;
import jp.localgov.casework.platform.web.Texts;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.glassfish.jersey.internal.spi.ForcedAutoDiscoverable;
import org.glassfish.jersey.spi.ExtendedExceptionMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Clear answers at the engine boundary ({@code /engine-rest} and the web applications'
 * engine API alike): a business refusal is 409, invalid input 400 with the field, a
 * refused variable type or the deletion of a process's task 400 — also when the refusal
 * was thrown in a listener or delegate and the engine wrapped it (the cause chain is
 * searched). The body has Camunda's shape, {@code {"type", "message"}}, plus
 * {@code field} where known. Anything else keeps Camunda's own answer.
 * <p>
 * The mappers are registered with the REST starter's Jersey configuration and, through
 * Jersey's auto-discovery, with the Jersey applications of Tasklist, Cockpit and Admin.
 * They win over Camunda's mappers of the same exception type by their priority.
 */
@Configuration(proxyBeanMethods = false)
public class EngineRefusals {

	private static final Logger logger = LoggerFactory.getLogger(EngineRefusals.class);

	/** Engine message when Java serialization is used while it is switched off. */
	static final String JAVA_SERIALIZATION_PROHIBITED = "ENGINE-17007";

	/** Engine message when a task that belongs to a process instance is deleted. */
	static final String TASK_OF_A_PROCESS = "The task cannot be deleted because is part of a running process";

	static final String TASK_OF_A_CASE = "The task cannot be deleted because is part of a running case instance";

	/** Above Camunda's own exception mappers, which have the default priority. */
	static final int PRIORITY = 1000;

	/**
	 * Texts of refusals that carry a code of the message bundles; set once at start, read
	 * by the mappers Jersey creates.
	 */
	private static volatile Texts texts;

	@Bean
	ResourceConfigCustomizer engineRefusalMappers(Texts bundleTexts) {
		texts = bundleTexts;
		return (config) -> config.register(Mappers.class);
	}

	/**
	 * The Japanese and English text of a refusal, resolved from the bundles when coded.
	 */
	private static String textOf(ExplainedException refusal) {
		Texts current = texts;
		return (current != null && refusal.getCodes() != null) ? current.bilingual(refusal) : refusal.getMessage();
	}

	/** A refusal found in an exception's cause chain. */
	record Refusal(int status, String type, String message, String field) {

		Response toResponse() {
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("type", this.type);
			body.put("message", this.message);
			if (this.field != null) {
				body.put("field", this.field);
			}
			return Response.status(this.status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
		}

	}

	static Optional<Refusal> find(Throwable thrown) {
		int depth = 0;
		for (Throwable cause = thrown; cause != null && depth < 20; cause = cause.getCause(), depth++) {
			Optional<Refusal> refusal = refusalOf(cause);
			if (refusal.isPresent()) {
				return refusal;
			}
		}
		return Optional.empty();
	}

	private static Optional<Refusal> refusalOf(Throwable cause) {
		if (cause instanceof BusinessRuleException refused) {
			return Optional.of(new Refusal(409, "BusinessRuleException", textOf(refused), null));
		}
		if (cause instanceof InvalidInputException invalid) {
			return Optional.of(new Refusal(400, "InvalidInputException", textOf(invalid), invalid.getField()));
		}
		if (cause instanceof RefusedVariableException refused) {
			return Optional.of(new Refusal(400, "InvalidVariableException", refused.getMessage(), null));
		}
		String message = cause.getMessage();
		if (cause instanceof ProcessEngineException && message != null) {
			if (message.startsWith(JAVA_SERIALIZATION_PROHIBITED)) {
				return Optional.of(new Refusal(400, "InvalidVariableException",
						"Java シリアライズ形式の変数は受け付けられません。 / Java-serialized variables are refused.", null));
			}
			if (message.equals(TASK_OF_A_PROCESS) || message.equals(TASK_OF_A_CASE)) {
				return Optional.of(new Refusal(400, "InvalidRequestException",
						"プロセスに属するタスクは削除できません。 / A task that belongs to a process cannot be deleted.", null));
			}
		}
		return Optional.empty();
	}

	static Response answer(Refusal refusal, Throwable thrown) {
		logger.info("Refused with {}: {} ({})", refusal.status(), refusal.message(), thrown.getClass().getSimpleName());
		return refusal.toResponse();
	}

	/** Registers the mappers (once) in a Jersey application. */
	public static class Mappers implements Feature {

		@Override
		public boolean configure(FeatureContext context) {
			context.register(BusinessRuleMapper.class);
			context.register(InvalidInputMapper.class);
			context.register(WrappedInEngineExceptionMapper.class);
			context.register(WrappedInRestExceptionMapper.class);
			return true;
		}

	}

	/**
	 * Adds {@link Mappers} to every Jersey application in the web applications (listed in
	 * {@code META-INF/services}).
	 */
	public static class AutoDiscovery implements ForcedAutoDiscoverable {

		@Override
		public void configure(FeatureContext context) {
			if (!context.getConfiguration().isRegistered(Mappers.class)) {
				context.register(Mappers.class);
			}
		}

	}

	@Priority(PRIORITY)
	public static class BusinessRuleMapper implements ExceptionMapper<BusinessRuleException> {

		@Override
		public Response toResponse(BusinessRuleException exception) {
			return answer(find(exception).orElseThrow(), exception);
		}

	}

	@Priority(PRIORITY)
	public static class InvalidInputMapper implements ExceptionMapper<InvalidInputException> {

		@Override
		public Response toResponse(InvalidInputException exception) {
			return answer(find(exception).orElseThrow(), exception);
		}

	}

	@Priority(PRIORITY)
	public static class WrappedInEngineExceptionMapper implements ExtendedExceptionMapper<ProcessEngineException> {

		@Override
		public boolean isMappable(ProcessEngineException exception) {
			return find(exception).isPresent();
		}

		@Override
		public Response toResponse(ProcessEngineException exception) {
			return answer(find(exception).orElseThrow(), exception);
		}

	}

	@Priority(PRIORITY)
	public static class WrappedInRestExceptionMapper implements ExtendedExceptionMapper<RestException> {

		@Override
		public boolean isMappable(RestException exception) {
			return find(exception).isPresent();
		}

		@Override
		public Response toResponse(RestException exception) {
			return answer(find(exception).orElseThrow(), exception);
		}

	}

}
