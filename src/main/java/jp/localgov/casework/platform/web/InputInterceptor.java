package jp.localgov.casework.platform.web;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.validation.BindingResult;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;

/**
 * What every request to our pages and APIs goes through before and after its handler:
 * parameters that were not valid UTF-8 are refused (400) instead of being stored with
 * U+FFFD, anonymous writes are counted against the intake limit, and a page that comes
 * back with form errors answers 400.
 */
class InputInterceptor implements HandlerInterceptor {

	private static final char REPLACEMENT = '\uFFFD';

	private final IntakeLimiter limiter;

	InputInterceptor(IntakeLimiter limiter) {
		this.limiter = limiter;
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		if (!(handler instanceof HandlerMethod method)) {
			return true;
		}
		refuseUndecodable(request);
		if (method.hasMethodAnnotation(IntakeLimited.class)) {
			this.limiter.countAddress(request.getRemoteAddr());
		}
		return true;
	}

	@Override
	public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
			ModelAndView page) {
		if (page != null && page.getStatus() == null && response.getStatus() == HttpStatus.OK.value()
				&& hasFormErrors(page.getModel())) {
			page.setStatus(HttpStatus.BAD_REQUEST);
		}
	}

	private static void refuseUndecodable(HttpServletRequest request) {
		for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
			if (undecodable(parameter.getKey())) {
				throw new UndecodableInputException("name");
			}
			for (String value : parameter.getValue()) {
				if (undecodable(value)) {
					throw new UndecodableInputException(parameter.getKey());
				}
			}
		}
		if (request instanceof MultipartHttpServletRequest multipart) {
			for (List<MultipartFile> files : multipart.getMultiFileMap().values()) {
				for (MultipartFile file : files) {
					if (undecodable(file.getOriginalFilename())) {
						throw new UndecodableInputException(file.getName());
					}
				}
			}
		}
	}

	private static boolean undecodable(String text) {
		return text != null && text.indexOf(REPLACEMENT) >= 0;
	}

	private static boolean hasFormErrors(Map<String, Object> model) {
		return model.values()
			.stream()
			.anyMatch((value) -> value instanceof BindingResult binding && binding.hasErrors());
	}

}
