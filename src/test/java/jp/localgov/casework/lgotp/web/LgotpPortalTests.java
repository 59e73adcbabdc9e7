package jp.localgov.casework.lgotp.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jp.localgov.casework.lgotp.Candidate;
import jp.localgov.casework.lgotp.HostRequestStatus;
import jp.localgov.casework.lgotp.LgotpService;
import jp.localgov.casework.lgotp.LgotpViews.HostRequestView;
import jp.localgov.casework.lgotp.LgotpViews.TraineeView;
import jp.localgov.casework.lgotp.TraineeStage;
import jp.localgov.casework.support.CaseworkSpringBootTest;
import jp.localgov.casework.support.EngineJobs;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * The LGOTP pages of the portal as a logged-in local government uses them in a browser,
 * on programme years FY2050 and later started by the annual cycle: the survey, filing,
 * editing and withdrawing requests with every bad input, the closed survey, another
 * municipality's request, the trainee once selected and the monthly reports.
 */
@CaseworkSpringBootTest
@AutoConfigureMockMvc
class LgotpPortalTests {

	private static final ZoneId JST = ZoneId.of("Asia/Tokyo");

	private static final RequestPostProcessor HAMAMATSU = account("hamamatsu", "221309");

	private static final RequestPostProcessor CHIYODA = account("chiyoda", "131016");

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	LgotpService lgotp;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	TaskService taskService;

	@Autowired
	ManagementService managementService;

	@AfterEach
	void resetClock() {
		EngineJobs.resetClock();
	}

