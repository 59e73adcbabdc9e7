package jp.localgov.casework.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jp.localgov.casework.platform.process.TasklistFilters;
import jp.localgov.casework.support.CaseworkSpringBootTest;
import jp.localgov.casework.support.HttpClientSupport;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every staff member finds the shared filter in Tasklist, showing only the tasks they may
 * work on.
 */
@CaseworkSpringBootTest
class TasklistFiltersTests {

	@LocalServerPort
	int port;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	TaskService taskService;

	@Test
	void sharedFilterShowsEachPersonTheirGroupsTasks() throws Exception {
		HttpClientSupport http = new HttpClientSupport(this.port);
		String filterId = filterIdSeenBy(http, "operator");
		assertThat(filterIdSeenBy(http, "desk")).isEqualTo(filterId);
		long operatorBefore = count(http, filterId, "operator");
		long deskBefore = count(http, filterId, "desk");

		// Given a task for the operators
		ProcessInstance check = this.runtimeService.startProcessInstanceByKey("SystemCheck",
				Map.of("reason", "フィルター確認"));

		// Then the operator sees it in the shared filter and the secretariat does not
		assertThat(count(http, filterId, "operator")).isEqualTo(operatorBefore + 1);
		assertThat(count(http, filterId, "desk")).isEqualTo(deskBefore);

		this.taskService.complete(
				this.taskService.createTaskQuery().processInstanceId(check.getId()).singleResult().getId(),
				Map.of("confirmed", true));
	}

	private static String filterIdSeenBy(HttpClientSupport http, String user) throws Exception {
		String name = URLEncoder.encode(TasklistFilters.ALL_MY_TASKS, StandardCharsets.UTF_8);
		JsonNode filters = new ObjectMapper().readTree(
				http.get("/engine-rest/filter?maxResults=10&resourceType=Task&name=" + name, user, "demo").body());
		assertThat(filters).as(user + " sees the shared filter").hasSize(1);
		return filters.get(0).get("id").asText();
	}

	private static long count(HttpClientSupport http, String filterId, String user) throws Exception {
		return new ObjectMapper().readTree(http.get("/engine-rest/filter/" + filterId + "/count", user, "demo").body())
			.get("count")
			.asLong();
	}

}
