package jp.localgov.casework.platform.process;

import java.util.Map;

import jakarta.servlet.DispatcherType;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Connects the engine to the one Spring Security login: the REST API runs as the person
 * of the HTTP Basic login (a filter used only inside the {@code /engine-rest} security
 * chain), and the Camunda web applications take the person of the staff login through
 * Camunda's container-based authentication (after the security chain, before Camunda's
 * own filters).
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

	@Bean
	FilterRegistrationBean<ContainerBasedAuthenticationFilter> webappContainerAuthentication(
			@Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath) {
		FilterRegistrationBean<ContainerBasedAuthenticationFilter> registration = new FilterRegistrationBean<>(
				new ContainerBasedAuthenticationFilter());
		registration.setName("Container Based Authentication Filter");
		registration.setInitParameters(Map.of(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
				SpringSecurityWebappAuthentication.class.getName()));
		registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 1);
		String path = webappPath.endsWith("/") ? webappPath.substring(0, webappPath.length() - 1) : webappPath;
		registration.addUrlPatterns(path + "/app/*", path + "/api/*");
		registration.setDispatcherTypes(DispatcherType.REQUEST);
		return registration;
	}

}
