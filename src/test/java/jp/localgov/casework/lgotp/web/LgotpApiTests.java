package jp.localgov.casework.lgotp.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jp.localgov.casework.support.CaseworkSpringBootTest;
import jp.localgov.casework.support.EngineJobs;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The LGOTP API as local governments, the programme team and anonymous callers use it, on
 * programme years FY2041 and later started by the annual cycle, with every bad input and
 * the demo history's totals.
 */
@CaseworkSpringBootTest
@AutoConfigureMockMvc
class LgotpApiTests {

	private static final ZoneId JST = ZoneId.of("Asia/Tokyo");

	private static final String PLAN = """
			{"field": "TOURISM", "preferredCountry": "ベトナム", "preferredLanguage": "英語", "months": 6,
			 "programmeOutline": "観光振興課でインバウンド施策を学ぶ6か月の研修", "contactName": "浜松 太郎",
			 "contactEmail": "kokusai@hamamatsu.example.jp"}""";

	private static final RequestPostProcessor HAMAMATSU = httpBasic("hamamatsu", "demo");

	private static final RequestPostProcessor CHIYODA = httpBasic("chiyoda", "demo");

	private static final RequestPostProcessor KATO = httpBasic("kato", "demo");

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	TaskService taskService;

	@Autowired
	HistoryService historyService;

	@Autowired
	ManagementService managementService;

	@Autowired
	ApplicationContext context;

	private final ObjectMapper json = new ObjectMapper();

	@AfterEach
	void resetClock() {
		EngineJobs.resetClock();
	}

	// ---- the year and the survey

