package jp.localgov.casework.platform.process;

import org.camunda.bpm.engine.IdentityService;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Provides the filter that passes the authenticated person to the engine; it runs only
 * inside the {@code /engine-rest} security chain, never as a servlet filter of its own.
 */
@Configuration(proxyBeanMethods = false)
class EngineSecurityConfiguration {

	@Bean
	EngineAuthenticationFilter engineAuthenticationFilter(IdentityService identityService) {
		return new EngineAuthenticationFilter(identityService);
	}

	@Bean
	FilterRegistrationBean<EngineAuthenticationFilter> engineAuthenticationFilterRegistration(
			EngineAuthenticationFilter filter) {
		FilterRegistrationBean<EngineAuthenticationFilter> registration = new FilterRegistrationBean<>(filter);
		registration.setEnabled(false);
		return registration;
	}

}