	@Test
	void theOverviewShowsTheOpenSurveyAndAValidRequestIsFiledAndListed() throws Exception {
		openYear(2051);
		assertThat(html(this.mvc.perform(get("/portal/lg/lgotp").with(HAMAMATSU)).andExpect(status().isOk())))
			.containsPattern("<html[^>]*lang=\"ja\"")
			.contains("2051年度（LGOTP-FY2051）", "受入要望調査", "受け付けています。締切は2050年11月30日です。")
			.contains("action=\"/portal/lg/lgotp/2051/requests/new\"", "受入要望を提出する")
			.contains("この年度の受入要望はありません。", "href=\"/portal/lg/inquiries\"")
			.contains("href=\"/portal/lg/lgotp?lang=en\"")
			.doesNotContain("??");

		String form = html(
				this.mvc.perform(get("/portal/lg/lgotp/2051/requests/new").with(HAMAMATSU)).andExpect(status().isOk()));
		assertThat(form).contains("2051年度の受入要望", "研修分野", "希望する国・地域", "希望する言語", "研修期間（月数）")
			.contains("<option value=\"TOURISM\">観光</option>", "<option value=\"PUBLIC_SAFETY\">防災・安全</option>")
			.contains("name=\"_csrf\"", "maxlength=\"4000\"", "href=\"/portal/lg/lgotp\"")
			.doesNotContain("??");

		long before = count();
		this.mvc.perform(file(2051, valid()).with(HAMAMATSU))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/portal/lg/lgotp"))
			.andExpect(flash().attribute("notice", "lgotp.notice.filed"));
		assertThat(count()).isEqualTo(before + 1);
		HostRequestView filed = last(2051);
		assertThat(filed.months()).isEqualTo(6);
		assertThat(filed.preferredCountry()).isEqualTo("ベトナム");
		assertThat(filed.programmeOutline()).isEqualTo("観光振興課で\nインバウンド施策を学ぶ");

		assertThat(html(this.mvc.perform(get("/portal/lg/lgotp").with(HAMAMATSU))))
			.contains("観光", "ベトナム", "6か月", "提出済み", "未定")
			.contains("href=\"/portal/lg/lgotp/requests/" + filed.id() + "/edit\"")
			.contains("action=\"/portal/lg/lgotp/requests/" + filed.id() + "/withdraw\"");
		assertThat(html(this.mvc.perform(get("/portal/lg/lgotp").param("lang", "en").with(HAMAMATSU))))
			.containsPattern("<html[^>]*lang=\"en\"")
			.contains("FY2051 (LGOTP-FY2051)", "Open until 30 November 2050.", "Tourism", "6 months", "Filed")
			.contains("File a hosting request", "Your inquiries")
			.doesNotContain("??", "観光", "提出済み");
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			five months        | trainingMonths   | 5              | 研修期間は6～12か月です。
			thirteen months    | trainingMonths   | 13             | 研修期間は6～12か月です。
			months as text     | trainingMonths   | six            | 研修期間は6～12の数字で入力してください。
			missing field      | trainingField    | ''             | 研修分野を選んでください。
			unknown field      | trainingField    | ASTROLOGY      | 研修分野を選んでください。
			bad email          | hostContactEmail | not-an-address | メールアドレスの形式が正しくありません
			blank outline      | programmeOutline | ' '            | 研修プログラムの概要を入力してください。
			blank contact      | hostContactName  | ''             | 担当者名を入力してください。
			blank country      | preferredCountry | ' '            | 希望する国・地域を入力してください。
			""")
	void badInputComesBackWithTheMessageTheInputKeptAndNothingStored(String what, String field, String value,
			String message) throws Exception {
		openYear(2052);
		long before = count();
		Map<String, String> input = valid();
		input.put(field, value);
		String page = html(this.mvc.perform(file(2052, input).with(HAMAMATSU)).andExpect(status().isBadRequest()));
		assertThat(page).contains(message, "id=\"" + field + "-error\"", "入力内容に誤りがあります");
		input.forEach((name, kept) -> {
			if (name.equals("programmeOutline")) {
				assertThat(page).contains(kept.isBlank() ? "" : "観光振興課で");
			}
			else if (!name.equals("trainingField")) {
				assertThat(page).contains("value=\"" + kept + "\"");
			}
		});
		assertThat(count()).isEqualTo(before);

		// The same in English
		assertThat(html(this.mvc.perform(file(2052, input).param("lang", "en").with(HAMAMATSU))))
			.containsPattern("<html[^>]*lang=\"en\"")
			.doesNotContain(message, "??");
		assertThat(count()).isEqualTo(before);
	}

	@Test
	void aRequestIsEditedAndWithdrawnWhileTheSurveyIsOpen() throws Exception {
		openYear(2053);
		this.mvc.perform(file(2053, valid()).with(HAMAMATSU)).andExpect(status().isFound());
		HostRequestView filed = last(2053);

		String edit = html(this.mvc.perform(get("/portal/lg/lgotp/requests/{id}/edit", filed.id()).with(HAMAMATSU))
			.andExpect(status().isOk()));
		assertThat(edit)
			.contains("修正を保存する", "value=\"ベトナム\"", "<option value=\"TOURISM\" selected=\"selected\">観光</option>")
			.contains("action=\"/portal/lg/lgotp/requests/" + filed.id() + "/edit\"");

		Map<String, String> changed = valid();
		changed.put("trainingMonths", "１２");
		changed.put("trainingField", "ENVIRONMENT");
		assertThat(html(this.mvc.perform(post("/portal/lg/lgotp/requests/{id}/edit", filed.id()).with(HAMAMATSU)
			.with(csrf())
			.params(params(Map.of("trainingMonths", "4")))))).contains("研修期間は6～12か月です。");
		this.mvc
			.perform(post("/portal/lg/lgotp/requests/{id}/edit", filed.id()).with(HAMAMATSU)
				.with(csrf())
				.params(params(changed)))
			.andExpect(redirectedUrl("/portal/lg/lgotp"))
			.andExpect(flash().attribute("notice", "lgotp.notice.updated"));
		HostRequestView edited = this.lgotp.hostRequest(filed.id(), "221309");
		assertThat(edited.months()).isEqualTo(12);
		assertThat(edited.field().name()).isEqualTo("ENVIRONMENT");

		this.mvc.perform(post("/portal/lg/lgotp/requests/{id}/withdraw", filed.id()).with(HAMAMATSU))
			.andExpect(status().isForbidden());
		this.mvc.perform(post("/portal/lg/lgotp/requests/{id}/withdraw", filed.id()).with(HAMAMATSU).with(csrf()))
			.andExpect(redirectedUrl("/portal/lg/lgotp"))
			.andExpect(flash().attribute("notice", "lgotp.notice.withdrawn"));
		assertThat(this.lgotp.hostRequest(filed.id(), "221309").status()).isEqualTo(HostRequestStatus.WITHDRAWN);
		assertThat(html(this.mvc.perform(get("/portal/lg/lgotp").with(HAMAMATSU)))).contains("取下げ")
			.doesNotContain("href=\"/portal/lg/lgotp/requests/" + filed.id() + "/edit\"");

		// A withdrawn request can no longer change
		assertThat(html(this.mvc.perform(get("/portal/lg/lgotp/requests/{id}/edit", filed.id()).with(HAMAMATSU))))
			.contains("この受入要望は変更できません（取下げ）。")
			.doesNotContain("修正を保存する");
		assertThat(html(this.mvc
			.perform(post("/portal/lg/lgotp/requests/{id}/withdraw", filed.id()).with(HAMAMATSU).with(csrf()))))
			.contains("この受入要望は変更できません（取下げ）");
		assertThat(html(this.mvc.perform(post("/portal/lg/lgotp/requests/{id}/edit", filed.id()).with(HAMAMATSU)
			.with(csrf())
			.params(params(valid()))))).contains("この受入要望は変更できません（取下げ）", "value=\"ベトナム\"");
	}

	@Test
	void afterTheSurveyClosesThePagesSaySoAndKeepTheInput() throws Exception {
		ProcessInstance cycle = openYear(2054);
		this.mvc.perform(file(2054, valid()).with(HAMAMATSU)).andExpect(status().isFound());
		HostRequestView filed = last(2054);
		complete(cycle, "UserTask_Survey", Map.of("closeEarly", true));

		assertThat(html(this.mvc.perform(get("/portal/lg/lgotp").with(HAMAMATSU))))
			.contains("受入要望調査の受付は終了しました（締切：2053年11月30日）。", "要望の確認")
			.doesNotContain("action=\"/portal/lg/lgotp/2054/requests/new\"",
					"href=\"/portal/lg/lgotp/requests/" + filed.id() + "/edit\"");
		assertThat(html(this.mvc.perform(get("/portal/lg/lgotp/2054/requests/new").with(HAMAMATSU))))
			.contains("受入要望調査の受付は終了しました（締切：2053年11月30日）。")
			.doesNotContain("受入要望を提出する</button>");

		long before = count();
		Map<String, String> input = valid();
		input.put("preferredCountry", "ブラジル");
		assertThat(html(this.mvc.perform(file(2054, input).with(HAMAMATSU)).andExpect(status().isConflict())))
			.contains("2054年度の受入要望調査は受付期間外です（締切：2053-11-30）")
			.doesNotContain("The demand survey is not open")
			.contains("value=\"ブラジル\"", "観光振興課で");
		assertThat(html(this.mvc.perform(file(2054, input).param("lang", "en").with(HAMAMATSU))))
			.contains("The demand survey is not open", "value=\"ブラジル\"");
		assertThat(count()).isEqualTo(before);

		assertThat(html(this.mvc.perform(get("/portal/lg/lgotp/requests/{id}/edit", filed.id()).with(HAMAMATSU))))
			.contains("受入要望調査の受付は終了しました")
			.doesNotContain("修正を保存する");
		assertThat(html(this.mvc.perform(post("/portal/lg/lgotp/requests/{id}/edit", filed.id()).with(HAMAMATSU)
			.with(csrf())
			.params(params(input))))).contains("受付期間外です", "value=\"ブラジル\"");
		assertThat(html(this.mvc
			.perform(post("/portal/lg/lgotp/requests/{id}/withdraw", filed.id()).with(HAMAMATSU).with(csrf()))))
			.contains("受付期間外です");
		HostRequestView unchanged = this.lgotp.hostRequest(filed.id(), "221309");
		assertThat(unchanged.status()).isEqualTo(HostRequestStatus.SUBMITTED);
		assertThat(unchanged.preferredCountry()).isEqualTo("ベトナム");

		// A year whose cycle has not started
		this.mvc.perform(get("/portal/lg/lgotp/2059/requests/new").with(HAMAMATSU)).andExpect(status().isNotFound());
	}

	@Test
	void anotherMunicipalitysRequestIsNotFound() throws Exception {
		openYear(2055);
		this.mvc.perform(file(2055, valid()).with(HAMAMATSU)).andExpect(status().isFound());
		HostRequestView filed = last(2055);

		assertThat(html(this.mvc.perform(get("/portal/lg/lgotp/requests/{id}/edit", filed.id()).with(CHIYODA))
			.andExpect(status().isNotFound()))).contains("見つかりません");
		this.mvc
			.perform(post("/portal/lg/lgotp/requests/{id}/edit", filed.id()).with(CHIYODA)
				.with(csrf())
				.params(params(valid())))
			.andExpect(status().isNotFound());
		this.mvc.perform(post("/portal/lg/lgotp/requests/{id}/withdraw", filed.id()).with(CHIYODA).with(csrf()))
			.andExpect(status().isNotFound());
		this.mvc
			.perform(post("/portal/lg/lgotp/requests/{id}/reports", filed.id()).with(CHIYODA)
				.with(csrf())
				.param("month", "2055-07")
				.param("text", "順調です"))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/portal/lg/lgotp/requests/999999999/edit").with(HAMAMATSU))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/portal/lg/lgotp/requests/abc/edit").with(HAMAMATSU)).andExpect(status().isNotFound());
		assertThat(html(this.mvc.perform(get("/portal/lg/lgotp").with(CHIYODA)))).contains("2055年度")
			.doesNotContain("/portal/lg/lgotp/requests/" + filed.id() + "/");
		assertThat(this.lgotp.hostRequest(filed.id(), "221309").status()).isEqualTo(HostRequestStatus.SUBMITTED);
	}

	@Test
	void anonymousVisitorsAreSentToTheLogin() throws Exception {
		this.mvc.perform(get("/portal/lg/lgotp")).andExpect(redirectedUrlPattern("**/portal/login"));
		this.mvc.perform(get("/portal/lg/lgotp/2051/requests/new")).andExpect(redirectedUrlPattern("**/portal/login"));
		this.mvc.perform(post("/portal/lg/lgotp/2051/requests/new").with(csrf()).params(params(valid())))
			.andExpect(redirectedUrlPattern("**/portal/login"));
	}

	@Test
	void theTraineeAppearsOnceSelectedAndReportsAreFiledWhilePosted() throws Exception {
		ProcessInstance cycle = openYear(2056);
		this.mvc.perform(file(2056, valid()).with(HAMAMATSU)).andExpect(status().isFound());
		HostRequestView filed = last(2056);
		complete(cycle, "UserTask_Survey", Map.of("closeEarly", true));
		complete(cycle, "UserTask_ReviewDemand", Map.of("demandReviewed", true));
		TraineeView trainee = this.lgotp.registerCandidate(2056,
				new Candidate("Tran Van A", "ベトナム", "ハノイ市", "行政職員", "英語", false));
		assertThat(html(this.mvc.perform(get("/portal/lg/lgotp").with(HAMAMATSU)))).doesNotContain("Tran Van A");
		this.lgotp.decide(trainee.id(), filed.id());
		complete(cycle, "UserTask_SelectTrainees", Map.of("selectionComplete", true));

		assertThat(html(this.mvc.perform(get("/portal/lg/lgotp").with(HAMAMATSU))))
			.contains("Tran Van A", "ベトナム", "研修員決定", "現在の段階：来日に向けた諸手続き")
			.doesNotContain("月例報告（研修員");
		assertThat(html(this.mvc.perform(get("/portal/lg/lgotp").param("lang", "en").with(HAMAMATSU))))
			.contains("Tran Van A", "Trainee matched", "Now: Preparing to come to Japan");
		assertThat(html(this.mvc.perform(report(filed.id(), "2056-07")))).contains("赴任している間だけ報告できます");

		// Pre-arrival, arrival in May, orientation, JIAM and the posting in late June
		ProcessInstance journey = this.runtimeService.createProcessInstanceQuery()
			.processDefinitionKey("LgotpTraineeJourney")
			.processInstanceBusinessKey(this.lgotp.traineeView(trainee.id()).journeyKey())
			.singleResult();
		complete(journey, "UserTask_PreArrival", Map.of("coeIssued", true, "visaIssued", true, "flightBooked", true));
		EngineJobs jobs = new EngineJobs(this.managementService);
		at(LocalDate.of(2056, 5, 15));
		jobs.executeDue(journey.getId());
		complete(journey, "UserTask_Orientation", Map.of("orientationDone", true));
		at(LocalDate.of(2056, 6, 25));
		jobs.executeDue(journey.getId());
		assertThat(this.lgotp.traineeView(trainee.id()).stage()).isEqualTo(TraineeStage.POSTED);

		assertThat(html(this.mvc.perform(get("/portal/lg/lgotp").with(HAMAMATSU))))
			.contains("現在の段階：赴任・受入団体での研修", "月例報告（研修員：Tran Van A）")
			.contains("action=\"/portal/lg/lgotp/requests/" + filed.id() + "/reports\"");
		assertThat(html(this.mvc.perform(report(filed.id(), "2056-13")))).contains("対象月を yyyy-MM の形式で入力してください")
			.contains("value=\"2056-13\"", "研修は順調です。", "id=\"report-month-error-" + filed.id() + "\"");
		assertThat(html(this.mvc.perform(report(filed.id(), "2056-07", " ")))).contains("報告内容を4,000文字以内で入力してください。");
		this.mvc.perform(report(filed.id(), "2056-07"))
			.andExpect(redirectedUrl("/portal/lg/lgotp"))
			.andExpect(flash().attribute("notice", "lgotp.notice.reported"));
		assertThat(this.lgotp.traineeView(trainee.id()).reportedMonths()).containsExactly("2056-07");
		assertThat(html(this.mvc.perform(report(filed.id(), "2056-07")))).contains("2056-07 の報告は提出済みです");
	}

	// ---- helpers

	/** The cycle of a year, with the clock on 1 September of the year before. */
	private ProcessInstance openYear(int fiscalYear) {
		at(LocalDate.of(fiscalYear - 1, 9, 1));
		ProcessInstance running = this.runtimeService.createProcessInstanceQuery()
			.processDefinitionKey("LgotpAnnualCycle")
			.processInstanceBusinessKey("LGOTP-FY" + fiscalYear)
			.singleResult();
		if (running != null) {
			return running;
		}
		return this.runtimeService.startProcessInstanceByKey("LgotpAnnualCycle", Map.of("fiscalYear", fiscalYear));
	}

	private void at(LocalDate day) {
		new EngineJobs(this.managementService).clockAt(day.atTime(LocalTime.of(10, 0)).atZone(JST).toInstant());
	}

	private void complete(ProcessInstance instance, String taskKey, Map<String, Object> variables) {
		String taskId = this.taskService.createTaskQuery()
			.processInstanceId(instance.getId())
			.taskDefinitionKey(taskKey)
			.singleResult()
			.getId();
		this.taskService.complete(taskId, variables);
	}

	private static Map<String, String> valid() {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("trainingField", "TOURISM");
		form.put("preferredCountry", "ベトナム");
		form.put("preferredLanguage", "英語");
		form.put("trainingMonths", "6");
		form.put("programmeOutline", "観光振興課で\r\nインバウンド施策を学ぶ");
		form.put("hostContactName", "浜松 太郎");
		form.put("hostContactEmail", "kokusai@hamamatsu.example.jp");
		return form;
	}

	private static MultiValueMap<String, String> params(Map<String, String> values) {
		MultiValueMap<String, String> params = new LinkedMultiValueMap<>();
		values.forEach(params::add);
		return params;
	}

	private static MockHttpServletRequestBuilder file(int fiscalYear, Map<String, String> input) {
		return post("/portal/lg/lgotp/{year}/requests/new", fiscalYear).with(csrf()).params(params(input));
	}

	private static MockHttpServletRequestBuilder report(long requestId, String month) {
		return report(requestId, month, "研修は順調です。");
	}

	private static MockHttpServletRequestBuilder report(long requestId, String month, String text) {
		return post("/portal/lg/lgotp/requests/{id}/reports", requestId).with(HAMAMATSU)
			.with(csrf())
			.param("month", month)
			.param("text", text);
	}

	private HostRequestView last(int fiscalYear) {
		List<HostRequestView> requests = this.lgotp.hostRequestsOf(fiscalYear, "221309");
		return requests.get(requests.size() - 1);
	}

	private long count() {
		return this.jdbc.queryForObject("select count(*) from lgotp_host_request", Long.class);
	}

	private static String html(ResultActions result) throws Exception {
		return result.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

	private static RequestPostProcessor account(String name, String municipalityCode) {
		return authentication(new UsernamePasswordAuthenticationToken(name, null,
				List.of(new SimpleGrantedAuthority("ROLE_lg-" + municipalityCode))));
	}

}