	@Test
	void aYearShowsWhetherItsSurveyIsOpenToEveryone() throws Exception {
		openYear(2041);
		this.mvc.perform(get("/api/lgotp/years/2041"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.fiscalYear").value(2041))
			.andExpect(jsonPath("$.surveyOpen").value(true))
			.andExpect(jsonPath("$.surveyClosesOn").value("2040-11-30"))
			.andExpect(jsonPath("$.stage").value("SURVEY"));
		this.mvc.perform(get("/api/lgotp/years/2099"))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		this.mvc.perform(get("/api/lgotp/years/abc")).andExpect(status().isBadRequest());
	}

	@Test
	void aLocalGovernmentFilesEditsAndWithdrawsARequestWhileTheSurveyIsOpen() throws Exception {
		openYear(2041);
		long id = file(2041, HAMAMATSU, PLAN).andExpect(status().isCreated())
			.andExpect(
					header().string("Location", org.hamcrest.Matchers.matchesPattern("/api/lgotp/host-requests/\\d+")))
			.andExpect(jsonPath("$.status").value("SUBMITTED"))
			.andExpect(jsonPath("$.municipalityCode").value("221309"))
			.andExpect(jsonPath("$.trainee").value(nullValue()))
			.andReturn()
			.getResponse()
			.getContentAsString()
			.transform(this::read)
			.get("id")
			.asLong();

		this.mvc
			.perform(put("/api/lgotp/host-requests/{id}", id).with(HAMAMATSU)
				.contentType(MediaType.APPLICATION_JSON)
				.content(PLAN.replace("\"months\": 6", "\"months\": 12").replace("TOURISM", "ENVIRONMENT")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.months").value(12))
			.andExpect(jsonPath("$.field").value("ENVIRONMENT"))
			.andExpect(jsonPath("$.fieldLabel").value("環境"));
		this.mvc.perform(get("/api/lgotp/host-requests/{id}", id).with(HAMAMATSU))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.months").value(12))
			.andExpect(jsonPath("$.preferredCountry").value("ベトナム"))
			.andExpect(jsonPath("$.contactEmail").value("kokusai@hamamatsu.example.jp"));

		// Each local government sees its own requests; staff see all of them
		this.mvc.perform(get("/api/lgotp/years/2041/host-requests").with(HAMAMATSU))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].id", hasItem((int) id)))
			.andExpect(jsonPath("$[*].municipalityCode", everyItem(is("221309"))));
		this.mvc.perform(get("/api/lgotp/years/2041/host-requests").with(CHIYODA))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].id", not(hasItem((int) id))));
		this.mvc.perform(get("/api/lgotp/years/2041/host-requests").with(KATO))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].id", hasItem((int) id)));
		this.mvc.perform(get("/api/lgotp/years/2099/host-requests").with(HAMAMATSU)).andExpect(status().isNotFound());

		this.mvc.perform(delete("/api/lgotp/host-requests/{id}", id).with(HAMAMATSU)).andExpect(status().isNoContent());
		this.mvc.perform(get("/api/lgotp/host-requests/{id}", id).with(HAMAMATSU))
			.andExpect(jsonPath("$.status").value("WITHDRAWN"));
		this.mvc
			.perform(put("/api/lgotp/host-requests/{id}", id).with(HAMAMATSU)
				.contentType(MediaType.APPLICATION_JSON)
				.content(PLAN))
			.andExpect(status().isConflict());
		this.mvc.perform(delete("/api/lgotp/host-requests/{id}", id).with(HAMAMATSU)).andExpect(status().isConflict());
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|',
			textBlock = """
					five months      | "months": 6                                 | "months": 5                      | months
					thirteen months  | "months": 6                                 | "months": 13                     | months
					months as text   | "months": 6                                 | "months": "six"                  | months
					unknown field    | "field": "TOURISM"                          | "field": "ASTROLOGY"             | field
					missing field    | "field": "TOURISM",                         | ''                               | field
					unknown property | "field": "TOURISM",                         | "field": "TOURISM", "x": 1,      | x
					bad email        | "contactEmail": "kokusai@hamamatsu.example.jp" | "contactEmail": "not-an-address" | contactEmail
					blank outline    | "programmeOutline": "観光振興課でインバウンド施策を学ぶ6か月の研修" | "programmeOutline": " " | programmeOutline
					blank contact    | "contactName": "浜松 太郎"                     | "contactName": ""                | contactName
					""")
	void badInputIsRefusedNamingTheFieldAndNothingIsStored(String what, String valid, String bad, String field)
			throws Exception {
		openYear(2041);
		long id = read(file(2041, HAMAMATSU, PLAN).andReturn().getResponse().getContentAsString()).get("id").asLong();
		long before = count();
		file(2041, HAMAMATSU, PLAN.replace(valid, bad)).andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[*].field", hasItem(field)));
		this.mvc
			.perform(put("/api/lgotp/host-requests/{id}", id).with(HAMAMATSU)
				.contentType(MediaType.APPLICATION_JSON)
				.content(PLAN.replace(valid, bad)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", hasItem(field)));
		assertThat(count()).isEqualTo(before);
		this.mvc.perform(get("/api/lgotp/host-requests/{id}", id).with(HAMAMATSU))
			.andExpect(jsonPath("$.months").value(6))
			.andExpect(jsonPath("$.field").value("TOURISM"));
	}

	@Test
	void anotherMunicipalitysRequestLooksUnknown() throws Exception {
		openYear(2041);
		long id = read(file(2041, HAMAMATSU, PLAN).andReturn().getResponse().getContentAsString()).get("id").asLong();
		String unknown = this.mvc.perform(get("/api/lgotp/host-requests/999999999").with(CHIYODA))
			.andExpect(status().isNotFound())
			.andReturn()
			.getResponse()
			.getContentAsString();
		String other = this.mvc.perform(get("/api/lgotp/host-requests/{id}", id).with(CHIYODA))
			.andExpect(status().isNotFound())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(other.replace(String.valueOf(id), "N")).isEqualTo(unknown.replace("999999999", "N"));
		this.mvc
			.perform(put("/api/lgotp/host-requests/{id}", id).with(CHIYODA)
				.contentType(MediaType.APPLICATION_JSON)
				.content(PLAN))
			.andExpect(status().isNotFound());
		this.mvc.perform(delete("/api/lgotp/host-requests/{id}", id).with(CHIYODA)).andExpect(status().isNotFound());
		report(id, CHIYODA, "2041-07").andExpect(status().isNotFound());
		this.mvc.perform(get("/api/lgotp/host-requests/{id}", id).with(HAMAMATSU))
			.andExpect(jsonPath("$.status").value("SUBMITTED"));
	}

	@Test
	void onlyLocalGovernmentsFileRequestsAndOnlyStaffSelect() throws Exception {
		openYear(2041);
		long before = count();
		file(2041, null, PLAN).andExpect(status().isUnauthorized())
			.andExpect(header().string("WWW-Authenticate", containsString("Basic")));
		file(2041, httpBasic("nobody", "demo"), PLAN).andExpect(status().isUnauthorized());
		file(2041, KATO, PLAN).andExpect(status().isForbidden());
		file(2041, httpBasic("desk", "demo"), PLAN).andExpect(status().isForbidden());
		// Refused before the body is looked at
		file(2041, null, PLAN.replace("\"months\": 6", "\"months\": 5")).andExpect(status().isUnauthorized());
		assertThat(count()).isEqualTo(before);

		this.mvc.perform(get("/api/lgotp/years/2041/host-requests")).andExpect(status().isUnauthorized());
		this.mvc.perform(get("/api/lgotp/host-requests/1")).andExpect(status().isUnauthorized());
		this.mvc.perform(delete("/api/lgotp/host-requests/1")).andExpect(status().isUnauthorized());

		String candidate = candidate("Tran Van A", "ベトナム");
		staff(post("/api/lgotp/years/2041/candidates"), null, candidate).andExpect(status().isUnauthorized());
		staff(post("/api/lgotp/years/2041/candidates"), HAMAMATSU, candidate).andExpect(status().isForbidden());
		staff(post("/api/lgotp/candidates/1/decision"), HAMAMATSU, "{\"hostRequestId\": null}")
			.andExpect(status().isForbidden());
		staff(post("/api/lgotp/trainees/1/withdrawal"), CHIYODA, "{\"reason\": \"x\"}")
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/api/lgotp/years/2041/trainees").with(HAMAMATSU)).andExpect(status().isForbidden());
		this.mvc.perform(get("/api/lgotp/cohorts").with(HAMAMATSU)).andExpect(status().isForbidden());
		this.mvc.perform(get("/api/lgotp/cohorts")).andExpect(status().isUnauthorized());

		// During the survey, candidates cannot be registered yet
		staff(post("/api/lgotp/years/2041/candidates"), KATO, candidate).andExpect(status().isConflict());
	}

	@Test
	void afterTheSurveyClosesNothingCanBeFiledChangedOrWithdrawn() throws Exception {
		ProcessInstance cycle = openYear(2042);
		long id = read(file(2042, HAMAMATSU, PLAN).andReturn().getResponse().getContentAsString()).get("id").asLong();

		// The programme team closes the survey early
		complete(cycle, "UserTask_Survey", Map.of("closeEarly", true));
		this.mvc.perform(get("/api/lgotp/years/2042"))
			.andExpect(jsonPath("$.surveyOpen").value(false))
			.andExpect(jsonPath("$.stage").value("DEMAND_REVIEW"));

		long before = count();
		file(2042, CHIYODA, PLAN).andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail", containsString("2042年度の受入要望調査は受付期間外です（締切：2041-11-30）")))
			.andExpect(jsonPath("$.detail", containsString("The demand survey is not open")));
		this.mvc
			.perform(put("/api/lgotp/host-requests/{id}", id).with(HAMAMATSU)
				.contentType(MediaType.APPLICATION_JSON)
				.content(PLAN.replace("\"months\": 6", "\"months\": 9")))
			.andExpect(status().isConflict());
		this.mvc.perform(delete("/api/lgotp/host-requests/{id}", id).with(HAMAMATSU)).andExpect(status().isConflict());
		assertThat(count()).isEqualTo(before);
		this.mvc.perform(get("/api/lgotp/host-requests/{id}", id).with(HAMAMATSU))
			.andExpect(jsonPath("$.status").value("SUBMITTED"))
			.andExpect(jsonPath("$.months").value(6));

		// A year that does not exist is never open
		file(2098, HAMAMATSU, PLAN).andExpect(status().isConflict());
	}

	// ---- selection, the trainee's journey and the host

	@Test
	void staffSelectTraineesAndTheHostSeesItsTrainee() throws Exception {
		ProcessInstance cycle = openYear(2043);
		long hamamatsu = read(file(2043, HAMAMATSU, PLAN).andReturn().getResponse().getContentAsString()).get("id")
			.asLong();
		long chiyoda = read(file(2043, CHIYODA, PLAN.replace("TOURISM", "EDUCATION")).andReturn()
			.getResponse()
			.getContentAsString()).get("id").asLong();
		complete(cycle, "UserTask_Survey", Map.of("closeEarly", true));
		complete(cycle, "UserTask_ReviewDemand", Map.of("demandReviewed", true));

		// Staff register three candidates
		long before = traineeCount();
		staff(post("/api/lgotp/years/2043/candidates"), KATO, candidate(" ", "ベトナム")).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", hasItem("name")));
		staff(post("/api/lgotp/years/2043/candidates"), KATO,
				candidate("Tran Van A", "ベトナム").replace("\"hostFound\"", "\"hostFund\""))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", hasItem("hostFund")));
		assertThat(traineeCount()).isEqualTo(before);
		long tran = register(2043, "Tran Van A", "ベトナム");
		long maria = register(2043, "Maria Santos", "フィリピン");
		long lee = register(2043, "Lee Min-jun", "韓国");
		this.mvc.perform(get("/api/lgotp/trainees/{id}", tran).with(KATO))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.stage").value("CANDIDATE"))
			.andExpect(jsonPath("$.journeyKey", org.hamcrest.Matchers.startsWith("LGOTP-FY2043-T")));

		// The host does not see candidates, only its trainee once matched
		this.mvc.perform(get("/api/lgotp/host-requests/{id}", hamamatsu).with(HAMAMATSU))
			.andExpect(jsonPath("$.trainee").value(nullValue()));
		decide(tran, "{\"hostRequestId\": " + hamamatsu + "}").andExpect(status().isOk())
			.andExpect(jsonPath("$.stage").value("SELECTED"))
			.andExpect(jsonPath("$.hostMunicipality").value("221309"))
			.andExpect(jsonPath("$.trainingMonths").value(6));
		decide(maria, "{\"hostRequestId\": null}").andExpect(status().isOk())
			.andExpect(jsonPath("$.stage").value("NOT_SELECTED"));
		decide(tran, "{\"hostRequestId\": null}").andExpect(status().isConflict());
		decide(lee, "{\"hostRequestId\": " + hamamatsu + "}").andExpect(status().isConflict());
		decide(lee, "{}").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("hostRequestId"));
		decide(lee, "{\"hostRequestId\": \"twelve\"}").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("hostRequestId"));
		decide(lee, "{\"hostRequestId\": 999999999}").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("hostRequestId"));
		decide(999_999_999L, "{\"hostRequestId\": null}").andExpect(status().isNotFound());
		this.mvc.perform(get("/api/lgotp/host-requests/{id}", hamamatsu).with(HAMAMATSU))
			.andExpect(jsonPath("$.status").value("MATCHED"))
			.andExpect(jsonPath("$.trainee.name").value("Tran Van A"))
			.andExpect(jsonPath("$.trainee.country").value("ベトナム"))
			.andExpect(jsonPath("$.trainee.stage").value("SELECTED"));

		// Selection complete: the journeys start, undecided candidates and unmatched
		// requests close
		complete(cycle, "UserTask_SelectTrainees", Map.of("selectionComplete", true));
		assertThat(this.runtimeService.createProcessInstanceQuery()
			.processDefinitionKey("LgotpTraineeJourney")
			.processInstanceBusinessKeyLike("LGOTP-FY2043-T%")
			.count()).isEqualTo(1);
		this.mvc.perform(get("/api/lgotp/host-requests/{id}", hamamatsu).with(HAMAMATSU))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.trainee.name").value("Tran Van A"))
			.andExpect(jsonPath("$.trainee.stage").value("PRE_ARRIVAL"))
			.andExpect(jsonPath("$.trainee.stageLabel").value("来日に向けた諸手続き"));
		this.mvc.perform(get("/api/lgotp/host-requests/{id}", chiyoda).with(CHIYODA))
			.andExpect(jsonPath("$.status").value("UNMATCHED"))
			.andExpect(jsonPath("$.trainee").value(nullValue()));
		this.mvc.perform(get("/api/lgotp/years/2043/host-requests").with(HAMAMATSU))
			.andExpect(jsonPath("$[0].trainee.name").value("Tran Van A"));
		this.mvc.perform(get("/api/lgotp/years/2043/trainees").with(KATO))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$", hasSize(3)))
			.andExpect(jsonPath("$[?(@.name == 'Lee Min-jun')].stage").value(hasItem("NOT_SELECTED")));

		// Monthly reports wait for the posting; a bad month is refused first
		report(hamamatsu, HAMAMATSU, "2043-07").andExpect(status().isConflict());
		report(hamamatsu, HAMAMATSU, "2043-13").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("month"));
		report(hamamatsu, HAMAMATSU, "July").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("month"));
		report(hamamatsu, KATO, "2043-07").andExpect(status().isForbidden());

		// The cohort of the year
		this.mvc.perform(get("/api/lgotp/cohorts").param("fiscalYear", "2043").with(KATO))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.fiscalYear").value(2043))
			.andExpect(jsonPath("$.trainees").value(3))
			.andExpect(jsonPath("$.byStage.PRE_ARRIVAL").value(1))
			.andExpect(jsonPath("$.byStage.NOT_SELECTED").value(2))
			.andExpect(jsonPath("$.byCountry['ベトナム']").value(1))
			.andExpect(jsonPath("$.byCountry['フィリピン']").value(1))
			.andExpect(jsonPath("$.byCountry['韓国']").value(1))
			.andExpect(jsonPath("$.byHost['221309']").value(1))
			.andExpect(jsonPath("$.byHost['131016']").doesNotExist())
			.andExpect(jsonPath("$.allYears.lastYear", greaterThanOrEqualTo(2043)));
		this.mvc.perform(get("/api/lgotp/cohorts").param("fiscalYear", "1800").with(KATO))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("fiscalYear"));
	}

	@Test
	void aWithdrawalThroughTheApiEndsTheJourneyAndTheHostSeesIt() throws Exception {
		ProcessInstance cycle = openYear(2044);
		long request = read(file(2044, HAMAMATSU, PLAN).andReturn().getResponse().getContentAsString()).get("id")
			.asLong();
		complete(cycle, "UserTask_Survey", Map.of("closeEarly", true));
		complete(cycle, "UserTask_ReviewDemand", Map.of("demandReviewed", true));
		long ana = register(2044, "Ana Souza", "ブラジル");
		decide(ana, "{\"hostRequestId\": " + request + "}").andExpect(status().isOk());
		complete(cycle, "UserTask_SelectTrainees", Map.of("selectionComplete", true));
		String journeyKey = read(this.mvc.perform(get("/api/lgotp/trainees/{id}", ana).with(KATO))
			.andReturn()
			.getResponse()
			.getContentAsString()).get("journeyKey").asText();
		assertThat(journeys(journeyKey)).isEqualTo(1);

		staff(post("/api/lgotp/trainees/{id}/withdrawal", ana), KATO, "{\"reason\": \" \"}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("reason"));
		staff(post("/api/lgotp/trainees/{id}/withdrawal", ana), KATO, "{\"reason\": \"" + "あ".repeat(2001) + "\"}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("reason"));
		staff(post("/api/lgotp/trainees/{id}/withdrawal", ana), httpBasic("ito", "demo"), "{\"reason\": \"家族の事情\"}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.stage").value("WITHDRAWN"))
			.andExpect(jsonPath("$.withdrawalReason").value("家族の事情"));

		assertThat(journeys(journeyKey)).isZero();
		assertThat(this.historyService.createHistoricActivityInstanceQuery()
			.processInstanceId(this.historyService.createHistoricProcessInstanceQuery()
				.processDefinitionKey("LgotpTraineeJourney")
				.processInstanceBusinessKey(journeyKey)
				.singleResult()
				.getId())
			.activityId("EndEvent_Withdrawn")
			.count()).isEqualTo(1);
		this.mvc.perform(get("/api/lgotp/host-requests/{id}", request).with(HAMAMATSU))
			.andExpect(jsonPath("$.trainee.stage").value("WITHDRAWN"))
			.andExpect(jsonPath("$.trainee.stageLabel").value("辞退・途中帰国"));
		staff(post("/api/lgotp/trainees/{id}/withdrawal", ana), KATO, "{\"reason\": \"again\"}")
			.andExpect(status().isConflict());
		report(request, HAMAMATSU, "2044-07").andExpect(status().isConflict());

		// The only journey ended, so the year is complete
		this.mvc.perform(get("/api/lgotp/years/2044")).andExpect(jsonPath("$.stage").value("COMPLETED"));
		this.mvc.perform(get("/api/lgotp/cohorts").param("fiscalYear", "2044").with(KATO))
			.andExpect(jsonPath("$.trainees").value(1))
			.andExpect(jsonPath("$.byStage.WITHDRAWN").value(1))
			.andExpect(jsonPath("$.byCountry['ブラジル']").value(1));
	}

	// ---- the demo history

	@Test
	void theDemoHistoryGivesTheTotalsSinceFy1996() throws Exception {
		JsonNode cohort = read(this.mvc.perform(get("/api/lgotp/cohorts").param("fiscalYear", "2010").with(KATO))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
		assertThat(cohort.get("trainees").asLong()).isBetween(30L, 45L);
		assertThat(cohort.get("byStage").get("ALUMNI").asLong()).isGreaterThan(25L);
		JsonNode totals = cohort.get("allYears");
		assertThat(totals.get("trainees").asLong()).isGreaterThanOrEqualTo(1000);
		assertThat(totals.get("countries").asLong()).isGreaterThanOrEqualTo(40);
		assertThat(totals.get("hosts").asLong()).isGreaterThanOrEqualTo(120);
		assertThat(totals.get("firstYear").asInt()).isEqualTo(1996);

		assertThat(this.jdbc.queryForObject(
				"select count(*) from lgotp_year where fiscal_year between 1996 and 2025 and stage = 'COMPLETED'",
				Long.class))
			.isEqualTo(30);
		assertThat(this.jdbc.queryForObject("select count(*) from lgotp_trainee where fiscal_year < 2026 and not demo",
				Long.class))
			.isZero();
		assertThat(this.jdbc.queryForObject(
				"select count(*) from lgotp_trainee where fiscal_year < 2026 and stage not in ('ALUMNI', 'WITHDRAWN')",
				Long.class))
			.isZero();
		assertThat(this.jdbc.queryForObject(
				"select count(*) from lgotp_trainee where fiscal_year < 2026 and stage = 'WITHDRAWN'", Long.class))
			.isBetween(1L, 60L);
		this.mvc.perform(get("/api/lgotp/years/1996"))
			.andExpect(jsonPath("$.stage").value("COMPLETED"))
			.andExpect(jsonPath("$.surveyOpen").value(false));

		// Inserted once only
		long trainees = traineeCount();
		this.context.getBean("lgotpDemoHistory", InitializingBean.class).afterPropertiesSet();
		assertThat(traineeCount()).isEqualTo(trainees);
	}

	// ---- helpers

	/**
	 * The cycle of a year, started on 1 September of the year before if not yet running.
	 */
	private ProcessInstance openYear(int fiscalYear) {
		ProcessInstance running = this.runtimeService.createProcessInstanceQuery()
			.processDefinitionKey("LgotpAnnualCycle")
			.processInstanceBusinessKey("LGOTP-FY" + fiscalYear)
			.singleResult();
		if (running != null) {
			return running;
		}
		new EngineJobs(this.managementService)
			.clockAt(LocalDate.of(fiscalYear - 1, 9, 1).atTime(LocalTime.of(10, 0)).atZone(JST).toInstant());
		return this.runtimeService.startProcessInstanceByKey("LgotpAnnualCycle", Map.of("fiscalYear", fiscalYear));
	}

	private long journeys(String journeyKey) {
		return this.runtimeService.createProcessInstanceQuery()
			.processDefinitionKey("LgotpTraineeJourney")
			.processInstanceBusinessKey(journeyKey)
			.count();
	}

	private void complete(ProcessInstance cycle, String taskKey, Map<String, Object> variables) {
		String taskId = this.taskService.createTaskQuery()
			.processInstanceId(cycle.getId())
			.taskDefinitionKey(taskKey)
			.singleResult()
			.getId();
		this.taskService.complete(taskId, variables);
	}

	private ResultActions file(int fiscalYear, RequestPostProcessor account, String body) throws Exception {
		MockHttpServletRequestBuilder request = post("/api/lgotp/years/{year}/host-requests", fiscalYear)
			.contentType(MediaType.APPLICATION_JSON)
			.content(body);
		return this.mvc.perform((account != null) ? request.with(account) : request);
	}

	private ResultActions report(long requestId, RequestPostProcessor account, String month) throws Exception {
		return this.mvc.perform(post("/api/lgotp/host-requests/{id}/reports", requestId).with(account)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"month\": \"" + month + "\", \"text\": \"研修は順調です。\"}"));
	}

	private ResultActions staff(MockHttpServletRequestBuilder request, RequestPostProcessor account, String body)
			throws Exception {
		request.contentType(MediaType.APPLICATION_JSON).content(body);
		return this.mvc.perform((account != null) ? request.with(account) : request);
	}

	private long register(int fiscalYear, String name, String country) throws Exception {
		return read(staff(post("/api/lgotp/years/{year}/candidates", fiscalYear), KATO, candidate(name, country))
			.andExpect(status().isCreated())
			.andExpect(header().string("Location", org.hamcrest.Matchers.startsWith("/api/lgotp/trainees/")))
			.andExpect(jsonPath("$.stage").value("CANDIDATE"))
			.andReturn()
			.getResponse()
			.getContentAsString()).get("id").asLong();
	}

	private ResultActions decide(long candidateId, String body) throws Exception {
		return staff(post("/api/lgotp/candidates/{id}/decision", candidateId), KATO, body);
	}

	private static String candidate(String name, String country) {
		return """
				{"name": "%s", "country": "%s", "homeGovernment": "%sの地方政府", "position": "行政職員",
				 "languages": "英語", "hostFound": false}""".formatted(name, country, country);
	}

	private long count() {
		return this.jdbc.queryForObject("select count(*) from lgotp_host_request", Long.class);
	}

	private long traineeCount() {
		return this.jdbc.queryForObject("select count(*) from lgotp_trainee", Long.class);
	}

	private JsonNode read(String body) {
		try {
			return this.json.readTree(body);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
