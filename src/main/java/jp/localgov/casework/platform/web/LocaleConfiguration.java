package jp.localgov.casework.platform.web;

import java.util.Locale;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;
import org.springframework.web.servlet.i18n.SessionLocaleResolver;

/**
 * The language of the applicant portal: Japanese unless the visitor chooses English with
 * {@code ?lang=en}, remembered for the rest of the visit.
 */
@Configuration(proxyBeanMethods = false)
class LocaleConfiguration implements WebMvcConfigurer {

	/** Request parameter that switches the language. */
	static final String PARAMETER = "lang";

	@Bean
	LocaleResolver localeResolver() {
		SessionLocaleResolver resolver = new SessionLocaleResolver();
		resolver.setDefaultLocale(Locale.JAPANESE);
		return resolver;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor() {

			@Override
			protected Locale parseLocaleValue(String value) {
				return supported(value);
			}

		};
		interceptor.setParamName(PARAMETER);
		registry.addInterceptor(interceptor).addPathPatterns("/portal", "/portal/**");
	}

	/** English when asked for exactly, Japanese for anything else. */
	static Locale supported(String value) {
		return "en".equalsIgnoreCase(value.strip()) ? Locale.ENGLISH : Locale.JAPANESE;
	}

}
