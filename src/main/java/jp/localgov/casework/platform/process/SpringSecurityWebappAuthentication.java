package jp.localgov.casework.platform.process;

import jakarta.servlet.http.HttpServletRequest;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.engine.rest.security.auth.impl.ContainerBasedAuthenticationProvider;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Tells the Camunda web applications who signed in at the one staff login: the person
 * Spring Security authenticated for this request. Their groups (and so the applications
 * they may open) are read by Camunda from its identity store, as at a Camunda login.
 * Instantiated by Camunda's {@code ContainerBasedAuthenticationFilter}.
 */
public class SpringSecurityWebappAuthentication extends ContainerBasedAuthenticationProvider {

	@Override
	public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !authentication.isAuthenticated()
				|| authentication instanceof AnonymousAuthenticationToken || authentication.getName() == null
				|| authentication.getName().isBlank()) {
			return AuthenticationResult.unsuccessful();
		}
		return AuthenticationResult.successful(authentication.getName());
	}

}
