package jp.localgov.casework.platform.web;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jp.localgov.casework.platform.LocalGovernmentAccount;
import jp.localgov.casework.platform.NotFoundException;
import jp.localgov.casework.platform.UnsupportedAttachmentException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * What every page of the applicant portal shares: the page language and the address of
 * the current page for the language switch, the date formats, the logged-in
 * local-government account and its municipality, and the pages for requests that fail
 * (not found, too large, too many, unreadable, server error) — never a stack trace.
 */
@ControllerAdvice(annotations = PortalController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PortalPageAdvice {

	private static final Logger logger = LoggerFactory.getLogger(PortalPageAdvice.class);

	/** Date and time in Japan, as every portal page shows them. */
	static final DateTimeFormatter JST = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
		.withZone(ZoneId.of("Asia/Tokyo"));

	private static final DateTimeFormatter JAPANESE_DAYS = DateTimeFormatter.ofPattern("uuuu年M月d日", Locale.JAPANESE);

	private static final DateTimeFormatter ENGLISH_DAYS = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH);

	private final MunicipalityNames municipalities;

	PortalPageAdvice(MunicipalityNames municipalities) {
		this.municipalities = municipalities;
	}

	@ModelAttribute
	void page(HttpServletRequest request, Locale locale, Authentication authentication, Model model) {
		common(request, locale, model.asMap()::put);
		LocalGovernmentAccount.municipalityCode(authentication).ifPresent((code) -> {
			model.addAttribute("account", authentication.getName());
			model.addAttribute("municipality", this.municipalities.nameOf(code, locale));
		});
	}

	@ExceptionHandler({ NotFoundException.class, MethodArgumentTypeMismatchException.class })
	ModelAndView notFound(HttpServletRequest request, Locale locale) {
		return page("portal/not-found", HttpStatus.NOT_FOUND, request, locale);
	}

	@ExceptionHandler(TooManyRequestsException.class)
	ModelAndView tooManyRequests(TooManyRequestsException ex, HttpServletRequest request, HttpServletResponse response,
			Locale locale) {
		response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(ex.getRetryAfterSeconds()));
		ModelAndView page = problem("tooMany", HttpStatus.TOO_MANY_REQUESTS, request, locale);
		page.addObject("retryAfterMinutes", Math.max(1, (ex.getRetryAfterSeconds() + 59) / 60));
		return page;
	}

	@ExceptionHandler(MaxUploadSizeExceededException.class)
	ModelAndView tooLarge(HttpServletRequest request, Locale locale) {
		return problem("tooLarge", HttpStatus.PAYLOAD_TOO_LARGE, request, locale);
	}

	@ExceptionHandler({ UndecodableInputException.class, MultipartException.class })
	ModelAndView undecodable(HttpServletRequest request, Locale locale) {
		return problem("undecodable", HttpStatus.BAD_REQUEST, request, locale);
	}

	@ExceptionHandler(UnsupportedAttachmentException.class)
	ModelAndView unsupportedAttachment(HttpServletRequest request, Locale locale) {
		return problem("unsupportedType", HttpStatus.UNSUPPORTED_MEDIA_TYPE, request, locale);
	}

	@ExceptionHandler(Exception.class)
	ModelAndView failed(Exception ex, HttpServletRequest request, Locale locale) {
		HttpStatusCode status = (ex instanceof ErrorResponse response) ? response.getStatusCode()
				: HttpStatus.INTERNAL_SERVER_ERROR;
		if (status.is5xxServerError()) {
			logger.error("Portal request {} {} failed", request.getMethod(), request.getRequestURI(), ex);
		}
		return page("portal/error", status, request, locale);
	}

	private ModelAndView problem(String kind, HttpStatus status, HttpServletRequest request, Locale locale) {
		ModelAndView page = page("portal/problem", status, request, locale);
		page.addObject("problem", kind);
		return page;
	}

	private ModelAndView page(String view, HttpStatusCode status, HttpServletRequest request, Locale locale) {
		ModelAndView page = new ModelAndView(view);
		common(request, locale, page.getModel()::put);
		page.setStatus(status);
		return page;
	}

	private static void common(HttpServletRequest request, Locale locale, Attributes model) {
		model.put("lang", PortalLanguage.of(locale));
		model.put("jst", JST);
		model.put("dates", PortalLanguage.isEnglish(locale) ? ENGLISH_DAYS : JAPANESE_DAYS);
		model.put("languageBase", currentPage(request));
	}

	/**
	 * The page being shown, relative to the application, without its language choice;
	 * after a form was posted, the address it was posted to (a page that answers a posted
	 * action somewhere else names its own).
	 */
	static String currentPage(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		String query = HttpMethod.GET.matches(request.getMethod()) ? request.getQueryString() : null;
		return UriComponentsBuilder.fromPath(path).query(query).replaceQueryParam("lang").build().toUriString();
	}

	@FunctionalInterface
	private interface Attributes {

		Object put(String name, Object value);

	}

}
