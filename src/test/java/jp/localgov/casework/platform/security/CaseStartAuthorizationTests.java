package jp.localgov.casework.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jp.localgov.casework.inquiry.InquiryField;
import jp.localgov.casework.inquiry.InquiryService;
import jp.localgov.casework.inquiry.NewInquiry;
import jp.localgov.casework.inquiry.Submission;
import jp.localgov.casework.inquiry.process.InquiryProcess;
import jp.localgov.casework.platform.StaffGroup;
import jp.localgov.casework.platform.process.IdentityBootstrap;
import jp.localgov.casework.support.CaseworkSpringBootTest;
import jp.localgov.casework.support.HttpClientSupport;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Who may start what (security finding 1): staff cannot start case processes with forged
 * data over {@code /engine-rest} or the web applications' engine API; only the LGOTP team
 * starts the LGOTP year and only operators the system check, in Tasklist.
 */
@CaseworkSpringBootTest
class CaseStartAuthorizationTests {

	private static final String PASSWORD = "demo";

	@LocalServerPort
	int port;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	HistoryService historyService;

	@Autowired
	AuthorizationService authorizationService;

	@Autowired
	IdentityBootstrap identityBootstrap;

	@Autowired
	InquiryService inquiries;

	@Autowired
	TaskService taskService;

	private final ObjectMapper json = new ObjectMapper();

	@ParameterizedTest
	@ValueSource(strings = { "SubsidyApplication", "InquiryLifecycle", "LgotpAnnualCycle", "LgotpTraineeJourney",
			"OutgoingMail", "SystemCheck" })
	void aStaffMemberCannotStartAProcessWithForgedDataOverTheRestApi(String processKey) {
		long instances = startedInstances();

		HttpResponse<String> response = new HttpClientSupport(this.port)
			.postJson("/engine-rest/process-definition/key/" + processKey + "/start", """
					{"businessKey": "SUB-2026-000001",
					 "variables": {"applicationNumber": {"value": "SUB-2026-000001"},
					               "trackingNumber": {"value": "INQ-2026-000001"},
					               "fiscalYear": {"value": 2086, "type": "Integer"}}}""", "sato", PASSWORD);

		assertThat(response.statusCode()).as(processKey).isEqualTo(403);
		assertThat(startedInstances()).as("nothing started, nothing mailed").isEqualTo(instances);
	}

	@Test
	void aStaffMemberCannotStartACaseProcessFromTheTasklistEither() {
		HttpClientSupport sato = new HttpClientSupport(this.port);
		assertThat(sato.webappLogin("tasklist", "sato", PASSWORD).statusCode()).isEqualTo(200);
		long instances = startedInstances();

		HttpResponse<String> response = sato.webappPostJson(
				"/camunda/api/engine/engine/default/process-definition/key/SubsidyApplication/submit-form", """
						{"businessKey": "SUB-2026-000001",
						 "variables": {"applicationNumber": {"value": "SUB-2026-000001"}}}""");

		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(startedInstances()).isEqualTo(instances);
		assertThat(startableInTasklist(sato)).isEmpty();
	}

	@Test
	void theLgotpTeamStartsTheLgotpYearInTheTasklistAndOperatorsTheSystemCheck() throws Exception {
		HttpClientSupport kato = new HttpClientSupport(this.port);
		assertThat(kato.webappLogin("tasklist", "kato", PASSWORD).statusCode()).isEqualTo(200);
		assertThat(startableInTasklist(kato)).containsExactly("LgotpAnnualCycle");

		HttpResponse<String> started = kato.webappPostJson(
				"/camunda/api/engine/engine/default/process-definition/key/LgotpAnnualCycle/submit-form", """
						{"variables": {"fiscalYear": {"value": 2087, "type": "Integer"}}}""");
		assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
		String instanceId = this.json.readTree(started.body()).get("id").asText();
		try {
			ProcessInstance year = this.runtimeService.createProcessInstanceQuery()
				.processInstanceId(instanceId)
				.singleResult();
			assertThat(year.getBusinessKey()).isEqualTo("LGOTP-FY2087");
		}
		finally {
			this.runtimeService.deleteProcessInstance(instanceId, "test", true, true);
		}

		HttpClientSupport operator = new HttpClientSupport(this.port);
		assertThat(operator.webappLogin("tasklist", "operator", PASSWORD).statusCode()).isEqualTo(200);
		assertThat(startableInTasklist(operator)).containsExactly("SystemCheck");
	}

