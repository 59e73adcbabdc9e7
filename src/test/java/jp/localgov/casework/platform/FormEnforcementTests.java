package jp.localgov.casework.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jp.localgov.casework.support.CaseworkSpringBootTest;
import jp.localgov.casework.support.HttpClientSupport;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A task or start form submitted to the server is checked against its deployed Camunda
 * Form like Tasklist checks it in the browser: a refusal is 400 naming the field by its
 * label, and nothing changes — over the engine REST API, the web applications' engine API
 * and the Java API.
 */
@CaseworkSpringBootTest
class FormEnforcementTests {

	private static final String CONFIRMED_LABEL = "タスクリストとフォームが正しく表示されることを確認しました";

	@LocalServerPort
	int port;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	TaskService taskService;

	@Autowired
	HistoryService historyService;

	private final ObjectMapper json = new ObjectMapper();

	HttpClientSupport http;

	@BeforeEach
	void client() {
		this.http = new HttpClientSupport(this.port);
	}

	@Test
	void aMissingRequiredFieldIsRefusedWithItsLabelAndNothingChanges() throws Exception {
		ProcessInstance check = startSystemCheck();
		String task = taskOf(check);

		HttpResponse<String> refused = this.http.postJson("/engine-rest/task/" + task + "/submit-form", """
				{"variables": {"remarks": {"value": "確認のみ"}}}""", "operator", "demo");

		assertThat(refused.statusCode()).isEqualTo(400);
		JsonNode body = this.json.readTree(refused.body());
		assertThat(body.path("message").asText()).contains("「" + CONFIRMED_LABEL + "」を入力してください");
		assertThat(body.path("field").asText()).isEqualTo("confirmed");
		assertThat(this.taskService.createTaskQuery().taskId(task).count()).isOne();
		assertThat(this.runtimeService.getVariable(check.getId(), "remarks")).isNull();

		HttpResponse<String> accepted = this.http.postJson("/engine-rest/task/" + task + "/submit-form", """
				{"variables": {"confirmed": {"value": true}, "remarks": {"value": "確認のみ"}}}""", "operator", "demo");
		assertThat(accepted.statusCode()).isEqualTo(204);
		assertThat(this.historyService.createHistoricProcessInstanceQuery()
			.processInstanceId(check.getId())
			.finished()
			.count()).isOne();
	}

