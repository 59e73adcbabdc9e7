package jp.localgov.casework.platform.web;

import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.util.UriUtils;

/**
 * The path of a request as the servlet behind will route it: below the context path and
 * percent-decoded ({@code /%73etup} is {@code /setup}).
 */
final class RequestPaths {

	private RequestPaths() {
	}

	static String routedPath(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return UriUtils.decode(path, StandardCharsets.UTF_8);
	}

}
