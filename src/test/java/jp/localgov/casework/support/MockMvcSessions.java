package jp.localgov.casework.support;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import org.springframework.boot.test.autoconfigure.web.servlet.MockMvcBuilderCustomizer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * MockMvc tests pass their session from request to request as a {@code MockHttpSession};
 * the database-backed session of the running application (Spring Session, found by its
 * cookie) is bypassed for them. Tests over real HTTP use the database sessions.
 */
@TestConfiguration(proxyBeanMethods = false)
public class MockMvcSessions {

	/** Spring Session's filter does nothing for a request carrying this attribute. */
	static final String SESSION_FILTER_DONE = "org.springframework.session.web.http.SessionRepositoryFilter.FILTERED";

	@Bean
	MockMvcBuilderCustomizer containerSessionsForMockMvc() {
		return (builder) -> builder.defaultRequest(get("/").requestAttr(SESSION_FILTER_DONE, Boolean.TRUE));
	}

}