	@Test
	void completeIsCheckedLikeSubmitForm() {
		ProcessInstance check = startSystemCheck();
		String task = taskOf(check);

		HttpResponse<String> refused = this.http.postJson("/engine-rest/task/" + task + "/complete", """
				{"variables": {"confirmed": {"value": false}}}""", "operator", "demo");

		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.body()).contains(CONFIRMED_LABEL);
		assertThat(this.taskService.createTaskQuery().taskId(task).count()).isOne();
	}

	@Test
	void aTooLongTextIsRefused() {
		ProcessInstance check = startSystemCheck();
		String task = taskOf(check);

		HttpResponse<String> refused = this.http.postJson("/engine-rest/task/" + task + "/submit-form",
				"{\"variables\": {\"confirmed\": {\"value\": true}, \"remarks\": {\"value\": \"%s\"}}}"
					.formatted("あ".repeat(2001)),
				"operator", "demo");

		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.body()).contains("「備考」は2000文字以内で入力してください");
	}

	@Test
	void theJavaApiIsCheckedToo() {
		ProcessInstance check = startSystemCheck();
		String task = taskOf(check);

		assertThatThrownBy(() -> this.taskService.complete(task, Map.of("remarks", "Java API")))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining(CONFIRMED_LABEL);

		assertThat(this.taskService.createTaskQuery().taskId(task).count()).isOne();
		assertThat(this.runtimeService.getVariable(check.getId(), "remarks")).isNull();
	}

	@Test
	void tasklistsEngineApiRefusesAndNothingChanges() {
		ProcessInstance check = startSystemCheck();
		String task = taskOf(check);
		assertThat(this.http.webappLogin("tasklist", "operator", "demo").statusCode()).isEqualTo(200);

		HttpResponse<String> refused = this.http
			.webappPostJson("/camunda/api/engine/engine/default/task/" + task + "/submit-form", """
					{"variables": {"remarks": {"value": "Tasklist"}}}""");

		assertThat(refused.statusCode()).isBetween(400, 599);
		assertThat(this.taskService.createTaskQuery().taskId(task).count()).isOne();
		assertThat(this.runtimeService.getVariable(check.getId(), "remarks")).isNull();
	}

	@Test
	void aStartFormWithoutItsRequiredFieldStartsNothing() {
		long before = this.runtimeService.createProcessInstanceQuery().processDefinitionKey("SystemCheck").count();

		HttpResponse<String> refused = this.http.postJson("/engine-rest/process-definition/key/SystemCheck/submit-form",
				"{\"variables\": {}}", "operator", "demo");

		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.body()).contains("確認の理由（例：バージョン更新）");
		assertThat(this.runtimeService.createProcessInstanceQuery().processDefinitionKey("SystemCheck").count())
			.isEqualTo(before);

		HttpResponse<String> started = this.http.postJson("/engine-rest/process-definition/key/SystemCheck/submit-form",
				"""
						{"variables": {"reason": {"value": "フォーム確認"}}}""", "operator", "demo");
		assertThat(started.statusCode()).isEqualTo(200);
	}

	@Test
	void assigningStaffWithoutAStaffMemberIsRefused() throws Exception {
		String number = inquiryAtAssignStaff();
		String task = taskOf(number, "kato");

		HttpResponse<String> refused = this.http.postJson("/engine-rest/task/" + task + "/submit-form", """
				{"variables": {"departmentDecision": {"value": "ASSIGN"}}}""", "kato", "demo");

		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(this.json.readTree(refused.body()).path("message").asText()).contains("「担当者」を入力してください");
		assertThat(this.taskService.createTaskQuery().taskId(task).count()).isOne();
		assertThat(this.taskService.createTaskQuery()
			.processInstanceBusinessKey(number)
			.taskDefinitionKey("UserTask_AnswerInquiry")
			.count()).isZero();
	}

	@Test
	void aValueOutsideTheOfferedChoicesIsRefused() throws Exception {
		String number = inquiryAtAssignStaff();
		String task = taskOf(number, "kato");

		HttpResponse<String> outsider = this.http.postJson("/engine-rest/task/" + task + "/submit-form", """
				{"variables": {"departmentDecision": {"value": "ASSIGN"}, "staffMember": {"value": "tanaka"}}}""",
				"kato", "demo");
		HttpResponse<String> unknownDecision = this.http.postJson("/engine-rest/task/" + task + "/submit-form", """
				{"variables": {"departmentDecision": {"value": "IGNORE"}}}""", "kato", "demo");

		assertThat(outsider.statusCode()).isEqualTo(400);
		assertThat(outsider.body()).contains("「担当者」の値「tanaka」は選択肢にありません");
		assertThat(unknownDecision.statusCode()).isEqualTo(400);
		assertThat(unknownDecision.body()).contains("当課での対応");
		assertThat(this.taskService.createTaskQuery().taskId(task).count()).isOne();

		HttpResponse<String> assigned = this.http.postJson("/engine-rest/task/" + task + "/submit-form", """
				{"variables": {"departmentDecision": {"value": "ASSIGN"}, "staffMember": {"value": "ito"}}}""", "kato",
				"demo");
		assertThat(assigned.statusCode()).isEqualTo(204);
		assertThat(this.taskService.createTaskQuery()
			.processInstanceBusinessKey(number)
			.taskDefinitionKey("UserTask_AnswerInquiry")
			.singleResult()
			.getAssignee()).isEqualTo("ito");
	}

	@Test
	void aFieldHiddenByItsConditionIsNotRequired() throws Exception {
		String number = inquiryAtAssignStaff();
		String task = taskOf(number, "kato");

		HttpResponse<String> withoutReason = this.http.postJson("/engine-rest/task/" + task + "/submit-form", """
				{"variables": {"departmentDecision": {"value": "RETURN"}}}""", "kato", "demo");
		HttpResponse<String> returned = this.http.postJson("/engine-rest/task/" + task + "/submit-form",
				"""
						{"variables": {"departmentDecision": {"value": "RETURN"}, "returnReason": {"value": "当課の担当ではありません"}}}""",
				"kato", "demo");

		assertThat(withoutReason.statusCode()).isEqualTo(400);
		assertThat(withoutReason.body()).contains("差し戻しの理由").doesNotContain("「担当者」");
		assertThat(returned.statusCode()).isEqualTo(204);
		assertThat(this.taskService.createTaskQuery()
			.processInstanceBusinessKey(number)
			.taskDefinitionKey("UserTask_ReceiveInquiry")
			.count()).isOne();
	}

	private ProcessInstance startSystemCheck() {
		return this.runtimeService.startProcessInstanceByKey("SystemCheck", Map.of("reason", "フォームの確認"));
	}

	private String taskOf(ProcessInstance instance) {
		Task task = this.taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
		return task.getId();
	}

	/** An inquiry received by the desk for 国際交流・協力課, waiting for its lead. */
	private String inquiryAtAssignStaff() throws Exception {
		HttpResponse<String> created = this.http.postJson("/api/inquiries", """
				{"applicantName": "望月 蓮", "organization": "静岡市 国際交流課", "municipalityCode": "221007",
				 "email": "forms@example.jp", "language": "ja", "field": "INTERPRETATION_TRANSLATION",
				 "subject": "通訳の依頼", "body": "ポルトガル語の通訳をお願いします。"}""", null, null);
		assertThat(created.statusCode()).isEqualTo(201);
		String number = this.json.readTree(created.body()).path("trackingNumber").asText();
		assertThat(this.http.postJson("/engine-rest/task/" + taskOf(number, "desk") + "/submit-form", """
				{"variables": {"department": {"value": "exchangeCooperation"}}}""", "desk", "demo").statusCode())
			.isEqualTo(204);
		return number;
	}

	private String taskOf(String number, String user) throws Exception {
		HttpResponse<String> response = this.http
			.get("/engine-rest/task?maxResults=10&processInstanceBusinessKey=" + number, user, "demo");
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode tasks = this.json.readTree(response.body());
		assertThat(tasks).as(user + " sees the current task").hasSize(1);
		return tasks.get(0).path("id").asText();
	}

}
