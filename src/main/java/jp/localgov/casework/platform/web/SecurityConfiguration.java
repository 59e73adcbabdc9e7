package jp.localgov.casework.platform.web;

import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jp.localgov.casework.platform.LocalGovernmentAccount;
import jp.localgov.casework.platform.PersonalTaskFilters;
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
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may reach what.
 * <ul>
 * <li>Staff sign in once, at {@code /login} (a Spring Security form login with a session
 * stored in the database); Tasklist, Cockpit, Admin, the welcome page and the staff pages
 * under {@code /staff} all use that session. The Camunda web applications learn the
 * person through Camunda's container-based authentication; their own login is closed,
 * their CSRF protection stays, and logging out of them ends the session.</li>
 * <li>Local-government accounts have their own login at {@code /portal/login} and never
 * reach a Camunda web application or its API.</li>
 * <li>The engine REST API, our JSON APIs and the actuator keep HTTP Basic.</li>
 * <li>Every login (form or Basic) passes the {@link LoginThrottle}: a temporary lock per
 * account and per client address, never a permanent one.</li>
 * <li>Job and incident operations, metrics and the job log are for operators and
 * administrators only, over the web applications and {@code /engine-rest} alike.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	private static final String OPERATORS_ROLE = StaffGroup.OPERATORS.id();

	private static final String ADMINS_ROLE = StaffGroup.ADMINS.id();

	/** Where staff land after signing in, unless they were on their way elsewhere. */
	static final String STAFF_HOME = "/camunda/app/tasklist/default/";

	/** Where a local-government account lands after signing in. */
	static final String LOCAL_GOVERNMENT_HOME = "/portal/lg/inquiries";

	static final Duration HSTS_MAX_AGE = Duration.ofDays(365);

	@Bean
	AuthenticationManager camundaAuthenticationManager(CamundaIdentityAuthenticationProvider provider,
			LoginThrottle throttle) {
		return new ThrottledAuthenticationManager(new ProviderManager(provider), throttle);
	}

	/** Odd paths ({@code //}, {@code ;}, {@code ..}, encoded slashes) are a plain 400. */
	@Bean
	RequestRejectedHandler requestRejectedHandler() {
		return new QuietRequestRejectedHandler();
	}

	/**
	 * Tasklist, Cockpit, Admin and the welcome page: staff of the one login only;
	 * Camunda's own login and the Admin first-run setup are closed; CSRF protection is
	 * Camunda's own (XSRF cookie echoed as a header).
	 */
	@Bean
	@Order(1)
	SecurityFilterChain camundaWebapps(HttpSecurity http,
			@Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath) throws Exception {
		String prefix = webappPath.endsWith("/") ? webappPath : webappPath + "/";
		RequestMatcher pages = (request) -> "GET".equals(request.getMethod())
				&& RequestPaths.routedPath(request).startsWith(prefix + "app/");
		HttpSessionRequestCache requestCache = new HttpSessionRequestCache();
		requestCache.setRequestMatcher(pages);
		http.securityMatcher(path(prefix + "**"))
			.authorizeHttpRequests((requests) -> requests.requestMatchers(adminSetup(prefix))
				.denyAll()
				.requestMatchers(camundaLogin(prefix))
				.denyAll()
				.requestMatchers(engineOperations(webappEngineApi(prefix)))
				.access(operatorsOnly())
				.anyRequest()
				.access(staffOnly()))
			.exceptionHandling((exceptions) -> exceptions
				.defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"), pages)
				.defaultAuthenticationEntryPointFor(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED),
						(request) -> true))
			.requestCache((cache) -> cache.requestCache(requestCache))
			.csrf((csrf) -> csrf.disable())
			// Camunda's own header filter sends its CSP and X-XSS-Protection; these are
			// added (a header already set is not sent twice).
			.headers((headers) -> headers.cacheControl((cache) -> cache.disable())
				.xssProtection((xss) -> xss.disable())
				.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
				.httpStrictTransportSecurity(
						(hsts) -> hsts.includeSubDomains(false).maxAgeInSeconds(HSTS_MAX_AGE.toSeconds())))
			.securityContext((context) -> context.requireExplicitSave(true))
			.addFilterAfter(new WebappLogoutFilter(prefix), AuthorizationFilter.class);
		return http.build();
	}

	/**
	 * The engine REST API: HTTP Basic for staff accounts, with Camunda authorization
	 * checks; job and incident operations for operators.
	 */
	@Bean
	@Order(2)
	SecurityFilterChain engineRest(HttpSecurity http, AuthenticationManager camundaAuthenticationManager,
			EngineAuthenticationFilter engineAuthenticationFilter, ObjectMapper json) throws Exception {
		http.securityMatcher(path("/engine-rest/**"))
			.authenticationManager(camundaAuthenticationManager)
			.authorizeHttpRequests((requests) -> requests.requestMatchers(engineOperations(ENGINE_REST))
				.access(operatorsOnly())
				.anyRequest()
				.access(staffOnly()))
			.httpBasic((basic) -> basic.authenticationEntryPoint(basicEntryPoint(json)))
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf((csrf) -> csrf.disable())
			.headers((headers) -> headers.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.NO_REFERRER))
				.httpStrictTransportSecurity(
						(hsts) -> hsts.includeSubDomains(false).maxAgeInSeconds(HSTS_MAX_AGE.toSeconds())))
			.addFilterAfter(engineAuthenticationFilter, AuthorizationFilter.class);
		return http.build();
	}

	/**
	 * Health and info for everybody (details for operators); every other endpoint for
	 * operators.
	 */
	@Bean
	@Order(3)
	SecurityFilterChain actuator(HttpSecurity http, AuthenticationManager camundaAuthenticationManager,
			ObjectMapper json) throws Exception {
		http.securityMatcher(EndpointRequest.toAnyEndpoint())
			.authenticationManager(camundaAuthenticationManager)
			.authorizeHttpRequests(
					(requests) -> requests.requestMatchers(EndpointRequest.to(HealthEndpoint.class, InfoEndpoint.class))
						.permitAll()
						.anyRequest()
						.hasRole(OPERATORS_ROLE))
			.httpBasic((basic) -> basic.authenticationEntryPoint(basicEntryPoint(json)))
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
	SecurityFilterChain api(HttpSecurity http, AuthenticationManager camundaAuthenticationManager, ObjectMapper json)
			throws Exception {
		http.securityMatcher(path("/api/**"))
			.authenticationManager(camundaAuthenticationManager)
			.authorizeHttpRequests((requests) -> requests
				.requestMatchers(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.GET, "/api/inquiries"))
				.access(localGovernmentOnly())
				.anyRequest()
				.permitAll())
			.httpBasic((basic) -> basic.authenticationEntryPoint(basicEntryPoint(json)))
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf((csrf) -> csrf.disable());
		return http.build();
	}

	/**
	 * The applicant portal: open to everyone, except the pages of logged-in
	 * local-government accounts under {@code /portal/lg/}, which use their own login form
	 * and the session.
	 */
	@Bean
	@Order(5)
	SecurityFilterChain portal(HttpSecurity http, AuthenticationManager camundaAuthenticationManager) throws Exception {
		http.securityMatcher(path("/portal/**"))
			.authenticationManager(camundaAuthenticationManager)
			.authorizeHttpRequests((requests) -> requests.requestMatchers(path("/portal/lg/**"))
				.access(localGovernmentOnly())
				.anyRequest()
				.permitAll())
			.formLogin((form) -> form.loginPage("/portal/login")
				.defaultSuccessUrl(LOCAL_GOVERNMENT_HOME, true)
				.failureHandler(loginFailure("/portal/login"))
				.permitAll())
			.logout((logout) -> logout.logoutUrl("/portal/logout").logoutSuccessUrl("/portal/login?logout"));
		return http.build();
	}

	/**
	 * Pages of the application itself: the staff login, the landing page, API docs, and
	 * the staff pages under {@code /staff} (the one staff login; administration pages for
	 * administrators).
	 */
	@Bean
	@Order(6)
	SecurityFilterChain pages(HttpSecurity http, AuthenticationManager camundaAuthenticationManager, ObjectMapper json,
			PersonalTaskFilters personalFilters) throws Exception {
		http.authenticationManager(camundaAuthenticationManager)
			.authorizeHttpRequests((requests) -> requests.requestMatchers(path("/staff/admin/**"))
				.hasRole(ADMINS_ROLE)
				.requestMatchers(path("/staff/**"))
				.access(staffOnly())
				.anyRequest()
				.permitAll())
			.formLogin((form) -> form.loginPage("/login")
				.successHandler(staffLoginSuccess(personalFilters))
				.failureHandler(loginFailure("/login"))
				.permitAll())
			// Scripts may still send HTTP Basic; a browser is never asked for it, it is
			// sent to
			// the login page.
			.httpBasic((basic) -> basic.authenticationEntryPoint(basicEntryPoint(json)))
			.exceptionHandling(
					(exceptions) -> exceptions.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint("/login")))
			.logout((logout) -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"));
		return http.build();
	}

	/**
	 * Staff go where they were going (Tasklist by default), with their 自分のタスク filter made
	 * sure of, so someone an administrator just added finds it at once; a
	 * local-government account that used this login goes to its portal pages.
	 */
	private static AuthenticationSuccessHandler staffLoginSuccess(PersonalTaskFilters personalFilters) {
		SavedRequestAwareAuthenticationSuccessHandler staff = new SavedRequestAwareAuthenticationSuccessHandler();
		staff.setDefaultTargetUrl(STAFF_HOME);
		return (request, response, authentication) -> {
			if (LocalGovernmentAccount.municipalityCode(authentication).isPresent()) {
				response.sendRedirect(request.getContextPath() + LOCAL_GOVERNMENT_HOME);
				return;
			}
			personalFilters.provide(authentication.getName());
			staff.onAuthenticationSuccess(request, response, authentication);
		};
	}

	/**
	 * Back to the login page with {@code ?error}, or {@code ?locked} during a temporary
	 * lock (the message, with its time, stays in the session for the page).
	 */
	private static AuthenticationFailureHandler loginFailure(String loginPage) {
		SimpleUrlAuthenticationFailureHandler error = new SimpleUrlAuthenticationFailureHandler(loginPage + "?error");
		SimpleUrlAuthenticationFailureHandler locked = new SimpleUrlAuthenticationFailureHandler(loginPage + "?locked");
		return (request, response, exception) -> {
			if (exception instanceof LockedException) {
				locked.onAuthenticationFailure(request, response, exception);
			}
			else {
				error.onAuthenticationFailure(request, response, exception);
			}
		};
	}

	/**
	 * HTTP Basic: 401 with a challenge, or 429 with {@code Retry-After} and a Japanese
	 * message while the account or address is locked.
	 */
	private static AuthenticationEntryPoint basicEntryPoint(ObjectMapper json) {
		BasicAuthenticationEntryPoint challenge = new BasicAuthenticationEntryPoint();
		challenge.setRealmName("casework");
		return (HttpServletRequest request, HttpServletResponse response, AuthenticationException exception) -> {
			if (exception instanceof ThrottledAuthenticationManager.LoginLockedException locked) {
				tooManyAttempts(json, response, locked);
				return;
			}
			challenge.commence(request, response, exception);
		};
	}

	private static void tooManyAttempts(ObjectMapper json, HttpServletResponse response,
			ThrottledAuthenticationManager.LoginLockedException locked) throws IOException {
		long seconds = locked.retryAfterSeconds();
		response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
		response.setHeader("Retry-After", String.valueOf(seconds));
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		var body = new java.util.LinkedHashMap<String, Object>();
		body.put("type", "LoginLocked");
		body.put("message", locked.getMessage());
		body.put("status", HttpStatus.TOO_MANY_REQUESTS.value());
		json.writeValue(response.getOutputStream(), body);
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

	/**
	 * Camunda's own password login of the web applications; closed, since staff sign in
	 * at {@code /login} (where the login throttle applies).
	 */
	static RequestMatcher camundaLogin(String webappPrefix) {
		Pattern login = Pattern.compile("^" + Pattern.quote(webappPrefix.toLowerCase(Locale.ROOT))
				+ "api/admin/auth/user/[^/]+/login(?:/.*)?$");
		return (HttpServletRequest request) -> login.matcher(RequestPaths.routedPath(request).toLowerCase(Locale.ROOT))
			.matches();
	}

	/** The engine REST API: {@code /engine-rest}, optionally with a named engine. */
	static final Pattern ENGINE_REST = Pattern.compile("^/engine-rest(?:/engine/[^/]+)?/(.*)$",
			Pattern.CASE_INSENSITIVE);

	/** The web applications' engine API: {@code /camunda/api/engine/engine/<name>}. */
	static Pattern webappEngineApi(String webappPrefix) {
		return Pattern.compile("^" + Pattern.quote(webappPrefix) + "api/engine/engine/[^/]+/(.*)$",
				Pattern.CASE_INSENSITIVE);
	}

	/** Resources that only operators may use at all: metrics and the job log. */
	private static final Pattern OPERATIONS_READ = Pattern.compile("^(?:metrics|history/job-log)(?:/.*)?$",
			Pattern.CASE_INSENSITIVE);

	/**
	 * Resources whose changes (execute, retries, suspend/activate, due date, priority,
	 * delete, incident resolution) only operators may make.
	 */
	private static final Pattern OPERATIONS_WRITE = Pattern.compile(
			"^(?:job|job-definition|incident|external-task|process-instance/job-retries)(?:/.*)?$",
			Pattern.CASE_INSENSITIVE);

	/**
	 * Queries sent with POST, which stay open to staff (Camunda checks what they see).
	 */
	private static final Pattern QUERY = Pattern.compile("^(?:job|job-definition|external-task)(?:/count)?/?$",
			Pattern.CASE_INSENSITIVE);

	private static final Set<String> READ_METHODS = Set.of("GET", "HEAD", "OPTIONS");

	/** Job and incident operations, metrics and the job log below an engine API root. */
	static RequestMatcher engineOperations(Pattern root) {
		return (HttpServletRequest request) -> {
			Matcher below = root.matcher(RequestPaths.routedPath(request));
			if (!below.matches()) {
				return false;
			}
			String resource = below.group(1);
			if (OPERATIONS_READ.matcher(resource).matches()) {
				return true;
			}
			String method = request.getMethod().toUpperCase(Locale.ROOT);
			return OPERATIONS_WRITE.matcher(resource).matches() && !READ_METHODS.contains(method)
					&& !("POST".equals(method) && QUERY.matcher(resource).matches());
		};
	}

	/** Members of {@code operators} or {@code camunda-admin}. */
	static AuthorizationManager<RequestAuthorizationContext> operatorsOnly() {
		return (authentication, context) -> new AuthorizationDecision(
				hasGroup(authentication.get(), OPERATORS_ROLE) || hasGroup(authentication.get(), ADMINS_ROLE));
	}

	private static boolean hasGroup(Authentication authentication, String groupId) {
		return authentication != null && authentication.isAuthenticated()
				&& !(authentication instanceof AnonymousAuthenticationToken)
				&& authentication.getAuthorities()
					.stream()
					.anyMatch((authority) -> (CamundaIdentityAuthenticationProvider.ROLE_PREFIX + groupId)
						.equals(authority.getAuthority()));
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
					&& LocalGovernmentAccount.municipalityCode(current).isEmpty()
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
