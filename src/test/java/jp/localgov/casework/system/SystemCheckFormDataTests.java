package jp.localgov.casework.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jp.localgov.casework.support.CaseworkSpringBootTest;
import jp.localgov.casework.support.HttpClientSupport;
import jp.localgov.casework.system.process.SystemCheckProcess;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The case data of a form comes from the domain when the form is opened: the system
 * check's confirmation form shows how far the holiday calendar reaches, on the REST path
 * and on the path Tasklist uses, and none of it is stored in the engine.
 */
@CaseworkSpringBootTest
class SystemCheckFormDataTests {

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
	void theFormVariablesCarryTheCaseDataOverRestAndTasklistsApi() throws Exception {
		ProcessInstance check = this.runtimeService.startProcessInstanceByKey(SystemCheckProcess.PROCESS_KEY,
				Map.of(SystemCheckProcess.REASON, "フォームのデータ"));
		String task = this.taskService.createTaskQuery().processInstanceId(check.getId()).singleResult().getId();

		JsonNode rest = formVariables(this.http
			.get("/engine-rest/task/" + task + "/form-variables?deserializeValues=false", "operator", "demo"));
		assertThat(this.http.webappLogin("tasklist", "operator", "demo").statusCode()).isEqualTo(200);
		JsonNode tasklist = formVariables(this.http.get(
				"/camunda/api/engine/engine/default/task/" + task + "/form-variables?deserializeValues=false", null,
				null));

		for (JsonNode variables : new JsonNode[] { rest, tasklist }) {
			assertThat(variables.path(SystemCheckProcess.HOLIDAY_CALENDAR).path("value").asText()).startsWith("国民の祝日は");
			assertThat(variables.path(SystemCheckProcess.FORM_OPENED_AT).path("value").asText()).endsWith("（日本時間）");
			assertThat(variables.path(SystemCheckProcess.REASON).path("value").asText()).isEqualTo("フォームのデータ");
		}
		JsonNode onlyOne = formVariables(this.http
			.get("/engine-rest/task/" + task + "/form-variables?variableNames=holidayCalendar", "operator", "demo"));
		assertThat(onlyOne.fieldNames()).toIterable().containsExactly(SystemCheckProcess.HOLIDAY_CALENDAR);

		assertThat(this.runtimeService.getVariables(check.getId())).containsOnlyKeys(SystemCheckProcess.REASON);
		assertThat(this.historyService.createHistoricDetailQuery()
			.processInstanceId(check.getId())
			.list()
			.stream()
			.map((detail) -> ((org.camunda.bpm.engine.history.HistoricVariableUpdate) detail).getVariableName()))
			.containsOnly(SystemCheckProcess.REASON);
	}

	private JsonNode formVariables(HttpResponse<String> response) throws Exception {
		assertThat(response.statusCode()).isEqualTo(200);
		return this.json.readTree(response.body());
	}

}
