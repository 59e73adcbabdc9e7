package jp.localgov.casework.platform.web;

import java.util.List;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The web layer shared by the portal and the APIs: the acting municipality as a handler
 * argument, and the input checks and intake limits before every handler.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IntakeProperties.class)
class PortalWebConfiguration implements WebMvcConfigurer {

	private final IntakeLimiter limiter;

	PortalWebConfiguration(IntakeLimiter limiter) {
		this.limiter = limiter;
	}

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(new ActingMunicipalityResolver());
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new InputInterceptor(this.limiter))
			.addPathPatterns("/portal/**", "/api/**", "/staff/**");
	}

}
