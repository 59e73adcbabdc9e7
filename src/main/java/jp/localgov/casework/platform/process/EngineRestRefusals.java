package jp.localgov.casework.platform.process;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jp.localgov.casework.platform.InvalidInputException;

import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Answers a refused form submission on the engine REST API with 400 and the field, in the
 * shape of Camunda's own errors ({@code type}, {@code message}) plus {@code field},
 * instead of the 500 Camunda gives any exception it does not know.
 */
@Configuration(proxyBeanMethods = false)
class EngineRestRefusals {

	@Bean
	ResourceConfigCustomizer invalidInputOnEngineRest() {
		return (config) -> config.register(InvalidInputMapper.class);
	}

	/** Maps {@link InvalidInputException} to 400 with its field and message. */
	static class InvalidInputMapper implements ExceptionMapper<InvalidInputException> {

		@Override
		public Response toResponse(InvalidInputException exception) {
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("type", InvalidInputException.class.getSimpleName());
			body.put("message", exception.getMessage());
			body.put("field", exception.getField());
			return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON).entity(body).build();
		}

	}

}
