package jp.localgov.casework.benchmark;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jp.localgov.casework.platform.StaffGroup;

/**
 * The application seen from outside, over HTTP only: applicants submit through
 * {@code POST /api/inquiries}, staff work their tasks through {@code /engine-rest} with
 * HTTP Basic as Tasklist's people would (claim, then submit the form), and Tasklist's
 * filter requests are sent with the body Tasklist sends.
 */
final class CaseworkClient {

	static final String PASSWORD = "Bench-Passw0rd-2026!";

	static final String DESK = "benchdesk";

	static final String LEAD = "benchlead";

	static final String STAFF = "benchstaff";

	static final String OTHER = "benchother";

	static final String ADMIN = "admin";

	/** The body Tasklist 7.24 posts to {@code /filter/{id}/list} for the first page. */
	static final String TASKLIST_QUERY = """
			{"processVariables":[],"taskVariables":[],"caseInstanceVariables":[],"id":null,"firstResult":0,\
			"maxResults":15,"sorting":[{"sortBy":"created","sortOrder":"desc"}],"active":true}""";

	private final ObjectMapper json = new ObjectMapper();

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final String base;

	CaseworkClient(int port) {
		this.base = "http://localhost:" + port;
	}

	/** The people the inquiry model names, and one of another department. */
	void createStaff() throws Exception {
		person(DESK, StaffGroup.SECRETARIAT.id());
		person(LEAD, StaffGroup.EXCHANGE_COOPERATION.id(), StaffGroup.EXCHANGE_COOPERATION.leadGroupId());
		person(STAFF, StaffGroup.EXCHANGE_COOPERATION.id());
		person(OTHER, StaffGroup.JET.id());
	}

	private void person(String id, String... groups) throws Exception {
		Map<String, Object> profile = new LinkedHashMap<>();
		profile.put("id", id);
		profile.put("firstName", id);
		profile.put("lastName", "ベンチマーク");
		profile.put("email", id + "@bench.example.jp");
		String body = this.json
			.writeValueAsString(Map.of("profile", profile, "credentials", Map.of("password", PASSWORD)));
		expect(send("POST", "/engine-rest/user/create", body, ADMIN, ApplicationNode.ADMIN_PASSWORD), 204, 200);
		for (String group : groups) {
			expect(send("PUT", "/engine-rest/group/" + group + "/members/" + id, null, ADMIN,
					ApplicationNode.ADMIN_PASSWORD), 204);
		}
	}

	/** An applicant submits an inquiry; returns its tracking number. */
	String submit(String tag) throws Exception {
		String body = """
				{"applicantName":"望月 蓮","organization":"静岡市 国際交流課","municipalityCode":"221007",\
				"email":"%s@shizuoka.example.jp","language":"ja","field":"INTERPRETATION_TRANSLATION",\
				"subject":"姉妹都市訪問の通訳について %s","body":"ポルトガル語の通訳をお願いできますでしょうか。訪問は来月の予定です。"}""".formatted(tag, tag);
		HttpResponse<String> response = send("POST", "/api/inquiries", body, null, null);
		expect(response, 201);
		return this.json.readTree(response.body()).get("trackingNumber").asText();
	}

	/** 受付 → 担当者を指定 → 中間回答 → 最終回答, as the desk, the lead and the staff member. */
	void runCase(String tag) throws Exception {
		String number = submit(tag);
		receive(number);
		assignStaff(number);
		answer(number, "INTERIM", "通訳者を探しております。今週中にご連絡いたします。");
		answer(number, "FINAL", "シルバ様が通訳を担当いたします。");
	}

	void receive(String number) throws Exception {
		work(number, DESK, Map.of("department", Map.of("value", StaffGroup.EXCHANGE_COOPERATION.id())));
	}

	void assignStaff(String number) throws Exception {
		work(number, LEAD,
				Map.of("departmentDecision", Map.of("value", "ASSIGN"), "staffMember", Map.of("value", STAFF)));
	}

