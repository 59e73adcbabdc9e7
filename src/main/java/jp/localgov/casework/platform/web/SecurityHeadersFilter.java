package jp.localgov.casework.platform.web;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The headers that keep the application's own pages safe in the browser: a
 * Content-Security-Policy that runs only our own script files (no inline script, no other
 * origin; inline styles stay allowed for the print layouts), no framing, the referrer
 * only within the site, no camera, microphone or location, and no guessing of content
 * types. The Camunda web applications, the engine REST API and the API docs set their
 * own.
 */
class SecurityHeadersFilter extends OncePerRequestFilter {

	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
			+ "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
			+ "form-action 'self'; frame-ancestors 'none'";

	static final String PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";

	/** Paths whose applications bring their own headers (and inline scripts). */
	private static final List<String> OWN_HEADERS = List.of("/camunda/", "/engine-rest/", "/swagger-ui", "/v3/api-docs",
			"/webjars/");

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (OWN_HEADERS.stream().noneMatch(path::startsWith)) {
			response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
			response.setHeader("Referrer-Policy", "same-origin");
			response.setHeader("Permissions-Policy", PERMISSIONS_POLICY);
			response.setHeader("X-Content-Type-Options", "nosniff");
		}
		chain.doFilter(request, response);
	}

	@Configuration(proxyBeanMethods = false)
	static class Registration {

		@Bean
		FilterRegistrationBean<SecurityHeadersFilter> securityHeadersFilter() {
			FilterRegistrationBean<SecurityHeadersFilter> registration = new FilterRegistrationBean<>(
					new SecurityHeadersFilter());
			registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
			return registration;
		}

	}

}
