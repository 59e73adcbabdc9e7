package jp.localgov.casework.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;

import jp.localgov.casework.support.CaseworkSpringBootTest;
import jp.localgov.casework.support.HttpClientSupport;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One sign-in for staff: the login at {@code /login} opens Tasklist, Cockpit and the
 * staff pages without a second prompt; the session lives in the database; logging out of
 * a Camunda web application ends it.
 */
@CaseworkSpringBootTest
class StaffSignInTests {

	private static final String PASSWORD = "demo";

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void theLoginPageIsJapaneseFirstAndEnglishSecond() {
		HttpResponse<String> page = new HttpClientSupport(this.port).getHtml("/login");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("職員ログイン").contains("Staff login").contains("ユーザー名").contains("パスワード");
		assertThat(page.body().indexOf("職員ログイン")).isLessThan(page.body().indexOf("Staff login"));
	}

	@Test
	void staffPagesSendABrowserToTheLoginInsteadOfAPasswordPrompt() {
		HttpResponse<String> response = new HttpClientSupport(this.port).getHtml("/staff/lgotp");
		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(response.headers().firstValue("Location"))
			.hasValueSatisfying((location) -> assertThat(location).endsWith("/login"));
		assertThat(response.headers().firstValue("WWW-Authenticate")).isEmpty();
	}

	@Test
	void oneLoginOpensTasklistTheStaffPagesAndCockpitForThoseAllowed() {
		HttpClientSupport kato = new HttpClientSupport(this.port);
		HttpResponse<String> login = kato.staffLogin("kato", PASSWORD);
		assertThat(login.statusCode()).isEqualTo(302);
		assertThat(login.headers().firstValue("Location"))
			.hasValueSatisfying((location) -> assertThat(location).endsWith("/camunda/app/tasklist/default/"));

		assertThat(kato.getHtml("/camunda/app/tasklist/default/").statusCode()).isEqualTo(200);
		assertThat(kato.get("/camunda/api/admin/auth/user/default", null, null).body()).contains("\"userId\":\"kato\"")
			.contains("tasklist");
		HttpResponse<String> cohort = kato.getHtml("/staff/lgotp");
		assertThat(cohort.statusCode()).isEqualTo(200);
		assertThat(cohort.body()).contains("/camunda/app/tasklist/default/")
			.contains("/staff/subsidies")
			.contains("ログアウト")
			.doesNotContain("/camunda/app/cockpit/");
		assertThat(kato.getHtml("/staff/subsidies").statusCode()).isEqualTo(200);
		assertThat(kato.getHtml("/camunda/app/cockpit/default/").statusCode()).isEqualTo(403);

		HttpClientSupport operator = new HttpClientSupport(this.port);
		operator.staffLogin("operator", PASSWORD);
		assertThat(operator.getHtml("/staff/subsidies").body()).contains("/camunda/app/cockpit/default/");
		assertThat(operator.getHtml("/camunda/app/cockpit/default/").statusCode()).isEqualTo(200);
	}

	@Test
	void aPageAskedForBeforeTheLoginOpensAfterIt() {
		HttpClientSupport owner = new HttpClientSupport(this.port);
		assertThat(owner.getHtml("/camunda/app/cockpit/default/").statusCode()).isEqualTo(302);
		HttpResponse<String> login = owner.staffLogin("owner", PASSWORD);
		assertThat(login.headers().firstValue("Location"))
			.hasValueSatisfying((location) -> assertThat(location).contains("/camunda/app/cockpit/default/"));
	}

	@Test
	void camundasOwnLoginIsClosedSoEveryLoginPassesTheOneThrottle() {
		HttpClientSupport http = new HttpClientSupport(this.port);
		http.getHtml("/login");
		HttpResponse<String> response = http.postForm("/camunda/api/admin/auth/user/default/login/tasklist",
				"username=desk&password=demo");
		assertThat(response.statusCode()).isIn(401, 403);
		assertThat(http.get("/camunda/api/admin/auth/user/default", null, null).statusCode()).isEqualTo(401);
	}

