package jp.localgov.casework.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import jp.localgov.casework.platform.StaffGroup;
import jp.localgov.casework.support.CaseworkSpringBootTest;
import jp.localgov.casework.support.HttpClientSupport;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Security finding 3: failed logins lock an account (or a client address) for a while —
 * the same lock for the staff login, the portal login and HTTP Basic — never for good;
 * administrators see the locks and lift them. The clock is moved, not waited for.
 */
@CaseworkSpringBootTest
class LoginThrottleTests {

	private static final String USER = "lockTarget";

	private static final String PASSWORD = "lock-Target-2026";

	@LocalServerPort
	int port;

	@Autowired
	IdentityService identityService;

	@BeforeEach
	void person() {
		User user = this.identityService.newUser(USER);
		user.setFirstName("ロック");
		user.setLastName("対象");
		user.setPassword(PASSWORD);
		this.identityService.saveUser(user);
		this.identityService.createMembership(USER, StaffGroup.MULTICULTURAL.id());
	}

	@AfterEach
	void cleanUp() {
		ClockUtil.reset();
		this.identityService.deleteUser(USER);
		HttpClientSupport admin = new HttpClientSupport(this.port);
		admin.staffLogin("admin", "admin");
		String page = admin.getHtml("/staff/admin/login-locks").body();
		for (String value : new String[] { USER.toLowerCase(), "203.0.113.10", "203.0.113.11", "203.0.113.12",
				"203.0.113.20" }) {
			if (page.contains(">" + value + "<")) {
				admin.postForm("/staff/admin/login-locks/unlock",
						"kind=" + (value.startsWith("203") ? "ADDRESS" : "ACCOUNT") + "&value=" + value + "&_csrf="
								+ HttpClientSupport.csrfToken(page));
			}
		}
	}

	@Test
	void aStrangerFailingFiveTimesLocksTheAccountForAWhileThenTheRightPasswordWorksAgain() {
		HttpClientSupport stranger = new HttpClientSupport(this.port).forwardedFor("203.0.113.10");
		for (int attempt = 1; attempt <= 5; attempt++) {
			assertThat(stranger.get("/engine-rest/task?maxResults=1", USER, "guess-" + attempt).statusCode())
				.as("attempt %d", attempt)
				.isEqualTo(401);
		}

		// The owner, from another address, is refused even with the right password
		HttpClientSupport owner = new HttpClientSupport(this.port).forwardedFor("203.0.113.11");
		HttpResponse<String> locked = owner.get("/engine-rest/task?maxResults=1", USER, PASSWORD);
		assertThat(locked.statusCode()).isEqualTo(429);
		assertThat(locked.headers().firstValue("Retry-After"))
			.hasValueSatisfying((seconds) -> assertThat(Long.parseLong(seconds)).isBetween(1L, 15 * 60L));
		assertThat(locked.body()).contains("一時的にログインできません");
		HttpResponse<String> form = owner.staffLogin(USER, PASSWORD);
		assertThat(form.headers().firstValue("Location"))
			.hasValueSatisfying((location) -> assertThat(location).endsWith("/login?locked"));
		assertThat(owner.getHtml("/login?locked").body()).contains("一時的にログインできません").contains("以降にもう一度お試しください");
		assertThat(new HttpClientSupport(this.port).forwardedFor("203.0.113.12")
			.formLogin("/portal/login", USER, PASSWORD)
			.headers()
			.firstValue("Location"))
			.hasValueSatisfying((location) -> assertThat(location).endsWith("/portal/login?locked"));

		// Trying harder during the lock does not make it last longer
		for (int attempt = 1; attempt <= 10; attempt++) {
			stranger.get("/engine-rest/task?maxResults=1", USER, "again-" + attempt);
		}

		// The lock ends by itself
		moveClock(Duration.ofMinutes(16));
		assertThat(owner.get("/engine-rest/task?maxResults=1", USER, PASSWORD).statusCode()).isEqualTo(200);
		assertThat(new HttpClientSupport(this.port).forwardedFor("203.0.113.11")
			.webappLogin("tasklist", USER, PASSWORD)
			.statusCode()).isEqualTo(200);
	}

	@Test
	void oneAddressFailingAcrossManyAccountsIsLockedButOthersAreNot() {
		HttpClientSupport stranger = new HttpClientSupport(this.port).forwardedFor("203.0.113.20");
		for (int attempt = 1; attempt <= 20; attempt++) {
			stranger.get("/engine-rest/task?maxResults=1", "nobody" + attempt, "guess");
		}
		assertThat(stranger.get("/engine-rest/task?maxResults=1", USER, PASSWORD).statusCode()).isEqualTo(429);
		assertThat(new HttpClientSupport(this.port).forwardedFor("203.0.113.11")
			.get("/engine-rest/task?maxResults=1", USER, PASSWORD)
			.statusCode()).isEqualTo(200);
	}

	@Test
	void camundasOwnLockNeverLocksForGood() {
		// More failed checks than Camunda's former limit (10), which ended in a permanent
		// lock
		for (int attempt = 1; attempt <= 12; attempt++) {
			assertThat(this.identityService.checkPassword(USER, "guess-" + attempt)).isFalse();
		}
		assertThat(this.identityService.checkPassword(USER, PASSWORD)).isTrue();
		assertThat(new HttpClientSupport(this.port).forwardedFor("203.0.113.11")
			.get("/engine-rest/task?maxResults=1", USER, PASSWORD)
			.statusCode()).isEqualTo(200);
	}

	@Test
	void anAdministratorSeesTheLockAndLiftsIt() {
		HttpClientSupport stranger = new HttpClientSupport(this.port).forwardedFor("203.0.113.10");
		for (int attempt = 1; attempt <= 5; attempt++) {
			stranger.get("/engine-rest/task?maxResults=1", USER, "guess-" + attempt);
		}

		HttpClientSupport desk = new HttpClientSupport(this.port);
		desk.staffLogin("desk", "demo");
		assertThat(desk.getHtml("/staff/admin/login-locks").statusCode()).isEqualTo(403);

		HttpClientSupport admin = new HttpClientSupport(this.port);
		admin.staffLogin("admin", "admin");
		HttpResponse<String> page = admin.getHtml("/staff/admin/login-locks");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("ログインのロック").contains(">" + USER.toLowerCase() + "<");

		HttpResponse<String> unlocked = admin.postForm("/staff/admin/login-locks/unlock",
				"kind=ACCOUNT&value=" + USER.toLowerCase() + "&_csrf=" + HttpClientSupport.csrfToken(page.body()));
		assertThat(unlocked.statusCode()).isEqualTo(302);
		assertThat(admin.getHtml("/staff/admin/login-locks").body()).doesNotContain(">" + USER.toLowerCase() + "<");
		assertThat(new HttpClientSupport(this.port).forwardedFor("203.0.113.11")
			.get("/engine-rest/task?maxResults=1", USER, PASSWORD)
			.statusCode()).isEqualTo(200);
	}

	private static void moveClock(Duration by) {
		ClockUtil.setCurrentTime(Date.from(Instant.now().plus(by)));
	}

}
