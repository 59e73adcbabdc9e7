package jp.localgov.casework.platform.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * A request the firewall refuses (a path with {@code //}, {@code ;}, {@code ..}, an
 * encoded slash or undecodable bytes) is answered 400 with a short bilingual text, logged
 * in one line without a stack trace.
 */
class QuietRequestRejectedHandler implements RequestRejectedHandler {

	private static final Logger logger = LoggerFactory.getLogger(QuietRequestRejectedHandler.class);

	static final String MESSAGE = "このアドレスは受け付けられません。 / This address is not accepted.";

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response,
			RequestRejectedException requestRejectedException) throws IOException {
		logger.info("Rejected request {} {}: {}", request.getMethod(), sanitized(request.getRequestURI()),
				requestRejectedException.getMessage());
		if (response.isCommitted()) {
			return;
		}
		response.resetBuffer();
		response.setStatus(HttpStatus.BAD_REQUEST.value());
		response.setContentType(MediaType.TEXT_PLAIN_VALUE);
		response.setCharacterEncoding("UTF-8");
		response.getWriter().write(MESSAGE);
		response.flushBuffer();
	}

	private static String sanitized(String uri) {
		if (uri == null) {
			return "";
		}
		String printable = uri.replaceAll("[^\\x20-\\x7E]", "?");
		return (printable.length() > 200) ? printable.substring(0, 200) + "…" : printable;
	}

}