	void answer(String number, String kind, String text) throws Exception {
		work(number, STAFF, Map.of("answerKind", Map.of("value", kind), "answerText", Map.of("value", text)));
	}

	/**
	 * Claims the case's current task (unless it is already the person's) and submits its
	 * form.
	 */
	private void work(String number, String user, Map<String, Object> variables) throws Exception {
		JsonNode task = currentTask(number, user);
		String id = task.get("id").asText();
		if (task.get("assignee").isNull()) {
			expect(send("POST", "/engine-rest/task/" + id + "/claim", "{\"userId\":\"" + user + "\"}", user, PASSWORD),
					204);
		}
		expect(send("POST", "/engine-rest/task/" + id + "/submit-form",
				this.json.writeValueAsString(Map.of("variables", variables)), user, PASSWORD), 204, 200);
	}

	JsonNode currentTask(String number, String user) throws Exception {
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		while (true) {
			HttpResponse<String> response = send("GET",
					"/engine-rest/task?maxResults=15&processInstanceBusinessKey=" + number, null, user, PASSWORD);
			expect(response, 200);
			JsonNode tasks = this.json.readTree(response.body());
			if (tasks.size() > 0) {
				return tasks.get(0);
			}
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException(user + " sees no task of " + number);
			}
			Thread.sleep(20);
		}
	}

	/** The Task filters the person may use, as Tasklist lists them. */
	List<JsonNode> filters(String user) throws Exception {
		HttpResponse<String> response = send("GET",
				"/engine-rest/filter?resourceType=Task&itemCount=false&firstResult=0&maxResults=2000", null, user,
				PASSWORD);
		expect(response, 200);
		List<JsonNode> filters = new ArrayList<>();
		this.json.readTree(response.body()).forEach(filters::add);
		return filters;
	}

	/** Tasklist's page request: HAL list of the first 15 tasks, with the total count. */
	HttpResponse<String> filterPage(String filterId, String user) throws Exception {
		HttpRequest request = request("/engine-rest/filter/" + filterId + "/list?firstResult=0&maxResults=15", user,
				PASSWORD)
			.header("Content-Type", "application/json")
			.header("Accept", "application/hal+json, application/json; q=0.5")
			.POST(HttpRequest.BodyPublishers.ofString(TASKLIST_QUERY))
			.build();
		return expect(this.client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)), 200);
	}

	long filterCount(String filterId, String user) throws Exception {
		HttpResponse<String> response = expect(
				send("POST", "/engine-rest/filter/" + filterId + "/count", TASKLIST_QUERY, user, PASSWORD), 200);
		return this.json.readTree(response.body()).get("count").asLong();
	}

	HttpResponse<String> admin(String method, String path, String body) throws Exception {
		return send(method, path, body, ADMIN, ApplicationNode.ADMIN_PASSWORD);
	}

	HttpResponse<String> send(String method, String path, String body, String user, String password)
			throws IOException, InterruptedException {
		HttpRequest.Builder builder = request(path, user, password).header("Accept", "application/json");
		if (body != null) {
			builder.header("Content-Type", "application/json");
		}
		builder.method(method,
				body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
		return this.client.send(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	private HttpRequest.Builder request(String path, String user, String password) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(this.base + path))
			.timeout(Duration.ofMinutes(5));
		if (user != null) {
			builder.header("Authorization", "Basic "
					+ Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
		}
		return builder;
	}

	static HttpResponse<String> expect(HttpResponse<String> response, int... statuses) {
		for (int status : statuses) {
			if (response.statusCode() == status) {
				return response;
			}
		}
		String body = response.body();
		throw new IllegalStateException(response.request().method() + " " + response.request().uri().getPath()
				+ " answered " + response.statusCode() + ": "
				+ (body == null ? "" : body.substring(0, Math.min(300, body.length()))));
	}

	JsonNode read(String body) throws IOException {
		return this.json.readTree(body);
	}

}
