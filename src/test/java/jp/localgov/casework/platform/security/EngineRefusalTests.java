package jp.localgov.casework.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import jp.localgov.casework.subsidy.ApplicantType;
import jp.localgov.casework.subsidy.CostLine;
import jp.localgov.casework.subsidy.NewApplication;
import jp.localgov.casework.subsidy.SubsidyProgramme.ProgrammeRules;
import jp.localgov.casework.subsidy.SubsidyRate;
import jp.localgov.casework.subsidy.SubsidyService;
import jp.localgov.casework.subsidy.process.SubsidyProcess;
import jp.localgov.casework.support.CaseworkSpringBootTest;
import jp.localgov.casework.support.EngineJobs;
import jp.localgov.casework.support.HttpClientSupport;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Security finding 5, engine side: refusals at the engine boundary are clear 4xx answers
 * with the Japanese message — a business rule broken in a task listener, a refused
 * variable type, the deletion of a process's task, an odd path — never a 500 or a stack
 * trace in the log.
 */
@CaseworkSpringBootTest
@ExtendWith(OutputCaptureExtension.class)
class EngineRefusalTests {

	private static final String PASSWORD = "demo";

	@LocalServerPort
	int port;

	@Autowired
	SubsidyService subsidies;

	@Autowired
	TaskService taskService;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	ManagementService managementService;

	HttpClientSupport http;

	String number;

	@BeforeEach
	void applicationInReview() {
		this.http = new HttpClientSupport(this.port);
		new EngineJobs(this.managementService).clockAt(Instant.parse("2026-06-01T01:00:00Z"));
		String programme = "REFUSAL_" + System.nanoTime();
		this.subsidies.defineProgramme(programme, 2026, "テスト事業", "economicExchange",
				new ProgrammeRules(2_000_000, new SubsidyRate(1, 2), 1_000_000, EnumSet.allOf(ApplicantType.class),
						LocalDate.of(2026, 4, 1), LocalDate.of(2027, 3, 31)),
				false);
		this.number = this.subsidies
			.apply("221309",
					new NewApplication(programme, 2026, "多言語案内の整備", "外国人向けの案内を整備する。", LocalDate.of(2026, 7, 1),
							LocalDate.of(2026, 12, 31), List.of(new CostLine("翻訳費", 1_000_000L))))
			.applicationNumber();
		Task formalCheck = task(SubsidyProcess.TASK_FORMAL_CHECK).get(0);
		this.taskService.claim(formalCheck.getId(), "tanaka");
		this.taskService.complete(formalCheck.getId(), Map.of(SubsidyProcess.FORMAL_CHECK_RESULT, "OK"));
	}

	@AfterEach
	void resetClock() {
		EngineJobs.resetClock();
	}

	@Test
	void aSecondReviewByTheSamePersonIsAConflictWithItsMessageNotA500(CapturedOutput output) {
		List<Task> reviews = task(SubsidyProcess.TASK_REVIEW);
		reviews.forEach((review) -> this.taskService.claim(review.getId(), "suzuki"));
		String scores = """
				{"variables": {"scoreNecessity": {"value": 4}, "scoreEffectiveness": {"value": 4},
				 "scoreFeasibility": {"value": 4}, "scoreCostValidity": {"value": 4},
				 "recommendation": {"value": "APPROVE"}}}""";
		assertThat(this.http
			.postJson("/engine-rest/task/" + reviews.get(0).getId() + "/complete", scores, "suzuki", PASSWORD)
			.statusCode()).isEqualTo(204);

		HttpResponse<String> second = this.http.postJson("/engine-rest/task/" + reviews.get(1).getId() + "/complete",
				scores, "suzuki", PASSWORD);

		assertThat(second.statusCode()).isEqualTo(409);
		assertThat(second.body()).contains("\"type\":\"BusinessRuleException\"").contains("すでに審査済み");
		assertThat(this.taskService.createTaskQuery().taskId(reviews.get(1).getId()).count()).isEqualTo(1);

		// The same in Tasklist
		HttpClientSupport tasklist = new HttpClientSupport(this.port);
		tasklist.webappLogin("tasklist", "suzuki", PASSWORD);
		HttpResponse<String> submitted = tasklist.webappPostJson(
				"/camunda/api/engine/engine/default/task/" + reviews.get(1).getId() + "/submit-form", scores);
		assertThat(submitted.statusCode()).isEqualTo(409);
		assertThat(submitted.body()).contains("すでに審査済み");
		assertThat(output.getOut()).doesNotContain("\tat org.camunda");
	}

	@Test
	void aJavaSerializedVariableIsRefusedOnWrite() {
		Task review = claimedReview("tanaka");
		String javaSerialized = """
				{"value": "rO0ABXQAA2Zvbw==", "type": "Object",
				 "valueInfo": {"objectTypeName": "java.lang.String",
				               "serializationDataFormat": "application/x-java-serialized-object"}}""";

		HttpResponse<String> put = this.http.putJson("/engine-rest/task/" + review.getId() + "/variables/payload",
				javaSerialized, "tanaka", PASSWORD);
		assertThat(put.statusCode()).isEqualTo(400);
		assertThat(put.body()).contains("Java シリアライズ形式");

		HttpResponse<String> submitted = this.http.postJson("/engine-rest/task/" + review.getId() + "/submit-form",
				"{\"variables\": {\"payload\": " + javaSerialized + "}}", "tanaka", PASSWORD);
		assertThat(submitted.statusCode()).isEqualTo(400);
		assertThat(this.runtimeService.getVariable(review.getProcessInstanceId(), "payload")).isNull();
		assertThat(this.taskService.createTaskQuery().taskId(review.getId()).count()).isEqualTo(1);
	}

