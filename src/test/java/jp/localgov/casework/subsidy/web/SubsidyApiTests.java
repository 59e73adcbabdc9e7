package jp.localgov.casework.subsidy.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jp.localgov.casework.referencedata.OfficeCalendar;
import jp.localgov.casework.subsidy.SubsidyTasks;
import jp.localgov.casework.subsidy.process.SubsidyProcess;
import jp.localgov.casework.support.CaseworkSpringBootTest;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The subsidy API as local governments, staff and process owners use it: applying with
 * every kind of bad input, reading only one's own applications, the decision notice and
 * the budget summary after a grant, a change request and the performance report.
 */
@CaseworkSpringBootTest
@AutoConfigureMockMvc
class SubsidyApiTests {

	private static final RequestPostProcessor HAMAMATSU = httpBasic("hamamatsu", "demo");

	private static final RequestPostProcessor CHIYODA = httpBasic("chiyoda", "demo");

	private static final RequestPostProcessor TANAKA = httpBasic("tanaka", "demo");

	private static final RequestPostProcessor OWNER = httpBasic("owner", "demo");

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TaskService taskService;

	@Autowired
	IdentityService identityService;

	@Autowired
	Clock clock;

	private final ObjectMapper json = new ObjectMapper();

	private int year;

	private LocalDate today;

	@BeforeEach
	void setUp() {
		this.today = LocalDate.now(this.clock.withZone(OfficeCalendar.JAPAN));
		this.year = OfficeCalendar.currentFiscalYear(this.clock);
	}

	@Test
	void everyoneSeesTheProgrammesOfTheCurrentFiscalYear() throws Exception {
		this.mvc.perform(get("/api/subsidies/programmes"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.code == 'ECONOMIC_INBOUND')].fiscalYear").value(this.year))
			.andExpect(jsonPath("$[?(@.code == 'ECONOMIC_INBOUND')].open").value(true))
			.andExpect(jsonPath("$[?(@.code == 'ECONOMIC_INBOUND')].demo").value(true))
			.andExpect(jsonPath("$[?(@.code == 'ECONOMIC_INBOUND')].rate").value("1/2"))
			.andExpect(jsonPath("$[?(@.code == 'ECONOMIC_INBOUND')].ceiling").value(2_000_000))
			.andExpect(jsonPath("$[?(@.code == 'EXCHANGE_SUPPORT')].eligibleApplicantTypes[*]",
					not(hasItem("PREFECTURE"))));
		this.mvc.perform(get("/api/subsidies/programmes").param("fiscalYear", String.valueOf(this.year + 1)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.code == 'ECONOMIC_OVERSEAS_MARKET')].open").value(false))
			.andExpect(
					jsonPath("$[?(@.code == 'ECONOMIC_OVERSEAS_MARKET')].opensOn").value((this.year + 1) + "-04-01"));
		this.mvc.perform(get("/api/subsidies/programmes").param("fiscalYear", "1800"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("fiscalYear"));
	}

	@Test
	void aValidApplicationIsNumberedAndRequestsTheAmountTheRuleAllows() throws Exception {
		long before = count();
		JsonNode created = read(apply(HAMAMATSU, application("ECONOMIC_INBOUND", this.year))
			.andExpect(status().isCreated())
			.andExpect(header().string("Location", matchesPattern("/api/subsidies/applications/SUB-\\d{4}-\\d{6}")))
			.andExpect(jsonPath("$.applicationNumber").value(matchesPattern("SUB-\\d{4}-\\d{6}")))
			.andExpect(jsonPath("$.status").value("FORMAL_CHECK"))
			// (1,234,567 + 10,000) × 1/2 = 622,283.5 → 622,000 (thousands cut off)
			.andExpect(jsonPath("$.requestedAmount").value(622_000)));
		assertThat(count()).isEqualTo(before + 1);
		String number = created.get("applicationNumber").asText();

		this.mvc.perform(get("/api/subsidies/applications/{number}", number).with(HAMAMATSU))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.programmeCode").value("ECONOMIC_INBOUND"))
			.andExpect(jsonPath("$.fiscalYear").value(this.year))
			.andExpect(jsonPath("$.status").value("FORMAL_CHECK"))
			.andExpect(jsonPath("$.statusLabel").value("形式審査中"))
			.andExpect(jsonPath("$.costItems[0].amount").value(1_234_567))
			.andExpect(jsonPath("$.history[0].status").value("SUBMITTED"))
			.andExpect(jsonPath("$.history[0].at").exists())
			.andExpect(jsonPath("$.grantedAmount").doesNotExist())
			.andExpect(jsonPath("$.reviews").doesNotExist());
		this.mvc.perform(get("/api/subsidies/applications").with(HAMAMATSU))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].applicationNumber", hasItem(number)));

		String aboveCeiling = application("ECONOMIC_INBOUND", this.year).replace("\"amount\": 1234567",
				"\"amount\": 9000000");
		apply(HAMAMATSU, aboveCeiling).andExpect(status().isCreated())
			.andExpect(jsonPath("$.requestedAmount").value(2_000_000));
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|',
			textBlock = """
					empty cost items     | "costItems": [{"description": "翻訳費", "amount": 1234567}, {"description": "印刷費", "amount": 10000}] | "costItems": []                     | costItems
					negative amount      | "amount": 1234567                  | "amount": -1                          | costItems[0].amount
					missing amount       | "amount": 1234567                  | "amountX": 1                          | amountX
					blank description    | "description": "翻訳費"              | "description": " "                    | costItems[0].description
					period backwards     | "periodTo": "2027-02-28"           | "periodTo": "2026-01-01"              | periodTo
					malformed date       | "periodFrom": "2026-12-01"         | "periodFrom": "2026-13-01"            | periodFrom
					unknown programme    | "programmeCode": "ECONOMIC_INBOUND" | "programmeCode": "NO_SUCH_PROGRAMME" | programmeCode
					blank title          | "title": "多言語観光案内の整備"          | "title": ""                           | title
					missing fiscal year  | "fiscalYear": YEAR,                | "fiscalYear": null,                   | fiscalYear
					""")
	void badInputIsRefusedNamingTheFieldAndNothingIsStored(String what, String valid, String bad, String field)
			throws Exception {
		String body = application("ECONOMIC_INBOUND", this.year)
			.replace(valid.replace("YEAR", String.valueOf(this.year)), bad);
		assertThat(body).contains(bad);
		long before = count();
		apply(HAMAMATSU, body).andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[*].field", hasItem(field)));
		assertThat(count()).isEqualTo(before);
	}

