package jp.localgov.casework.platform.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import jp.localgov.casework.platform.StaffGroup;
import jp.localgov.casework.support.CaseworkPostgresTest;
import jp.localgov.casework.support.HttpClientSupport;
import jp.localgov.casework.support.TestSmtp;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * On PostgreSQL the authorization table carries the statistics that keep Tasklist's
 * filter queries linear, and who sees and works a task is exactly what the authorizations
 * say: the desk finds a new inquiry in 受付待ち, a member of another department neither sees
 * nor completes it.
 */
@CaseworkPostgresTest
@Order(CaseworkPostgresTest.ORDER)
class AuthorizationQueryStatisticsTests {

	/**
	 * The applicant's receipt is delivered here, so no mail of this test is left to
	 * retry.
	 */
	@RegisterExtension
	static GreenMailExtension smtp = TestSmtp.server();

	private static final String PASSWORD = "stats-Passw0rd!";

	@LocalServerPort
	int port;

	@Autowired
	IdentityService identityService;

	@Autowired
	FilterService filterService;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	JdbcTemplate jdbc;

	private final ObjectMapper json = new ObjectMapper();

	private HttpClientSupport http;

	private String number;

	@BeforeEach
	void staff() {
		this.http = new HttpClientSupport(this.port);
		person("statsDesk", StaffGroup.SECRETARIAT.id());
		person("statsOther", StaffGroup.JET.id());
	}

	@AfterEach
	void removeStaffAndCase() {
		for (String id : List.of("statsDesk", "statsOther")) {
			this.identityService.deleteUser(id);
		}
		// The open inquiry's deadline timers must not fire into later tests that move the
		// clock.
		if (this.number == null) {
			return;
		}
		this.runtimeService.createProcessInstanceQuery()
			.processInstanceBusinessKey(this.number)
			.list()
			.forEach((instance) -> this.runtimeService.deleteProcessInstance(instance.getId(), "test finished", true,
					true));
	}

	@Test
	void authorizationTableHasStatisticsOnThePermissionBitsTaskQueriesTest() {
		assertThat(this.jdbc.queryForList(
				"select stxname from pg_statistic_ext where stxrelid = 'act_ru_authorization'::regclass", String.class))
			.contains("casework_auth_perms_read", "casework_auth_perms_read_task");
	}

	@Test
	void onlyTheDeskSeesAndWorksTheInquiryWaitingForReception() throws Exception {
		String filterId = this.filterService.createFilterQuery().filterName("受付待ち").singleResult().getId();
		long deskBefore = count(filterId, "statsDesk");
		long otherBefore = count(filterId, "statsOther");

		// Given an inquiry waiting for reception
		HttpResponse<String> created = this.http.postJson("/api/inquiries", """
				{"applicantName": "望月 蓮", "organization": "静岡市 国際交流課", "email": "stats@shizuoka.example.jp",
				 "language": "ja", "field": "GENERAL", "subject": "統計の確認", "body": "確認のための問い合わせです。"}""", null, null);
		assertThat(created.statusCode()).isEqualTo(201);
		this.number = this.json.readTree(created.body()).get("trackingNumber").asText();
		assertThat(smtp.waitForIncomingEmail(30_000, 1)).isTrue();

		// Then the desk sees it in the filter and as a task, and another department does
		// not
		assertThat(count(filterId, "statsDesk")).isEqualTo(deskBefore + 1);
		assertThat(count(filterId, "statsOther")).isEqualTo(otherBefore);
		JsonNode deskTasks = tasks(this.number, "statsDesk");
		assertThat(deskTasks).hasSize(1);
		assertThat(tasks(this.number, "statsOther")).isEmpty();

		// And only the desk may complete it
		String taskId = deskTasks.get(0).get("id").asText();
		assertThat(this.http.postJson("/engine-rest/task/" + taskId + "/complete", "{}", "statsOther", PASSWORD)
			.statusCode()).isEqualTo(403);
		assertThat(this.http
			.postJson("/engine-rest/task/" + taskId + "/claim", "{\"userId\": \"statsDesk\"}", "statsDesk", PASSWORD)
			.statusCode()).isEqualTo(204);
	}

	private long count(String filterId, String user) throws Exception {
		HttpResponse<String> response = this.http.postJson("/engine-rest/filter/" + filterId + "/count", "{}", user,
				PASSWORD);
		assertThat(response.statusCode()).isEqualTo(200);
		return this.json.readTree(response.body()).get("count").asLong();
	}

	private JsonNode tasks(String number, String user) throws Exception {
		HttpResponse<String> response = this.http
			.get("/engine-rest/task?maxResults=15&processInstanceBusinessKey=" + number, user, PASSWORD);
		assertThat(response.statusCode()).isEqualTo(200);
		return this.json.readTree(response.body());
	}

	private void person(String id, String group) {
		User user = this.identityService.newUser(id);
		user.setFirstName(id);
		user.setLastName("Stats");
		user.setEmail(id + "@stats.example.jp");
		user.setPassword(PASSWORD);
		this.identityService.saveUser(user);
		this.identityService.createMembership(id, group);
	}

}
