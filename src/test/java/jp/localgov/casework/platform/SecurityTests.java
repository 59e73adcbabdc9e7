package jp.localgov.casework.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import jp.localgov.casework.support.CaseworkSpringBootTest;
import jp.localgov.casework.support.HttpClientSupport;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Who may reach what, with the demo accounts (password {@code demo}) over real HTTP. */
@CaseworkSpringBootTest
class SecurityTests {

	private static final String PASSWORD = "demo";

	@LocalServerPort
	int port;

	@Autowired
	IdentityService identityService;

	HttpClientSupport http;

	@BeforeEach
	void setUp() {
		this.http = new HttpClientSupport(this.port);
	}

	@Test
	void engineRestRequiresAuthentication() {
		assertThat(this.http.get("/engine-rest/task?maxResults=10", null, null).statusCode()).isEqualTo(401);
		// (a wrong password throttles that account for a while, so a user no other test
		// needs)
		assertThat(this.http.get("/engine-rest/task?maxResults=10", "sato", "wrong-password").statusCode())
			.isEqualTo(401);
		assertThat(this.http.get("/engine-rest/task?maxResults=10", "desk", PASSWORD).statusCode()).isEqualTo(200);
	}

	@Test
	void engineRestAppliesCamundaAuthorizationsOfTheCaller() {
		// The secretariat may not read deployments; the administrator may.
		HttpResponse<String> desk = this.http.get("/engine-rest/deployment?maxResults=10", "desk", PASSWORD);
		HttpResponse<String> admin = this.http.get("/engine-rest/deployment?maxResults=10", "admin", "admin");
		assertThat(desk.body()).doesNotContain("casework-models");
		assertThat(admin.body()).contains("casework-models");
	}

	@Test
	void localGovernmentAccountsCannotUseTheEngineRestApi() {
		assertThat(this.http.get("/engine-rest/task?maxResults=10", "hamamatsu", PASSWORD).statusCode()).isEqualTo(403);
	}

	@ParameterizedTest
	@ValueSource(strings = { "tasklist", "cockpit", "admin" })
	void localGovernmentAccountsCannotLogInToTheStaffTools(String app) {
		assertThat(this.http.webappLogin(app, "hamamatsu", PASSWORD).statusCode()).isEqualTo(403);
	}

	@Test
	void staffLogInToTasklistButOnlyOperatorsAndOwnersToCockpit() {
		assertThat(new HttpClientSupport(this.port).webappLogin("tasklist", "desk", PASSWORD).statusCode())
			.isEqualTo(200);
		assertThat(new HttpClientSupport(this.port).webappLogin("cockpit", "desk", PASSWORD).statusCode())
			.isEqualTo(403);
		assertThat(new HttpClientSupport(this.port).webappLogin("cockpit", "operator", PASSWORD).statusCode())
			.isEqualTo(200);
		assertThat(new HttpClientSupport(this.port).webappLogin("cockpit", "owner", PASSWORD).statusCode())
			.isEqualTo(200);
		assertThat(new HttpClientSupport(this.port).webappLogin("admin", "operator", PASSWORD).statusCode())
			.isEqualTo(403);
	}

	@Test
	void addingAPersonToAGroupInAdminGivesThemTheGroupsWork() {
		// Given a new person without any group
		var user = this.identityService.newUser("newcomer");
		user.setFirstName("新人");
		user.setLastName("山田");
		user.setPassword("newcomer-pass");
		this.identityService.saveUser(user);
		try {
			assertThat(
					new HttpClientSupport(this.port).webappLogin("tasklist", "newcomer", "newcomer-pass").statusCode())
				.isEqualTo(403);

			// When an administrator adds them to a department
			this.identityService.createMembership("newcomer", StaffGroup.ECONOMIC_EXCHANGE.id());

			// Then they may use Tasklist
			assertThat(
					new HttpClientSupport(this.port).webappLogin("tasklist", "newcomer", "newcomer-pass").statusCode())
				.isEqualTo(200);
		}
		finally {
			this.identityService.deleteUser("newcomer");
		}
	}

	@Test
	void actuatorHealthIsPublicAndTheRestIsForOperators() {
		assertThat(this.http.get("/actuator/health", null, null).statusCode()).isEqualTo(200);
		assertThat(this.http.get("/actuator/metrics", null, null).statusCode()).isEqualTo(401);
		assertThat(this.http.get("/actuator/metrics", "desk", PASSWORD).statusCode()).isEqualTo(403);
		assertThat(this.http.get("/actuator/metrics", "operator", PASSWORD).statusCode()).isEqualTo(200);
		assertThat(this.http.get("/actuator/env", "operator", PASSWORD).statusCode()).isEqualTo(404);
	}

	@Test
	void groupIdsAcceptLocalGovernmentCodesAndStayStrictOtherwise() {
		this.identityService.saveGroup(this.identityService.newGroup("lg-131024"));
		assertThat(this.identityService.createGroupQuery().groupId("lg-131024").count()).isEqualTo(1);
		this.identityService.deleteGroup("lg-131024");

		for (String bad : new String[] { "lg-13102", "lg-abcdef", "bad group", "x'; drop", "dept-x" }) {
			org.assertj.core.api.Assertions
				.assertThatThrownBy(() -> this.identityService.saveGroup(this.identityService.newGroup(bad)))
				.as(bad)
				.hasMessageContaining("has an invalid id");
		}
	}

	@Test
	void badInputGetsAProblemDetailWithoutStackTrace() {
		HttpResponse<String> response = this.http.get("/api/municipalities", null, null);
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).contains("application/problem+json"));
		assertThat(response.body()).contains("\"status\":400").doesNotContain("Exception").doesNotContain("\tat ");
	}

}