	@Test
	void malformedJsonIsRefusedAndNothingIsStored() throws Exception {
		long before = count();
		apply(HAMAMATSU, "{\"programmeCode\": ").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(matchesPattern(".*JSON.*")));
		assertThat(count()).isEqualTo(before);
	}

	@Test
	void aClosedWindowIsRefused() throws Exception {
		long before = count();
		// The window of the next fiscal year opens on 1 April of that year
		apply(HAMAMATSU, application("ECONOMIC_OVERSEAS_MARKET", this.year + 1)).andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value(containsString("募集期間")));
		assertThat(count()).isEqualTo(before);
	}

	@Test
	void aPrefectureCannotApplyToAProgrammeForCitiesAndMunicipalities() throws Exception {
		String programme = defineOwnProgramme(5_000_000, "[\"DESIGNATED_CITY\", \"MUNICIPALITY\"]");
		String userId = "tokyoprefapitest";
		String groupId = "lg-130001";
		boolean groupCreated = this.identityService.createGroupQuery().groupId(groupId).count() == 0;
		if (groupCreated) {
			Group group = this.identityService.newGroup(groupId);
			group.setName("東京都（テスト）");
			group.setType("LOCAL_GOVERNMENT");
			this.identityService.saveGroup(group);
		}
		User user = this.identityService.newUser(userId);
		user.setFirstName("国際課");
		user.setLastName("東京都");
		user.setPassword("Tokyo-Pref-Test-2026");
		this.identityService.saveUser(user);
		this.identityService.createMembership(userId, groupId);
		try {
			long before = count();
			apply(httpBasic(userId, "Tokyo-Pref-Test-2026"), application(programme, this.year))
				.andExpect(status().isConflict())
				.andExpect(jsonPath("$.detail").value(containsString("都道府県は申請できません")));
			assertThat(count()).isEqualTo(before);
			// The same prefecture may apply to a programme open to prefectures
			apply(httpBasic(userId, "Tokyo-Pref-Test-2026"), application("ECONOMIC_INBOUND", this.year))
				.andExpect(status().isCreated());
		}
		finally {
			this.identityService.deleteMembership(userId, groupId);
			this.identityService.deleteUser(userId);
			if (groupCreated) {
				this.identityService.deleteGroup(groupId);
			}
		}
	}

	@Test
	void onlyTheApplyingLocalGovernmentAndStaffSeeAnApplication() throws Exception {
		String number = number(apply(HAMAMATSU, application("ECONOMIC_INBOUND", this.year)));

		this.mvc.perform(get("/api/subsidies/applications/{number}", number).with(CHIYODA))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/api/subsidies/applications").with(CHIYODA))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].applicationNumber", not(hasItem(number))));
		this.mvc
			.perform(post("/api/subsidies/applications/{number}/change-requests", number).with(CHIYODA)
				.contentType(MediaType.APPLICATION_JSON)
				.content(planChange(1_000_000)))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/api/subsidies/applications/{number}", number).with(TANAKA))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.municipalityCode").value("221309"));
		this.mvc.perform(get("/api/subsidies/applications/SUB-1999-000001").with(TANAKA))
			.andExpect(status().isNotFound());

		// Anonymous callers are asked to log in; staff are no applicants
		this.mvc.perform(get("/api/subsidies/applications/{number}", number))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, containsString("Basic")))
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		this.mvc.perform(get("/api/subsidies/applications")).andExpect(status().isUnauthorized());
		long before = count();
		apply(null, application("ECONOMIC_INBOUND", this.year)).andExpect(status().isUnauthorized());
		apply(TANAKA, application("ECONOMIC_INBOUND", this.year)).andExpect(status().isForbidden())
			.andExpect(jsonPath("$.detail").value(containsString("自治体のアカウントだけが利用できます")));
		this.mvc.perform(get("/api/subsidies/applications").with(TANAKA)).andExpect(status().isForbidden());
		this.mvc.perform(get("/api/subsidies/applications").with(httpBasic("nobody", "wrong")))
			.andExpect(status().isUnauthorized());
		assertThat(count()).isEqualTo(before);
	}

	@Test
	void changesReportsAndNoticesWaitForTheDecision() throws Exception {
		String number = number(apply(HAMAMATSU, application("ECONOMIC_INBOUND", this.year)));
		changeRequest(number, planChange(1_000_000)).andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value(containsString("交付決定後")));
		report(number, planChange(1_000_000)).andExpect(status().isConflict());
		this.mvc.perform(get("/api/subsidies/applications/{number}/notice", number).with(HAMAMATSU))
			.andExpect(status().isNotFound());
		correct(number, application("ECONOMIC_INBOUND", this.year)).andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value(containsString("補正の依頼はありません")));
	}

	@Test
	void theApplicantCorrectsWhenAskedTo() throws Exception {
		String number = number(apply(HAMAMATSU, application("ECONOMIC_INBOUND", this.year)));
		completeTask(number, SubsidyProcess.TASK_FORMAL_CHECK, Map.of(SubsidyProcess.FORMAL_CHECK_RESULT, "CORRECTION",
				SubsidyProcess.CORRECTION_REQUEST, "経費の内訳を詳しく記載してください。"));
		this.mvc.perform(get("/api/subsidies/applications/{number}", number).with(HAMAMATSU))
			.andExpect(jsonPath("$.status").value("CORRECTION_REQUESTED"))
			.andExpect(jsonPath("$.history[-1:].note").value("経費の内訳を詳しく記載してください。"));

		String corrected = application("OTHER_PROGRAMME_IS_IGNORED", 1999).replace("多言語観光案内の整備", "多言語観光案内の整備（補正）")
			.replace("\"amount\": 1234567", "\"amount\": 2000000");
		correct(number, corrected.replace("\"description\": \"翻訳費\"", "\"description\": \"\""))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", hasItem("description")));
		correct(number, "{\"title\": ").andExpect(status().isBadRequest());
		this.mvc
			.perform(post("/api/subsidies/applications/{number}/corrections", number).with(CHIYODA)
				.contentType(MediaType.APPLICATION_JSON)
				.content(corrected))
			.andExpect(status().isNotFound());

		correct(number, corrected).andExpect(status().isOk())
			.andExpect(jsonPath("$.programmeCode").value("ECONOMIC_INBOUND"))
			.andExpect(jsonPath("$.fiscalYear").value(this.year))
			.andExpect(jsonPath("$.title").value("多言語観光案内の整備（補正）"))
			.andExpect(jsonPath("$.requestedAmount").value(1_005_000))
			.andExpect(jsonPath("$.history[*].note", hasItem("補正済み / corrected")));
		assertThat(task(number, SubsidyProcess.TASK_FORMAL_CHECK)).isNotNull();
	}

	@Test
	void aGrantGivesANoticeReservesTheBudgetAndAllowsAChangeAndTheReport() throws Exception {
		String programme = defineOwnProgramme(5_000_000, "[\"PREFECTURE\", \"DESIGNATED_CITY\", \"MUNICIPALITY\"]");
		String number = number(apply(HAMAMATSU,
				application(programme, this.year).replace("\"amount\": 1234567", "\"amount\": 1590000")));
		grant(number, 800_000, "事業の成果を報告書にまとめ、公表すること。");

		this.mvc.perform(get("/api/subsidies/applications/{number}", number).with(HAMAMATSU))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("GRANTED"))
			.andExpect(jsonPath("$.grantedAmount").value(800_000))
			.andExpect(jsonPath("$.conditions").value("事業の成果を報告書にまとめ、公表すること。"))
			.andExpect(jsonPath("$.reportDueOn").value(periodTo().plusDays(30).toString()));

		// The notice, for the applicant and for staff only
		String notice = this.mvc.perform(get("/api/subsidies/applications/{number}/notice", number).with(HAMAMATSU))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(notice)
			.contains("交付決定通知書", "800,000円", number, "静岡県浜松市長", "殿", "一般財団法人 自治体国際化協会（デモ） 理事長", "事業の成果を報告書にまとめ、公表すること。",
					"@page", "A4", this.year + "年度")
			.doesNotContain("不交付決定通知書");
		this.mvc.perform(get("/api/subsidies/applications/{number}/notice", number).with(CHIYODA))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/api/subsidies/applications/{number}/notice", number).with(TANAKA))
			.andExpect(status().isOk());
		this.mvc.perform(get("/api/subsidies/applications/{number}/notice", number))
			.andExpect(status().isUnauthorized());

		// The summary shows the reservation, to staff only
		this.mvc.perform(get("/api/subsidies/summary").param("fiscalYear", String.valueOf(this.year)).with(TANAKA))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.programme.code == '" + programme + "')].programme.reserved").value(800_000))
			.andExpect(jsonPath("$[?(@.programme.code == '" + programme + "')].programme.remaining").value(4_200_000))
			.andExpect(jsonPath("$[?(@.programme.code == '" + programme + "')].applicationsByStatus.GRANTED").value(1));
		this.mvc.perform(get("/api/subsidies/summary").with(HAMAMATSU)).andExpect(status().isForbidden());
		this.mvc.perform(get("/api/subsidies/summary")).andExpect(status().isUnauthorized());
		String page = this.mvc
			.perform(get("/staff/subsidies").param("fiscalYear", String.valueOf(this.year)).with(TANAKA))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("APIテスト事業", "5,000,000円", "800,000円", "4,200,000円", "交付決定", "デモ値",
				"経済活動助成事業（インバウンド支援）", this.year + "年度");
		this.mvc.perform(get("/staff/subsidies").with(HAMAMATSU)).andExpect(status().isForbidden());
		this.mvc.perform(get("/staff/subsidies"))
			.andExpect(status().isFound())
			.andExpect(redirectedUrlPattern("**/login"));

		// The budget cannot drop below what is reserved
		putProgramme(OWNER, programme, programmeBody(700_000, "[\"MUNICIPALITY\"]")).andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value(containsString("予算額は交付決定済みの額")));

		// A change request, approved: the reservation follows the new plan
		changeRequest(number, planChange(1_700_000)).andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("CHANGE_REQUESTED"))
			.andExpect(jsonPath("$.proposedCostItems[0].amount").value(1_700_000));
		report(number, planChange(1_500_000)).andExpect(status().isConflict());
		completeTask(number, SubsidyProcess.TASK_REVIEW_CHANGE,
				Map.of(SubsidyProcess.CHANGE_DECISION, "APPROVE", SubsidyProcess.CHANGE_NOTE, "妥当な変更です"));
		this.mvc.perform(get("/api/subsidies/applications/{number}", number).with(HAMAMATSU))
			.andExpect(jsonPath("$.status").value("GRANTED"))
			.andExpect(jsonPath("$.grantedAmount").value(850_000));

		// The performance report
		report(number, "{\"actualCostItems\": []}").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", hasItem("actualCostItems")))
			.andExpect(jsonPath("$.errors[*].field", hasItem("summary")));
		report(number, planChange(1_500_000)).andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("REPORT_SUBMITTED"))
			.andExpect(jsonPath("$.actualCostItems[0].amount").value(1_500_000));
		assertThat(task(number, SubsidyProcess.TASK_CHECK_REPORT)).isNotNull();
		changeRequest(number, planChange(1_000_000)).andExpect(status().isConflict());
	}

	@Test
	void aRejectionGivesANoticeWithTheReasons() throws Exception {
		String number = number(apply(HAMAMATSU, application("ECONOMIC_INBOUND", this.year)));
		passReview(number);
		completeTask(number, SubsidyProcess.TASK_DRAFT,
				Map.of(SubsidyProcess.DECISION, "REJECT", SubsidyProcess.REJECTION_REASONS, "事業の効果が明らかではないため。"));
		completeTask(number, SubsidyProcess.TASK_CHIEF, Map.of(SubsidyProcess.CHIEF_APPROVAL, "APPROVE"));
		completeTask(number, SubsidyProcess.TASK_DIRECTOR, Map.of(SubsidyProcess.DIRECTOR_APPROVAL, "APPROVE"));

		String notice = this.mvc.perform(get("/api/subsidies/applications/{number}/notice", number).with(HAMAMATSU))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(notice).contains("不交付決定通知書", "事業の効果が明らかではないため。", "622,000円", number);
	}

	@Test
	void processOwnersSetAProgrammesRulesAndNobodyElse() throws Exception {
		String code = "APITEST_RULES_" + System.nanoTime();
		String body = programmeBody(3_000_000, "[\"MUNICIPALITY\"]");
		putProgramme(TANAKA, code, body).andExpect(status().isForbidden());
		putProgramme(HAMAMATSU, code, body).andExpect(status().isForbidden());
		putProgramme(null, code, body).andExpect(status().isUnauthorized())
			.andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, containsString("Basic")));

		putProgramme(OWNER, code, body).andExpect(status().isCreated())
			.andExpect(jsonPath("$.code").value(code))
			.andExpect(jsonPath("$.fiscalYear").value(this.year))
			.andExpect(jsonPath("$.budget").value(3_000_000))
			.andExpect(jsonPath("$.rate").value("2/3"))
			.andExpect(jsonPath("$.demo").value(false))
			.andExpect(jsonPath("$.open").value(true));
		putProgramme(OWNER, code, programmeBody(4_000_000, "[\"MUNICIPALITY\", \"PREFECTURE\"]"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.budget").value(4_000_000))
			.andExpect(jsonPath("$.eligibleApplicantTypes", hasItem("PREFECTURE")));
		this.mvc.perform(get("/api/subsidies/programmes").param("fiscalYear", String.valueOf(this.year)))
			.andExpect(jsonPath("$[?(@.code == '" + code + "')].budget").value(4_000_000))
			.andExpect(jsonPath("$[?(@.code == '" + code + "')].demo").value(false));
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|',
			textBlock = """
					rate above one       | "rate": "2/3"                       | "rate": "3/2"                       | rate
					rate not a fraction  | "rate": "2/3"                       | "rate": "half"                      | rate
					negative budget      | "budget": 3000000                   | "budget": -1                        | budget
					zero ceiling         | "ceiling": 1000000                  | "ceiling": 0                        | ceiling
					no applicants        | "eligibleApplicantTypes": ["MUNICIPALITY"] | "eligibleApplicantTypes": [] | eligibleApplicantTypes
					blank name           | "name": "APIテスト事業"                 | "name": ""                          | name
					unknown department   | "department": "economicExchange"    | "department": "nobody"              | department
					unknown field        | "closesOn"                          | "closesOnX"                         | closesOnX
					""")
	void badProgrammeRulesAreRefusedNamingTheField(String what, String valid, String bad, String field)
			throws Exception {
		String code = "APITEST_BAD_" + System.nanoTime();
		String body = programmeBody(3_000_000, "[\"MUNICIPALITY\"]").replace(valid, bad);
		putProgramme(OWNER, code, body).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", hasItem(field)));
		this.mvc.perform(get("/api/subsidies/programmes").param("fiscalYear", String.valueOf(this.year)))
			.andExpect(jsonPath("$[*].code", not(hasItem(code))));
	}

	@Test
	void aWindowThatClosesBeforeItOpensIsRefused() throws Exception {
		String body = programmeBody(3_000_000, "[\"MUNICIPALITY\"]").replace(
				"\"closesOn\": \"" + this.today.plusDays(60) + "\"",
				"\"closesOn\": \"" + this.today.minusDays(2) + "\"");
		putProgramme(OWNER, "APITEST_WINDOW", body).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", hasItem("closesOn")));
		putProgramme(OWNER, "lower-case", programmeBody(3_000_000, "[\"MUNICIPALITY\"]"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", hasItem("code")));
	}

	// ---- driving the process as staff would in Tasklist

	private void grant(String number, long amount, String conditions) {
		new SubsidyTasks(this.taskService).grantAsDemoStaff(number, amount, conditions);
	}

	private void passReview(String number) {
		new SubsidyTasks(this.taskService).passFormalCheckAndReviews(number, "tanaka", "suzuki");
	}

	private void completeTask(String number, String taskKey, Map<String, Object> variables) {
		new SubsidyTasks(this.taskService).complete(number, taskKey, null, variables);
	}

	private Task task(String number, String taskKey) {
		return new SubsidyTasks(this.taskService).task(number, taskKey);
	}

	// ---- requests

	private String defineOwnProgramme(long budget, String eligibleTypes) throws Exception {
		String code = "APITEST_" + System.nanoTime();
		putProgramme(OWNER, code,
				programmeBody(budget, eligibleTypes).replace("\"rate\": \"2/3\"", "\"rate\": \"1/2\""))
			.andExpect(status().isCreated());
		return code;
	}

	private String programmeBody(long budget, String eligibleTypes) {
		return """
				{"name": "APIテスト事業", "department": "economicExchange", "budget": %d, "rate": "2/3",
				 "ceiling": 1000000, "eligibleApplicantTypes": %s, "opensOn": "%s", "closesOn": "%s"}"""
			.formatted(budget, eligibleTypes, this.today.minusDays(1), this.today.plusDays(60));
	}

	private ResultActions putProgramme(RequestPostProcessor user, String code, String body) throws Exception {
		var request = put("/api/subsidies/programmes/{code}", code).param("fiscalYear", String.valueOf(this.year))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body);
		return this.mvc.perform((user == null) ? request : request.with(user));
	}

	private String application(String programme, int fiscalYear) {
		return """
				{"programmeCode": "%s", "fiscalYear": %d, "title": "多言語観光案内の整備",
				 "summary": "外国人観光客向けの案内板とウェブサイトを多言語化する。",
				 "periodFrom": "2026-12-01", "periodTo": "2027-02-28",
				 "costItems": [{"description": "翻訳費", "amount": 1234567}, {"description": "印刷費", "amount": 10000}]}"""
			.formatted(programme, fiscalYear);
	}

	private static LocalDate periodTo() {
		return LocalDate.of(2027, 2, 28);
	}

	private static String planChange(long cost) {
		return """
				{"actualCostItems": [{"description": "翻訳費", "amount": %d}], "summary": "会場と翻訳の範囲を見直しました。"}"""
			.formatted(cost);
	}

	private ResultActions apply(RequestPostProcessor user, String body) throws Exception {
		var request = post("/api/subsidies/applications").contentType(MediaType.APPLICATION_JSON).content(body);
		return this.mvc.perform((user == null) ? request : request.with(user));
	}

	private ResultActions correct(String number, String body) throws Exception {
		return this.mvc.perform(post("/api/subsidies/applications/{number}/corrections", number).with(HAMAMATSU)
			.contentType(MediaType.APPLICATION_JSON)
			.content(body));
	}

	private ResultActions changeRequest(String number, String body) throws Exception {
		return this.mvc.perform(post("/api/subsidies/applications/{number}/change-requests", number).with(HAMAMATSU)
			.contentType(MediaType.APPLICATION_JSON)
			.content(body));
	}

	private ResultActions report(String number, String body) throws Exception {
		return this.mvc.perform(post("/api/subsidies/applications/{number}/performance-report", number).with(HAMAMATSU)
			.contentType(MediaType.APPLICATION_JSON)
			.content(body));
	}

	private String number(ResultActions created) throws Exception {
		return read(created.andExpect(status().isCreated())).get("applicationNumber").asText();
	}

	private long count() {
		return this.jdbc.queryForObject("select count(*) from subsidy_application", Long.class);
	}

	private JsonNode read(ResultActions result) throws Exception {
		return this.json.readTree(result.andReturn().getResponse().getContentAsString());
	}

}
