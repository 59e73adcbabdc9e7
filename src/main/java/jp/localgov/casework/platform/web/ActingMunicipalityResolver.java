package jp.localgov.casework.platform.web;

import jp.localgov.casework.platform.LocalGovernmentAccount;

import org.springframework.core.MethodParameter;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Gives handler methods the municipality code of the logged-in local-government account
 * (see {@link ActingMunicipality}).
 */
class ActingMunicipalityResolver implements HandlerMethodArgumentResolver {

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return parameter.hasParameterAnnotation(ActingMunicipality.class)
				&& String.class.equals(parameter.getParameterType());
	}

	@Override
	public String resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
			NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
		return municipalityOf(SecurityContextHolder.getContext().getAuthentication());
	}

	static String municipalityOf(Authentication authentication) {
		Accounts.requireLogin(authentication);
		return LocalGovernmentAccount.municipalityCode(authentication)
			.orElseThrow(() -> new AccessRefusedException("account.error.localGovernmentOnly"));
	}

}