	@ParameterizedTest
	@ValueSource(strings = {
			"{\"value\": \"{}\", \"type\": \"Object\", \"valueInfo\": {\"objectTypeName\": \"java.lang.ProcessBuilder\", \"serializationDataFormat\": \"application/json\"}}",
			"{\"value\": \"{}\", \"type\": \"Object\", \"valueInfo\": {\"objectTypeName\": \"jp.localgov.casework.subsidy.CostLine\", \"serializationDataFormat\": \"application/json\"}}",
			"{\"value\": \"not json\", \"type\": \"Object\", \"valueInfo\": {\"objectTypeName\": \"java.util.ArrayList\", \"serializationDataFormat\": \"application/json\"}}",
			"{\"value\": \"<a/>\", \"type\": \"Object\", \"valueInfo\": {\"objectTypeName\": \"java.lang.String\", \"serializationDataFormat\": \"application/xml\"}}" })
	void anObjectVariableTheEngineCouldNotReadAgainIsRefusedOnWriteSoTheFormStillOpens(String variable) {
		Task review = claimedReview("tanaka");

		HttpResponse<String> put = this.http.putJson("/engine-rest/task/" + review.getId() + "/variables/payload",
				variable, "tanaka", PASSWORD);
		HttpResponse<String> submitted = new HttpClientSupport(this.port).postJson(
				"/engine-rest/task/" + review.getId() + "/submit-form",
				"{\"variables\": {\"payload\": " + variable + "}}", "tanaka", PASSWORD);

		assertThat(put.statusCode()).as(put.body()).isEqualTo(400);
		assertThat(put.body()).contains("\"type\":\"InvalidVariableException\"");
		assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(400);
		assertThat(this.runtimeService.getVariable(review.getProcessInstanceId(), "payload")).isNull();
		assertThat(this.http
			.get("/engine-rest/task/" + review.getId() + "/form-variables?deserializeValues=true", "tanaka", PASSWORD)
			.statusCode()).isEqualTo(200);
	}

	@Test
	void aListOfPlainValuesIsStillAccepted() {
		Task review = claimedReview("tanaka");
		HttpResponse<String> put = this.http.putJson("/engine-rest/task/" + review.getId() + "/variables/tags", """
				{"value": "[\\"a\\", \\"b\\"]", "type": "Object",
				 "valueInfo": {"objectTypeName": "java.util.ArrayList<java.lang.String>",
				               "serializationDataFormat": "application/json"}}""", "tanaka", PASSWORD);
		assertThat(put.statusCode()).as(put.body()).isEqualTo(204);
		assertThat(this.taskService.getVariable(review.getId(), "tags")).isEqualTo(List.of("a", "b"));
	}

	@Test
	void deletingATaskOfAProcessIsABadRequestNotA500() {
		Task review = claimedReview("tanaka");

		for (String user : new String[] { "tanaka", "admin" }) {
			HttpResponse<String> deleted = this.http.send("DELETE", "/engine-rest/task/" + review.getId(), null, user,
					"admin".equals(user) ? "admin" : PASSWORD);
			assertThat(deleted.statusCode()).as(user).isIn(400, 403);
			assertThat(deleted.body()).doesNotContain("\tat ");
		}
		assertThat(this.taskService.createTaskQuery().taskId(review.getId()).count()).isEqualTo(1);
		assertThat(this.http.send("DELETE", "/engine-rest/task/" + review.getId(), null, "admin", "admin").body())
			.contains("プロセスに属するタスクは削除できません");
	}

	@ParameterizedTest
	@ValueSource(strings = { "/engine-rest//task?maxResults=1", "/engine-rest/task;jsessionid=x?maxResults=1",
			"/engine-rest/x/../task?maxResults=1", "/engine-rest%2Ftask?maxResults=1", "/staff//lgotp",
			"/portal/%FF%FE", "/camunda/app/tasklist/default/..;/..;/", "/login;x=1" })
	void oddPathsAreABadRequestWithoutAStackTrace(String path, CapturedOutput output) {
		HttpResponse<String> response = this.http.get(path, "desk", PASSWORD);

		assertThat(response.statusCode()).as(path).isEqualTo(400);
		assertThat(response.body()).doesNotContain("Exception");
		assertThat(output.getOut()).as("log").doesNotContain("\tat ");
	}

	private Task claimedReview(String user) {
		Task review = task(SubsidyProcess.TASK_REVIEW).get(0);
		this.taskService.claim(review.getId(), user);
		return review;
	}

	private List<Task> task(String taskKey) {
		return this.taskService.createTaskQuery()
			.processInstanceBusinessKey(this.number)
			.taskDefinitionKey(taskKey)
			.list();
	}

}