	@Test
	void theSessionLivesInTheDatabaseWithTheWebApplicationsAuthentication() {
		HttpClientSupport ito = new HttpClientSupport(this.port);
		ito.webappLogin("tasklist", "ito", PASSWORD);

		List<String> attributes = this.jdbc.queryForList("""
				select a.attribute_name from spring_session s
				join spring_session_attributes a on a.session_primary_id = s.primary_id
				where s.principal_name = 'ito'""", String.class);
		assertThat(attributes).contains("SPRING_SECURITY_CONTEXT", "authenticatedUser");
	}

	@Test
	void loggingOutOfTasklistEndsTheOneSession() {
		HttpClientSupport desk = new HttpClientSupport(this.port);
		assertThat(desk.webappLogin("tasklist", "desk", PASSWORD).statusCode()).isEqualTo(200);
		assertThat(desk.getHtml("/staff/subsidies").statusCode()).isEqualTo(200);

		// Camunda's CSRF protection stays: a change without the XSRF header is refused
		HttpClientSupport forged = new HttpClientSupport(this.port);
		forged.webappLogin("tasklist", "desk", PASSWORD);
		assertThat(forged.postForm("/camunda/api/admin/auth/user/default/logout", "").statusCode()).isEqualTo(403);

		assertThat(desk.webappPostJson("/camunda/api/admin/auth/user/default/logout", "{}").statusCode())
			.isEqualTo(200);

		assertThat(desk.getHtml("/staff/subsidies").statusCode()).isEqualTo(302);
		assertThat(desk.getHtml("/camunda/app/tasklist/default/").statusCode()).isEqualTo(302);
		assertThat(desk.get("/camunda/api/engine/engine/default/task?maxResults=1", null, null).statusCode())
			.isEqualTo(401);
	}

	@Test
	void theLoginScriptOfTheWebApplicationsIsServed() {
		HttpClientSupport desk = new HttpClientSupport(this.port);
		desk.webappLogin("tasklist", "desk", PASSWORD);
		HttpResponse<String> script = desk.getHtml("/camunda/api/tasklist/plugin/casework-login/static/app/plugin.js");
		assertThat(script.statusCode()).isEqualTo(200);
		assertThat(script.body()).contains("../../../../login");
		assertThat(desk.getHtml("/camunda/app/tasklist/default/").body()).contains("casework-login");
	}

	@Test
	void theSessionCookieIsLaxHttpOnlyAndSecureBehindAnHttpsProxy() {
		HttpClientSupport plain = new HttpClientSupport(this.port);
		String cookie = plain.getHtml("/login").headers().firstValue("Set-Cookie").orElseThrow();
		assertThat(cookie).contains("HttpOnly").containsIgnoringCase("SameSite=Lax").doesNotContain("Secure");

		HttpClientSupport proxied = new HttpClientSupport(this.port).withHeader("X-Forwarded-Proto", "https");
		HttpResponse<String> page = proxied.getHtml("/login");
		assertThat(page.headers().firstValue("Set-Cookie"))
			.hasValueSatisfying((secure) -> assertThat(secure).contains("Secure")
				.contains("HttpOnly")
				.containsIgnoringCase("SameSite=Lax"));
	}

	@Test
	void theWebApplicationsAndTheRestApiSendReferrerPolicyNosniffAndHstsBehindAnHttpsProxy() {
		HttpClientSupport desk = new HttpClientSupport(this.port);
		desk.webappLogin("tasklist", "desk", PASSWORD);
		desk.withHeader("X-Forwarded-Proto", "https");
		HttpResponse<String> tasklist = desk.getHtml("/camunda/app/tasklist/default/");
		assertThat(tasklist.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
		assertThat(tasklist.headers().allValues("X-Content-Type-Options")).containsExactly("nosniff");
		assertThat(tasklist.headers().firstValue("Strict-Transport-Security"))
			.hasValueSatisfying((hsts) -> assertThat(hsts).contains("max-age=31536000"));
		assertThat(tasklist.headers().firstValue("Content-Security-Policy")).isPresent();

		HttpResponse<String> rest = desk.get("/engine-rest/task?maxResults=1", "desk", PASSWORD);
		assertThat(rest.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
		assertThat(rest.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
		assertThat(rest.headers().firstValue("Strict-Transport-Security")).isPresent();

		HttpResponse<String> plain = new HttpClientSupport(this.port).get("/engine-rest/task?maxResults=1", "desk",
				PASSWORD);
		assertThat(plain.headers().firstValue("Strict-Transport-Security")).as("not over plain HTTP").isEmpty();
	}

}
