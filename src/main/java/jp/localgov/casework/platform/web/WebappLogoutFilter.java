package jp.localgov.casework.platform.web;

import java.io.IOException;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Logging out of Tasklist, Cockpit, Admin or the welcome page ends the one staff session:
 * Camunda's logout (with its CSRF check) runs first, and when it succeeded the session is
 * invalidated, so the next page asks for the login again.
 */
class WebappLogoutFilter extends OncePerRequestFilter {

	private final Pattern logout;

	WebappLogoutFilter(String webappPrefix) {
		this.logout = Pattern.compile("^" + Pattern.quote(webappPrefix) + "api/admin/auth/user/[^/]+/logout/?$",
				Pattern.CASE_INSENSITIVE);
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !"POST".equals(request.getMethod()) || !this.logout.matcher(RequestPaths.routedPath(request)).matches();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		chain.doFilter(request, response);
		if (response.getStatus() >= 200 && response.getStatus() < 300) {
			SecurityContextHolder.clearContext();
			HttpSession session = request.getSession(false);
			if (session != null) {
				session.invalidate();
			}
		}
	}

}
