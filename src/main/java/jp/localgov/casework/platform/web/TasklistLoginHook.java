package jp.localgov.casework.platform.web;

import java.io.IOException;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jp.localgov.casework.platform.PersonalTaskFilters;

import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * After a successful Tasklist login, makes sure the person has their 自分のタスク filter, so
 * someone an administrator just added to a group finds it at once (the person is read
 * from the login answer; the form body is left to the login resource).
 */
@Component
class TasklistLoginHook extends OncePerRequestFilter {

	private static final Pattern TASKLIST_LOGIN = Pattern
		.compile("^/[^/]+/api/admin/auth/user/[^/]+/login/tasklist/?$");

	private final PersonalTaskFilters personalFilters;

	private final ObjectMapper json;

	TasklistLoginHook(PersonalTaskFilters personalFilters, ObjectMapper json) {
		this.personalFilters = personalFilters;
		this.json = json;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !"POST".equals(request.getMethod())
				|| !TASKLIST_LOGIN.matcher(RequestPaths.routedPath(request)).matches();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		ContentCachingResponseWrapper cached = new ContentCachingResponseWrapper(response);
		chain.doFilter(request, cached);
		try {
			if (cached.getStatus() == HttpServletResponse.SC_OK) {
				String userId = this.json.readTree(cached.getContentAsByteArray()).path("userId").asText("");
				if (!userId.isBlank()) {
					this.personalFilters.provide(userId);
				}
			}
		}
		finally {
			cached.copyBodyToResponse();
		}
	}

}
