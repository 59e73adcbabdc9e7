package jp.localgov.casework.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import jp.localgov.casework.support.CaseworkSpringBootTest;
import jp.localgov.casework.support.HttpClientSupport;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * CVE-2026-77226: the Admin first-run setup must never create an administrator, even when
 * the camunda-admin group has no member (the state in which Camunda itself would allow
 * it).
 */
@CaseworkSpringBootTest
class AdminSetupClosedTests {

	private static final String INTRUDER = """
			{"profile": {"id": "intruder", "firstName": "I", "lastName": "N", "email": "i@example.com"},
			 "credentials": {"password": "intruder-pass"}}""";

	@LocalServerPort
	int port;

	@Autowired
	IdentityService identityService;

	@BeforeEach
	void emptyTheAdminGroup() {
		this.identityService.deleteMembership("admin", "camunda-admin");
	}

	@AfterEach
	void restoreTheAdminGroup() {
		this.identityService.createMembership("admin", "camunda-admin");
		if (this.identityService.createUserQuery().userId("intruder").count() > 0) {
			this.identityService.deleteUser("intruder");
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "/camunda/api/admin/setup/default/user/create",
			"/camunda/api/admin/setup/default/user/create/", "/camunda/api/admin/SETUP/default/user/create",
			"/camunda/api/admin//setup/default/user/create", "/camunda/api/admin/setup;x=1/default/user/create",
			"/camunda/api/admin/setup%2Fdefault/user/create", "/camunda/api/admin/%73etup/default/user/create" })
	void setupCannotCreateAnAdministrator(String path) {
		HttpResponse<String> response = new HttpClientSupport(this.port).postJson(path, INTRUDER, null, null);

		assertThat(response.statusCode()).as(path).isBetween(400, 499);
		assertThat(this.identityService.createUserQuery().userId("intruder").count()).isZero();
	}

}
