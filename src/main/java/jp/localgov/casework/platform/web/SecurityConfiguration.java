package jp.localgov.casework.platform.web;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jp.localgov.casework.platform.LocalGovernmentAccount;
import jp.localgov.casework.platform.StaffGroup;
import jp.localgov.casework.platform.process.CamundaIdentityAuthenticationProvider;
import jp.localgov.casework.platform.process.EngineAuthenticationFilter;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.autoconfigure.security.servlet.EndpointRequest;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.info.InfoEndpoint;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may reach what: the Camunda web applications keep their own login (with the
 * first-run setup closed for good), the engine REST API and the actuator need HTTP Basic
 * against Camunda's identity store, and local-government accounts never reach the staff
 * tools.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	private static final String OPERATORS_ROLE = StaffGroup.OPERATORS.id();

	@Bean
	ProviderManager camundaAuthenticationManager(CamundaIdentityAuthenticationProvider provider) {
		return new ProviderManager(provider);
	}

	/**
	 * Tasklist, Cockpit and Admin authenticate with their own session and CSRF
	 * protection; the Admin first-run setup is denied whatever the state of the
	 * camunda-admin group.
	 */
	@Bean
	@Order(1)
	SecurityFilterChain camundaWebapps(HttpSecurity http,
			@Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath) throws Exception {
		String prefix = webappPath.endsWith("/") ? webappPath : webappPath + "/";
		http.securityMatcher(path(prefix + "**"))
			.authorizeHttpRequests(
					(requests) -> requests.requestMatchers(adminSetup(prefix)).denyAll().anyRequest().permitAll())
			.csrf((csrf) -> csrf.disable())
			.headers((headers) -> headers.disable())
			.requestCache((cache) -> cache.disable())
			.securityContext((context) -> context.requireExplicitSave(true));
		return http.build();
	}

	/**
	 * The engine REST API: HTTP Basic for staff accounts, with Camunda authorization
	 * checks.
	 */
	@Bean
	@Order(2)
	SecurityFilterChain engineRest(HttpSecurity http, ProviderManager camundaAuthenticationManager,
			EngineAuthenticationFilter engineAuthenticationFilter) throws Exception {
		http.securityMatcher(path("/engine-rest/**"))
			.authenticationManager(camundaAuthenticationManager)
			.authorizeHttpRequests((requests) -> requests.anyRequest().access(staffOnly()))
			.httpBasic((basic) -> basic.realmName("casework"))
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf((csrf) -> csrf.disable())
			.addFilterAfter(engineAuthenticationFilter, AuthorizationFilter.class);
		return http.build();
	}

	/**
	 * Health and info for everybody (details for operators); every other endpoint for
	 * operators.
	 */
	@Bean
	@Order(3)
	SecurityFilterChain actuator(HttpSecurity http, ProviderManager camundaAuthenticationManager) throws Exception {
		http.securityMatcher(EndpointRequest.toAnyEndpoint())
			.authenticationManager(camundaAuthenticationManager)
			.authorizeHttpRequests(
					(requests) -> requests.requestMatchers(EndpointRequest.to(HealthEndpoint.class, InfoEndpoint.class))
						.permitAll()
						.anyRequest()
						.hasRole(OPERATORS_ROLE))
			.httpBasic((basic) -> basic.realmName("casework"))
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf((csrf) -> csrf.disable());
		return http.build();
	}

	/**
	 * Our JSON APIs: stateless, HTTP Basic where an endpoint needs a person (lists of a
	 * municipality's cases); applicants without an account use their private token
	 * instead.
	 */
	@Bean
	@Order(4)
	SecurityFilterChain api(HttpSecurity http, ProviderManager camundaAuthenticationManager) throws Exception {
		http.securityMatcher(path("/api/**"))
			.authenticationManager(camundaAuthenticationManager)
			.authorizeHttpRequests((requests) -> requests
				.requestMatchers(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.GET, "/api/inquiries"))
				.access(localGovernmentOnly())
				.anyRequest()
				.permitAll())
			.httpBasic((basic) -> basic.realmName("casework"))
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf((csrf) -> csrf.disable());
		return http.build();
	}

	/**
	 * The applicant portal: open to everyone, except the pages of logged-in
	 * local-government accounts under {@code /portal/lg/}, which use a login form and a
	 * session.
	 */
	@Bean
	@Order(5)
	SecurityFilterChain portal(HttpSecurity http, ProviderManager camundaAuthenticationManager) throws Exception {
		http.securityMatcher(path("/portal/**"))
			.authenticationManager(camundaAuthenticationManager)
			.authorizeHttpRequests((requests) -> requests.requestMatchers(path("/portal/lg/**"))
				.access(localGovernmentOnly())
				.anyRequest()
				.permitAll())
			.formLogin((form) -> form.loginPage("/portal/login")
				.defaultSuccessUrl("/portal/lg/inquiries", true)
				.failureUrl("/portal/login?error")
				.permitAll())
			.logout((logout) -> logout.logoutUrl("/portal/logout").logoutSuccessUrl("/portal/login?logout"));
		return http.build();
	}

	/**
	 * Pages of the application itself: landing page, API docs, and staff pages under
	 * /staff (HTTP Basic).
	 */
	@Bean
	@Order(6)
	SecurityFilterChain pages(HttpSecurity http, ProviderManager camundaAuthenticationManager) throws Exception {
		http.authenticationManager(camundaAuthenticationManager)
			.authorizeHttpRequests((requests) -> requests.requestMatchers(path("/staff/**"))
				.access(staffOnly())
				.anyRequest()
				.permitAll())
			.httpBasic(Customizer.withDefaults());
		return http.build();
	}

	/**
	 * Matches the whole path below the context path, whichever servlet (Spring MVC, the
	 * engine REST API, the web applications' APIs) serves it.
	 */
	private static RequestMatcher path(String pattern) {
		return PathPatternRequestMatcher.withDefaults().matcher(pattern);
	}

	/**
	 * Matches the Admin first-run setup API ({@code /camunda/api/admin/setup/...})
	 * case-insensitively; the strict firewall has already rejected encoded or doubled
	 * slashes and path parameters.
	 */
	static RequestMatcher adminSetup(String webappPrefix) {
		String setupPath = (webappPrefix + "api/admin/setup").toLowerCase(Locale.ROOT);
		return (HttpServletRequest request) -> {
			String path = RequestPaths.routedPath(request).toLowerCase(Locale.ROOT);
			return path.equals(setupPath) || path.startsWith(setupPath + "/");
		};
	}

	/** A logged-in local-government account (a member of a group {@code lg-<code>}). */
	static AuthorizationManager<RequestAuthorizationContext> localGovernmentOnly() {
		return (authentication, context) -> {
			var current = authentication.get();
			boolean localGovernment = !(current instanceof AnonymousAuthenticationToken)
					&& LocalGovernmentAccount.municipalityCode(current).isPresent();
			return new AuthorizationDecision(localGovernment);
		};
	}

	/**
	 * Any authenticated person with at least one group that is not a local-government
	 * group; the accounts of local governments (and accounts without any group) are
	 * refused.
	 */
	static AuthorizationManager<RequestAuthorizationContext> staffOnly() {
		return (authentication, context) -> {
			var current = authentication.get();
			boolean staff = current != null && current.isAuthenticated()
					&& !(current instanceof AnonymousAuthenticationToken)
					&& current.getAuthorities()
						.stream()
						.map((authority) -> authority.getAuthority())
						.filter((authority) -> authority.startsWith(CamundaIdentityAuthenticationProvider.ROLE_PREFIX))
						.map((authority) -> authority
							.substring(CamundaIdentityAuthenticationProvider.ROLE_PREFIX.length()))
						.anyMatch((groupId) -> !groupId.startsWith(StaffGroup.LOCAL_GOVERNMENT_PREFIX));
			return new AuthorizationDecision(staff);
		};
	}

}
