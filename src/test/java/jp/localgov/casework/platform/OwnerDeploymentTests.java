package jp.localgov.casework.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import jp.localgov.casework.platform.process.ModelDeployer;
import jp.localgov.casework.support.CaseworkSpringBootTest;
import jp.localgov.casework.support.HttpClientSupport;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The deploy contract: a process owner deploys one changed {@code .dmn}, {@code .form} or
 * {@code .bpmn} file the way Camunda Modeler does (bare file name, deploy changed only,
 * any deployment name, source "Camunda Modeler") through the engine REST API, and the
 * next new case uses it; a case started before still completes; the application's own
 * deployment at start (a restart) leaves the owner's version in effect, a changed bundled
 * file becomes the next version; a model that would break cases is refused.
 */
@CaseworkSpringBootTest
class OwnerDeploymentTests {

	private static final String MODELER = "Camunda Modeler";

	@LocalServerPort
	int port;

	@Autowired
	RepositoryService repositoryService;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	TaskService taskService;

	@Autowired
	HistoryService historyService;

	@Autowired
	ModelDeployer modelDeployer;

	private final ObjectMapper json = new ObjectMapper();

	private final List<String> deployments = new ArrayList<>();

	HttpClientSupport http;

	@BeforeEach
	void client() {
		this.http = new HttpClientSupport(this.port);
	}

	@AfterEach
	void removeTheOwnersDeployments() {
		this.deployments.forEach((id) -> this.repositoryService.deleteDeployment(id, true));
	}

	@Test
	void aChangedDecisionTableTakesEffectForTheNextCaseAndSurvivesARestart() throws Exception {
		String routing = Files.readString(Path.of("bpmn/inquiry/inquiry-routing.dmn"))
			.replace(
					"<text>\"exchangeCooperation\"</text>\n        </outputEntry>\n      </rule>\n      <rule id=\"Rule_InternationalExchange\">",
					"<text>\"multicultural\"</text>\n        </outputEntry>\n      </rule>\n      <rule id=\"Rule_InternationalExchange\">");
		assertThat(routing).contains("\"multicultural\"");

		HttpResponse<String> deployed = deploy("inquiry-routing", "inquiry-routing.dmn", routing);

		assertThat(deployed.statusCode()).isEqualTo(200);
		String deploymentId = this.json.readTree(deployed.body()).path("id").asText();
		assertThat(proposedDepartmentOfANewInquiry()).isEqualTo("multicultural");

		// Deploying the same file again from Modeler creates nothing
		assertThat(this.json.readTree(deploy("inquiry-routing", "inquiry-routing.dmn", routing).body())
			.path("id")
			.asText()).isEqualTo(deploymentId);

		// A restart deploys nothing and leaves the owner's table in effect
		ModelDeployer.Outcome restart = this.modelDeployer.deploy();
		assertThat(restart.deployedResources()).isEmpty();
		assertThat(restart.ownerVersionsInEffect()).extracting(ModelDeployer.InEffect::key).contains("InquiryRouting");
		assertThat(latestRouting().getDeploymentId()).isEqualTo(deploymentId);
		assertThat(proposedDepartmentOfANewInquiry()).isEqualTo("multicultural");
	}

	@Test
	void aChangedBundledFileBecomesTheNextVersionOverTheOwners() throws Exception {
		String original = Files.readString(Path.of("bpmn/inquiry/inquiry-routing.dmn"));
		String owners = original.replace("<text>\"information\"</text>", "<text>\"jet\"</text>");
		assertThat(deploy("inquiry-routing", "inquiry-routing.dmn", owners).statusCode()).isEqualTo(200);
		int ownersVersion = latestRouting().getVersion();

		String release = original.replace("<text>\"information\"</text>", "<text>\"capacityBuilding\"</text>");
		ModelDeployer.Outcome upgrade = this.modelDeployer.deploy(Map.of("inquiry-routing.dmn", bytes(release)));
		this.deployments.add(upgrade.getId());

		assertThat(upgrade.deployedResources()).containsExactly("inquiry-routing.dmn");
		assertThat(latestRouting().getVersion()).isEqualTo(ownersVersion + 1);
		assertThat(latestRouting().getDeploymentId()).isEqualTo(upgrade.getId());
	}

