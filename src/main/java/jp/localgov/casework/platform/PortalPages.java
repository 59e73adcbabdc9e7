package jp.localgov.casework.platform;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.ErrorResponse;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * What every page of the applicant portal shares: the page language (Japanese unless
 * English was chosen), the current address for the language switch, and the not-found and
 * error pages that never show a stack trace.
 */
public final class PortalPages {

	private PortalPages() {
	}

	/** {@code en} for English, otherwise {@code ja}. */
	public static String language(Locale locale) {
		return Locale.ENGLISH.getLanguage().equals(locale.getLanguage()) ? "en" : "ja";
	}

	/** The page being shown, relative to the application, without its language choice. */
	public static String currentPage(HttpServletRequest request) {
		return UriComponentsBuilder.fromPath(request.getRequestURI().substring(request.getContextPath().length()))
			.query(request.getQueryString())
			.replaceQueryParam("lang")
			.build()
			.toUriString();
	}

	/** The portal's 404 page on the given model (unknown case, or not the visitor's). */
	public static ModelAndView notFound(ModelAndView page) {
		page.setViewName("portal/not-found");
		page.setStatus(HttpStatus.NOT_FOUND);
		return page;
	}

	/**
	 * The portal's error page on the given model; server errors are logged with the
	 * request.
	 */
	public static ModelAndView failed(Exception ex, ModelAndView page, HttpServletRequest request, Logger logger) {
		HttpStatusCode status = (ex instanceof ErrorResponse response) ? response.getStatusCode()
				: HttpStatus.INTERNAL_SERVER_ERROR;
		if (status.is5xxServerError()) {
			logger.error("Portal request {} {} failed", request.getMethod(), request.getRequestURI(), ex);
		}
		page.setViewName("portal/error");
		page.setStatus(status);
		return page;
	}

}
