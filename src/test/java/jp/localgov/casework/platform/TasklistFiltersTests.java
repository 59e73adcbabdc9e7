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
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
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

	@Autowired
	IdentityService identityService;

	@Autowired
	FilterService filterService;

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

	@Test
	void everyStaffMemberHasThePersonalAndSharedFiltersWithoutExpressions() throws Exception {
		HttpClientSupport http = new HttpClientSupport(this.port);
		for (String name : new String[] { TasklistFilters.MY_TASKS, TasklistFilters.GROUP_TASKS,
				TasklistFilters.OVERDUE_TASKS, "受付待ち", TasklistFilters.ALL_MY_TASKS }) {
			assertThat(filterIdSeenBy(http, "desk", name)).as(name).isNotBlank();
		}
		JsonNode mine = new ObjectMapper()
			.readTree(
					http.get(
							"/engine-rest/filter?maxResults=10&resourceType=Task&name="
									+ URLEncoder.encode(TasklistFilters.MY_TASKS, StandardCharsets.UTF_8),
							"desk", "demo")
						.body());
		assertThat(mine.get(0).get("owner").asText()).isEqualTo("desk");
		assertThat(mine.get(0).get("query").get("assignee").asText()).isEqualTo("desk");
		assertThat(mine.toString()).doesNotContain("${");
	}

	@Test
	void personalFilterSplitsAssignedFromUnassignedGroupTasks() throws Exception {
		HttpClientSupport http = new HttpClientSupport(this.port);
		String mine = filterIdSeenBy(http, "operator", TasklistFilters.MY_TASKS);
		String group = filterIdSeenBy(http, "operator", TasklistFilters.GROUP_TASKS);
		long mineBefore = count(http, mine, "operator");
		long groupBefore = count(http, group, "operator");

		ProcessInstance check = this.runtimeService.startProcessInstanceByKey("SystemCheck",
				Map.of("reason", "フィルター確認"));
		String taskId = this.taskService.createTaskQuery().processInstanceId(check.getId()).singleResult().getId();
		assertThat(count(http, group, "operator")).isEqualTo(groupBefore + 1);
		assertThat(count(http, mine, "operator")).isEqualTo(mineBefore);

		this.taskService.claim(taskId, "operator");
		assertThat(count(http, group, "operator")).isEqualTo(groupBefore);
		assertThat(count(http, mine, "operator")).isEqualTo(mineBefore + 1);
		this.taskService.complete(taskId, Map.of("confirmed", true));
	}

	@Test
	void aNewcomerGetsTheirPersonalFilterAtTheFirstTasklistLogin() throws Exception {
		var user = this.identityService.newUser("newhire");
		user.setPassword("newhire-pass");
		this.identityService.saveUser(user);
		this.identityService.createMembership("newhire", StaffGroup.INFORMATION.id());
		try {
			assertThat(this.filterService.createFilterQuery().filterOwner("newhire").count()).isZero();
			assertThat(new HttpClientSupport(this.port).webappLogin("tasklist", "newhire", "newhire-pass").statusCode())
				.isEqualTo(200);
			assertThat(this.filterService.createFilterQuery()
				.filterOwner("newhire")
				.filterName(TasklistFilters.MY_TASKS)
				.count()).isEqualTo(1);
		}
		finally {
			this.filterService.createFilterQuery()
				.filterOwner("newhire")
				.list()
				.forEach((filter) -> this.filterService.deleteFilter(filter.getId()));
			this.identityService.deleteUser("newhire");
		}
	}

	private static String filterIdSeenBy(HttpClientSupport http, String user) throws Exception {
		return filterIdSeenBy(http, user, TasklistFilters.ALL_MY_TASKS);
	}

	private static String filterIdSeenBy(HttpClientSupport http, String user, String filterName) throws Exception {
		String name = URLEncoder.encode(filterName, StandardCharsets.UTF_8);
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