	@Test
	void aChangedFormIsShownAndEnforcedAlsoOnTasksOpenedBefore() throws Exception {
		ProcessInstance before = this.runtimeService.startProcessInstanceByKey("SystemCheck",
				Map.of("reason", "フォーム変更の前"));
		String form = Files.readString(Path.of("forms/system/system-check.form")).replace("\"components\": [", """
				"components": [
				    {
				      "type": "textfield",
				      "id": "Field_CheckedBy",
				      "key": "checkedBy",
				      "label": "確認した担当者",
				      "validate": { "required": true }
				    },""");

		assertThat(deploy("system-check", "system-check.form", form).statusCode()).isEqualTo(200);

		ProcessInstance after = this.runtimeService.startProcessInstanceByKey("SystemCheck",
				Map.of("reason", "フォーム変更の後"));
		for (ProcessInstance instance : List.of(before, after)) {
			String task = taskOf(instance).getId();
			assertThat(this.http.get("/engine-rest/task/" + task + "/deployed-form", "operator", "demo").body())
				.contains("確認した担当者");
			assertThat(submit(task, "{\"confirmed\": {\"value\": true}}").statusCode()).isEqualTo(400);
			assertThat(
					submit(task, "{\"confirmed\": {\"value\": true}, \"checkedBy\": {\"value\": \"中村\"}}").statusCode())
				.isEqualTo(204);
		}
	}

	@Test
	void aChangedProcessModelAloneTakesEffectWhileEarlierCasesCompleteOrMigrate() throws Exception {
		ProcessInstance earlier = this.runtimeService.startProcessInstanceByKey("SystemCheck",
				Map.of("reason", "モデル変更の前"));
		ProcessInstance migrated = this.runtimeService.startProcessInstanceByKey("SystemCheck",
				Map.of("reason", "移行する"));
		String model = Files.readString(Path.of("bpmn/system/system-check.bpmn"))
			.replace("name=\"動作を確認する\"", "name=\"動作と祝日カレンダーを確認する\"")
			.replace("camunda:versionTag=\"1.0.0\"", "camunda:versionTag=\"1.1.0\"");

		HttpResponse<String> deployed = deploy("system-check", "system-check.bpmn", model);

		assertThat(deployed.statusCode()).isEqualTo(200);
		String newDefinition = this.json.readTree(deployed.body())
			.path("deployedProcessDefinitions")
			.fieldNames()
			.next();
		ProcessInstance next = this.runtimeService.startProcessInstanceByKey("SystemCheck",
				Map.of("reason", "モデル変更の後"));
		Task nextTask = taskOf(next);
		assertThat(nextTask.getName()).isEqualTo("動作と祝日カレンダーを確認する");
		assertThat(this.http.get("/engine-rest/task/" + nextTask.getId() + "/deployed-form", "operator", "demo")
			.statusCode()).as("the form resolves although the deployment holds the model only").isEqualTo(200);
		assertThat(submit(nextTask.getId(), "{\"confirmed\": {\"value\": true}}").statusCode()).isEqualTo(204);

		// A case started before stays on its version and completes
		Task earlierTask = taskOf(earlier);
		assertThat(earlierTask.getName()).isEqualTo("動作を確認する");
		assertThat(submit(earlierTask.getId(), "{\"confirmed\": {\"value\": true}}").statusCode()).isEqualTo(204);
		assertThat(ended(earlier)).isTrue();

		// ... or the owner migrates it in Cockpit
		String plan = this.http
			.postJson("/engine-rest/migration/generate",
					"""
							{"sourceProcessDefinitionId": "%s", "targetProcessDefinitionId": "%s"}"""
						.formatted(migrated.getProcessDefinitionId(), newDefinition),
					"owner", "demo")
			.body();
		HttpResponse<String> migration = this.http.postJson("/engine-rest/migration/execute", """
				{"migrationPlan": %s, "processInstanceIds": ["%s"]}""".formatted(plan, migrated.getId()), "owner",
				"demo");
		assertThat(migration.statusCode()).isEqualTo(204);
		assertThat(taskOf(migrated).getProcessDefinitionId()).isEqualTo(newDefinition);
	}

	@Test
	void aProcessOwnerMayTryADecisionBeforeDeployingIt() throws Exception {
		HttpResponse<String> evaluated = this.http
			.postJson("/engine-rest/decision-definition/key/InquiryRouting/evaluate", """
					{"variables": {"field": {"value": "GENERAL"}}}""", "owner", "demo");

		assertThat(evaluated.statusCode()).isEqualTo(200);
		assertThat(this.json.readTree(evaluated.body()).get(0).path("department").path("value").asText())
			.isEqualTo("information");
	}

