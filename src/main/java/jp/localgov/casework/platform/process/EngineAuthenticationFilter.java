package jp.localgov.casework.platform.process;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.IdentityService;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Hands the person Spring Security authenticated on {@code /engine-rest} to the engine
 * for the duration of the request, so Camunda's authorization checks apply to every REST
 * call.
 */
public class EngineAuthenticationFilter extends OncePerRequestFilter {

	private final IdentityService identityService;

	public EngineAuthenticationFilter(IdentityService identityService) {
		this.identityService = identityService;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !authentication.isAuthenticated()
				|| authentication instanceof AnonymousAuthenticationToken) {
			chain.doFilter(request, response);
			return;
		}
		List<String> groupIds = authentication.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.filter((authority) -> authority.startsWith(CamundaIdentityAuthenticationProvider.ROLE_PREFIX))
			.map((authority) -> authority.substring(CamundaIdentityAuthenticationProvider.ROLE_PREFIX.length()))
			.toList();
		this.identityService.setAuthentication(authentication.getName(), groupIds);
		try {
			chain.doFilter(request, response);
		}
		finally {
			this.identityService.clearAuthentication();
		}
	}

}
