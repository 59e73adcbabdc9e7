package jp.localgov.casework.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import jp.localgov.casework.support.CaseworkSpringBootTest;
import jp.localgov.casework.support.HttpClientSupport;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Security finding 2: local-government accounts reach no Camunda web application (welcome
 * included) and nothing of its API; job and incident operations, metrics and the job log
 * are for operators and administrators, over the web applications and
 * {@code /engine-rest} alike.
 */
@CaseworkSpringBootTest
class EngineOperationsAccessTests {

	private static final String PASSWORD = "demo";

	@LocalServerPort
	int port;

	@Autowired
	HistoryService historyService;

	@Autowired
	ManagementService managementService;

	Job cleanup;

	@BeforeEach
	void historyCleanupJob() {
		this.cleanup = this.historyService.findHistoryCleanupJobs()
			.stream()
			.findFirst()
			.orElseGet(() -> this.managementService.createJobQuery().list().stream().findFirst().orElse(null));
		if (this.cleanup == null) {
			this.historyService.cleanUpHistoryAsync(true);
			this.cleanup = this.historyService.findHistoryCleanupJobs().get(0);
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "/camunda/app/welcome/default/", "/camunda/app/tasklist/default/",
			"/camunda/api/admin/auth/user/default", "/camunda/api/engine/engine/default/job?maxResults=10",
			"/camunda/api/engine/engine/default/metrics/activity-instance-start/sum",
			"/camunda/api/engine/engine/default/history/job-log?maxResults=10" })
	void aLocalGovernmentAccountReachesNoCamundaWebApplicationNorItsApi(String path) {
		HttpClientSupport hamamatsu = new HttpClientSupport(this.port);
		HttpResponse<String> login = hamamatsu.staffLogin("hamamatsu", PASSWORD);
		assertThat(login.headers().firstValue("Location")).hasValueSatisfying(
				(location) -> assertThat(location).as("sent to the portal").endsWith("/portal/lg/inquiries"));

		assertThat(hamamatsu.get(path, null, null).statusCode()).as(path).isEqualTo(403);
	}

	@Test
	void aLocalGovernmentSessionFromThePortalReachesNoCamundaWebApplication() {
		HttpClientSupport hamamatsu = new HttpClientSupport(this.port);
		hamamatsu.formLogin("/portal/login", "hamamatsu", PASSWORD);
		assertThat(hamamatsu.getHtml("/portal/lg/inquiries").statusCode()).isEqualTo(200);

		assertThat(hamamatsu.getHtml("/camunda/app/welcome/default/").statusCode()).isEqualTo(403);
		assertThat(hamamatsu.get("/camunda/api/engine/engine/default/job?maxResults=10", null, null).statusCode())
			.isEqualTo(403);
	}

	@Test
	void staffCannotOperateJobsOverTheRestApiButOperatorsCan() {
		HttpClientSupport http = new HttpClientSupport(this.port);
		String job = "/engine-rest/job/" + this.cleanup.getId();
		int retries = this.cleanup.getRetries();

		assertThat(http.send("POST", job + "/execute", null, "desk", PASSWORD).statusCode()).isEqualTo(403);
		assertThat(http.send("PUT", job + "/retries", "{\"retries\": 0}", "desk", PASSWORD).statusCode())
			.isEqualTo(403);
		assertThat(http.send("PUT", job + "/suspended", "{\"suspended\": true}", "desk", PASSWORD).statusCode())
			.isEqualTo(403);
		assertThat(
				http.send("PUT", job + "/duedate", "{\"duedate\": \"2099-01-01T00:00:00.000+0000\"}", "desk", PASSWORD)
					.statusCode())
			.isEqualTo(403);
		assertThat(http.send("DELETE", job, null, "desk", PASSWORD).statusCode()).isEqualTo(403);
		assertThat(http
			.send("PUT", "/engine-rest/job-definition/suspended",
					"{\"processDefinitionKey\": \"OutgoingMail\", \"suspended\": true}", "desk", PASSWORD)
			.statusCode()).isEqualTo(403);
		assertThat(http.get("/engine-rest/metrics/activity-instance-start/sum", "desk", PASSWORD).statusCode())
			.isEqualTo(403);
		assertThat(http.get("/engine-rest/history/job-log?maxResults=10", "desk", PASSWORD).statusCode())
			.isEqualTo(403);
		Job unchanged = this.managementService.createJobQuery().jobId(this.cleanup.getId()).singleResult();
		assertThat(unchanged.getRetries()).isEqualTo(retries);
		assertThat(unchanged.isSuspended()).isFalse();

		// Reading stays open (Camunda's authorizations decide what is seen)
		assertThat(http.get("/engine-rest/job?maxResults=10", "desk", PASSWORD).statusCode()).isEqualTo(200);
		assertThat(http.postJson("/engine-rest/job/count", "{}", "desk", PASSWORD).statusCode()).isEqualTo(200);

		// Operators may
		assertThat(
				http.send("PUT", job + "/retries", "{\"retries\": " + retries + "}", "operator", PASSWORD).statusCode())
			.isEqualTo(204);
		assertThat(http.get("/engine-rest/metrics/activity-instance-start/sum", "operator", PASSWORD).statusCode())
			.isEqualTo(200);
		assertThat(http.get("/engine-rest/history/job-log?maxResults=10", "operator", PASSWORD).statusCode())
			.isEqualTo(200);
	}

	@Test
	void staffCannotOperateJobsOverTheWebApplicationsEitherButOperatorsCan() {
		String job = "/camunda/api/engine/engine/default/job/" + this.cleanup.getId();
		HttpClientSupport owner = new HttpClientSupport(this.port);
		assertThat(owner.webappLogin("cockpit", "owner", PASSWORD).statusCode()).isEqualTo(200);
		assertThat(owner.webappPostJson(job + "/execute", "{}").statusCode()).isEqualTo(403);
		assertThat(owner.webappSend("PUT", job + "/retries", "{\"retries\": 0}").statusCode()).isEqualTo(403);
		assertThat(owner.webappSend("PUT", job + "/suspended", "{\"suspended\": true}").statusCode()).isEqualTo(403);
		assertThat(owner.get("/camunda/api/engine/engine/default/metrics/activity-instance-start/sum", null, null)
			.statusCode()).isEqualTo(403);
		assertThat(this.managementService.createJobQuery().jobId(this.cleanup.getId()).singleResult().isSuspended())
			.isFalse();

		HttpClientSupport operator = new HttpClientSupport(this.port);
		assertThat(operator.webappLogin("cockpit", "operator", PASSWORD).statusCode()).isEqualTo(200);
		assertThat(operator.webappSend("PUT", job + "/retries", "{\"retries\": " + this.cleanup.getRetries() + "}")
			.statusCode()).isEqualTo(204);
	}

}