	@Test
	void aModelThatWouldBreakCasesIsRefusedAndNothingIsDeployed() throws Exception {
		long before = this.repositoryService.createDeploymentQuery().count();
		String model = Files.readString(Path.of("bpmn/system/system-check.bpmn"));

		HttpResponse<String> unknownBean = deploy("system-check", "system-check.bpmn",
				model.replace("camunda:candidateGroups=\"operators\"",
						"camunda:candidateGroups=\"operators\" camunda:dueDate=\"${officeDay.after(now(), 3)}\""));
		HttpResponse<String> missingForm = deploy("system-check", "system-check.bpmn",
				model.replace("camunda:formRef=\"system-check\"", "camunda:formRef=\"system-check-v2\""));
		HttpResponse<String> wrongFormId = deploy("system-check-copy", "system-check-copy.form",
				Files.readString(Path.of("forms/system/system-check.form")));

		assertThat(unknownBean.statusCode()).isEqualTo(400);
		assertThat(unknownBean.body()).contains("officeDay").contains("Task_ConfirmSystem");
		assertThat(missingForm.statusCode()).isEqualTo(400);
		assertThat(missingForm.body()).contains("system-check-v2");
		assertThat(wrongFormId.statusCode()).isEqualTo(400);
		assertThat(wrongFormId.body()).contains("system-check-copy");
		assertThat(this.repositoryService.createDeploymentQuery().count()).isEqualTo(before);

		// Office days are offered to expressions under their documented name
		HttpResponse<String> officeDays = deploy("system-check", "system-check.bpmn",
				model.replace("camunda:candidateGroups=\"operators\"",
						"camunda:candidateGroups=\"operators\" camunda:dueDate=\"${officeDays.after(now(), 3)}\""));
		assertThat(officeDays.statusCode()).isEqualTo(200);
		Task task = taskOf(this.runtimeService.startProcessInstanceByKey("SystemCheck", Map.of("reason", "期限")));
		assertThat(task.getDueDate()).isAfter(new java.util.Date());
	}

	private String proposedDepartmentOfANewInquiry() throws IOException {
		HttpResponse<String> created = this.http.postJson("/api/inquiries", """
				{"applicantName": "望月 蓮", "organization": "静岡市 国際交流課", "municipalityCode": "221007",
				 "email": "owner-test@example.jp", "language": "ja", "field": "INTERPRETATION_TRANSLATION",
				 "subject": "通訳の依頼", "body": "ポルトガル語の通訳をお願いします。"}""", null, null);
		assertThat(created.statusCode()).isEqualTo(201);
		String number = this.json.readTree(created.body()).path("trackingNumber").asText();
		ProcessInstance instance = this.runtimeService.createProcessInstanceQuery()
			.processDefinitionKey("InquiryLifecycle")
			.processInstanceBusinessKey(number)
			.singleResult();
		return (String) this.runtimeService.getVariable(instance.getId(), "proposedDepartment");
	}

	private DecisionDefinition latestRouting() {
		return this.repositoryService.createDecisionDefinitionQuery()
			.decisionDefinitionKey("InquiryRouting")
			.latestVersion()
			.singleResult();
	}

	private Task taskOf(ProcessInstance instance) {
		return this.taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
	}

	private boolean ended(ProcessInstance instance) {
		return this.historyService.createHistoricProcessInstanceQuery()
			.processInstanceId(instance.getId())
			.finished()
			.count() == 1;
	}

	private HttpResponse<String> submit(String taskId, String variables) {
		return this.http.postJson("/engine-rest/task/" + taskId + "/submit-form", "{\"variables\": " + variables + "}",
				"operator", "demo");
	}

	/**
	 * Deploys one file as Camunda Modeler does, as the process owner {@code owner}; the
	 * deployment is removed after the test.
	 */
	private HttpResponse<String> deploy(String deploymentName, String fileName, String content) throws IOException {
		String boundary = "----casework" + UUID.randomUUID();
		StringBuilder body = new StringBuilder();
		Map<String, String> fields = Map.of("deployment-name", deploymentName, "deployment-source", MODELER,
				"deploy-changed-only", "true");
		fields.forEach((name, value) -> body.append("--")
			.append(boundary)
			.append("\r\nContent-Disposition: form-data; name=\"")
			.append(name)
			.append("\"\r\n\r\n")
			.append(value)
			.append("\r\n"));
		body.append("--")
			.append(boundary)
			.append("\r\nContent-Disposition: form-data; name=\"data\"; filename=\"")
			.append(fileName)
			.append("\"\r\nContent-Type: application/octet-stream\r\n\r\n")
			.append(content)
			.append("\r\n--")
			.append(boundary)
			.append("--\r\n");
		HttpRequest request = HttpRequest
			.newBuilder(URI.create("http://localhost:" + this.port + "/engine-rest/deployment/create"))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.header("Accept", "application/json")
			.header("Authorization",
					"Basic " + Base64.getEncoder().encodeToString("owner:demo".getBytes(StandardCharsets.UTF_8)))
			.POST(HttpRequest.BodyPublishers.ofByteArray(bytes(body.toString())))
			.build();
		try {
			HttpResponse<String> response = HttpClient.newHttpClient()
				.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			if (response.statusCode() == 200) {
				String id = this.json.readTree(response.body()).path("id").asText();
				if (!this.deployments.contains(id) && isOwners(id)) {
					this.deployments.add(id);
				}
			}
			return response;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private boolean isOwners(String deploymentId) {
		Deployment deployment = this.repositoryService.createDeploymentQuery()
			.deploymentId(deploymentId)
			.singleResult();
		return deployment != null && MODELER.equals(deployment.getSource());
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
