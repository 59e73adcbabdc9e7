package jp.localgov.casework.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import jp.localgov.casework.support.CaseworkSpringBootTest;
import jp.localgov.casework.support.HttpClientSupport;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * CVE-2026-109432: a task query or filter carrying an expression anywhere is refused with
 * 400 and nothing is evaluated. The probe expression would create the group {@code pwned}
 * if it ran.
 */
@CaseworkSpringBootTest
class TaskQueryExpressionGuardTests {

	private static final String PROBE = "${identityService.saveGroup(identityService.newGroup('pwned'))}";

	@LocalServerPort
	int port;

	@Autowired
	IdentityService identityService;

	@Autowired
	FilterService filterService;

	@Autowired
	TaskService taskService;

	HttpClientSupport http;

	@BeforeEach
	void setUp() {
		this.http = new HttpClientSupport(this.port);
	}

	@AfterEach
	void nothingWasEvaluated() {
		assertThat(this.identityService.createGroupQuery().groupId("pwned").count()).as("probe evaluated").isZero();
		this.filterService.createFilterQuery()
			.filterName("probe")
			.list()
			.forEach((filter) -> this.filterService.deleteFilter(filter.getId()));
	}

	@ParameterizedTest
	@ValueSource(strings = { "{\"orQueries\": [{\"candidateGroupExpression\": \"%s\"}]}",
			"{\"orQueries\": [{\"assignee\": \"%s\"}]}", "{\"assigneeExpression\": \"%s\"}",
			"{\"nameLike\": \"x\", \"orQueries\": [{\"name\": \"a\"}, {\"dueAfterExpression\": \"%s\"}]}",
			"{\"processVariables\": [{\"name\": \"v\", \"operator\": \"eq\", \"value\": \"%s\"}]}" })
	void adhocQueriesWithExpressionsAreRejected(String template) {
		String body = template.formatted(PROBE);
		for (String path : new String[] { "/engine-rest/task?maxResults=10", "/engine-rest/task/count",
				"/engine-rest/t%61sk/count", "/engine-rest/engine/default/task/count" }) {
			HttpResponse<String> response = this.http.postJson(path, body, "desk", "demo");
			assertThat(response.statusCode()).as(path).isEqualTo(400);
			assertThat(response.body()).contains("式");
		}
	}

	@Test
	void queryParametersWithExpressionsAreRejected() {
		assertThat(this.http
			.get("/engine-rest/task?maxResults=10&assigneeExpression=%24%7BcurrentUser()%7D", "desk", "demo")
			.statusCode()).isEqualTo(400);
		assertThat(this.http.get("/engine-rest/task/count?candidateGroup=%23%7B1%7D", "desk", "demo").statusCode())
			.isEqualTo(400);
	}

	@Test
	void plainQueriesStillWork() {
		HttpResponse<String> response = this.http.postJson("/engine-rest/task/count",
				"{\"orQueries\": [{\"candidateGroup\": \"secretariat\"}, {\"assignee\": \"desk\"}]}", "desk", "demo");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("count");
	}

	@Test
	void storedFiltersWithExpressionsCannotBeCreatedOrUpdated() {
		String filter = """
				{"resourceType": "Task", "name": "probe", "owner": "admin",
				 "query": {"orQueries": [{"candidateGroupsExpression": "%s"}]}}""".formatted(PROBE);
		assertThat(this.http.postJson("/engine-rest/filter/create", filter, "admin", "admin").statusCode())
			.isEqualTo(400);

		Filter plain = this.filterService.newTaskFilter("probe");
		plain.setOwner("admin");
		this.filterService.saveFilter(plain);
		assertThat(this.http.putJson("/engine-rest/filter/" + plain.getId(), filter, "admin", "admin").statusCode())
			.isEqualTo(400);
	}

	@Test
	void filterExecutionWithAnExtendingExpressionIsRejected() {
		Filter plain = this.filterService.newTaskFilter("probe");
		this.filterService.saveFilter(plain);
		String extending = "{\"orQueries\": [{\"assigneeExpression\": \"%s\"}]}".formatted(PROBE);
		assertThat(this.http.postJson("/engine-rest/filter/" + plain.getId() + "/count", extending, "admin", "admin")
			.statusCode()).isEqualTo(400);
	}

	@Test
	void storedFiltersThatAlreadyHoldAnExpressionAreNotRun() {
		// Given a filter saved before the mitigation, straight through the Java API
		TaskQueryImpl query = (TaskQueryImpl) this.taskService.createTaskQuery().taskName("x").or();
		query.taskCandidateGroupExpression(PROBE);
		Filter stored = this.filterService.newTaskFilter("probe").setQuery(query.endOr());
		this.filterService.saveFilter(stored);

		// When someone runs it through the REST API or Tasklist's API, then it is refused
		for (String path : new String[] { "/engine-rest/filter/" + stored.getId() + "/list?maxResults=10",
				"/engine-rest/filter/" + stored.getId() + "/count" }) {
			assertThat(this.http.get(path, "admin", "admin").statusCode()).as(path).isEqualTo(400);
		}
		HttpClientSupport tasklist = new HttpClientSupport(this.port);
		assertThat(tasklist.webappLogin("tasklist", "admin", "admin").statusCode()).isEqualTo(200);
		assertThat(
				tasklist.webappPostJson("/camunda/api/engine/engine/default/filter/" + stored.getId() + "/list", "{}")
					.statusCode())
			.isEqualTo(400);
	}

}