	@Test
	void theStartConvergesOnDatabasesWhereEarlierVersionsLetEveryGroupStartEveryProcess() {
		String group = StaffGroup.MULTICULTURAL.id();
		Authorization stale = this.authorizationService.createAuthorizationQuery()
			.groupIdIn(group)
			.resourceType(Resources.PROCESS_DEFINITION)
			.resourceId(Authorization.ANY)
			.singleResult();
		stale.addPermission(Permissions.CREATE_INSTANCE);
		this.authorizationService.saveAuthorization(stale);
		assertThat(this.authorizationService.isUserAuthorized("sato", List.of(group), Permissions.CREATE_INSTANCE,
				Resources.PROCESS_DEFINITION, "SubsidyApplication"))
			.isTrue();

		this.identityBootstrap.afterPropertiesSet();

		assertThat(this.authorizationService.isUserAuthorized("sato", List.of(group), Permissions.CREATE_INSTANCE,
				Resources.PROCESS_DEFINITION, "SubsidyApplication"))
			.isFalse();
		assertThat(this.authorizationService.isUserAuthorized("sato", List.of(group), Permissions.READ,
				Resources.PROCESS_DEFINITION, "SubsidyApplication"))
			.as("Tasklist still reads the definitions")
			.isTrue();
	}

	@Test
	void theApplicationStillStartsCasesAndMailsWhenStaffWorkInTheTasklist() {
		// The application starts the case (no engine authentication in its services)
		Submission submitted = this.inquiries.submit(new NewInquiry("望月 蓮", "浜松市 国際課", "221309",
				"start-check@city.example.jp", "ja", InquiryField.INTERPRETATION_TRANSLATION, "通訳の手配", "通訳をお願いできますか。"));
		Task reception = this.taskService.createTaskQuery()
			.processInstanceBusinessKey(submitted.trackingNumber())
			.taskDefinitionKey(InquiryProcess.TASK_RECEIVE)
			.singleResult();
		assertThat(reception).isNotNull();
		long mails = this.runtimeService.createProcessInstanceQuery().processDefinitionKey("OutgoingMail").count();

		// The desk completes the reception in Tasklist: its delegates, which queue a mail
		// and so start the mail process, run without authorization checks
		HttpClientSupport desk = new HttpClientSupport(this.port);
		desk.webappLogin("tasklist", "desk", PASSWORD);
		this.taskService.claim(reception.getId(), "desk");
		HttpResponse<String> completed = desk
			.webappPostJson("/camunda/api/engine/engine/default/task/" + reception.getId() + "/submit-form", """
					{"variables": {"department": {"value": "exchangeCooperation"}}}""");

		assertThat(completed.statusCode()).as(completed.body()).isEqualTo(204);
		assertThat(this.runtimeService.createProcessInstanceQuery().processDefinitionKey("OutgoingMail").count())
			.isGreaterThan(mails);
	}

	private long startedInstances() {
		return this.historyService.createHistoricProcessInstanceQuery().count();
	}

	private List<String> startableInTasklist(HttpClientSupport session) {
		HttpResponse<String> response = session.get(
				"/camunda/api/engine/engine/default/process-definition?latest=true&active=true&startableInTasklist=true"
						+ "&startablePermissionCheck=true&maxResults=50",
				null, null);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		try {
			JsonNode definitions = this.json.readTree(response.body());
			return definitions.findValuesAsText("key");
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
