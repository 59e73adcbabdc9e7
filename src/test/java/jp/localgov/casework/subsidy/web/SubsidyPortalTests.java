package jp.localgov.casework.subsidy.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jp.localgov.casework.referencedata.OfficeCalendar;
import jp.localgov.casework.subsidy.ApplicantType;
import jp.localgov.casework.subsidy.CostLine;
import jp.localgov.casework.subsidy.NewApplication;
import jp.localgov.casework.subsidy.SubsidyProgramme.ProgrammeRules;
import jp.localgov.casework.subsidy.SubsidyRate;
import jp.localgov.casework.subsidy.SubsidyService;
import jp.localgov.casework.subsidy.SubsidyStatus;
import jp.localgov.casework.subsidy.SubsidyTasks;
import jp.localgov.casework.subsidy.SubsidyViews.ApplicationView;
import jp.localgov.casework.support.CaseworkSpringBootTest;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * The subsidy pages of the applicant portal as a local government uses them: the open
 * programmes, applying with good and bad input, another municipality's application, the
 * correction loop and the decision notice after a grant.
 */
@CaseworkSpringBootTest
@AutoConfigureMockMvc
class SubsidyPortalTests {

	private static final String HAMAMATSU_CODE = "221309";

	private static final RequestPostProcessor HAMAMATSU = localGovernment("hamamatsu", HAMAMATSU_CODE);

	private static final RequestPostProcessor CHIYODA = localGovernment("chiyoda", "131016");

	private static final String INBOUND = "経済活動助成事業（インバウンド支援）";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TaskService taskService;

	@Autowired
	SubsidyService subsidies;

	@Autowired
	Clock clock;

	private int year;

	private LocalDate today;

	@BeforeEach
	void setUp() {
		this.today = LocalDate.now(this.clock.withZone(OfficeCalendar.JAPAN));
		this.year = OfficeCalendar.currentFiscalYear(this.clock);
	}

	@Test
	void theOverviewListsTheOpenDemoProgrammesAndLinksToTheInquiries() throws Exception {
		this.mvc.perform(get("/portal/lg/subsidies").with(HAMAMATSU))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("浜松市の助成事業"), containsString(this.year + "年度に申請できる助成事業"),
					containsString(INBOUND), containsString("デモ値"), containsString("2,000,000円"),
					containsString("/portal/lg/subsidies/apply?programme=ECONOMIC_INBOUND&amp;fiscalYear=" + this.year),
					containsString("href=\"/portal/lg/inquiries\""))));
		this.mvc.perform(get("/portal/lg/subsidies").param("lang", "en").with(HAMAMATSU))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Demo values"), containsString("Remaining budget"))));
	}

	@Test
	void aValidApplicationIsStoredAndItsPageShowsTheStatusAndTheRequestedAmount() throws Exception {
		long before = count();
		MvcResult result = this.mvc
			.perform(apply("ECONOMIC_INBOUND", this.year,
					Map.of("costs[0].amount", "600,000", "costs[2].description", "会場費", "costs[2].amount", "４００００００")))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrlPattern("/portal/lg/subsidies/SUB-*"))
			.andExpect(flash().attribute("flash", "subsidy.flash.applied"))
			.andReturn();
		assertThat(count()).isEqualTo(before + 1);

		String page = result.getResponse().getRedirectedUrl();
		String number = page.substring(page.lastIndexOf('/') + 1);
		ApplicationView stored = this.subsidies.forMunicipality(number, HAMAMATSU_CODE);
		assertThat(stored.costItems()).hasSize(2);
		assertThat(stored.requestedAmount()).isEqualTo(2_000_000);

		this.mvc.perform(get(page).flashAttrs(result.getFlashMap()).with(HAMAMATSU))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("交付申請を受け付けました。申請番号は " + number + " です。"),
					containsString("形式審査中"), containsString("2,000,000円"), containsString("4,600,000円"),
					containsString("多言語観光案内の整備"), not(containsString("/notice")))));
		this.mvc.perform(get("/portal/lg/subsidies").with(HAMAMATSU))
			.andExpect(content().string(containsString(number)));
	}

	@Test
	void costsOfAMillionAtOneHalfRequestFiveHundredThousand() throws Exception {
		String number = number(this.mvc.perform(apply("ECONOMIC_INBOUND", this.year, Map.of()))
			.andExpect(status().is3xxRedirection())
			.andReturn());
		this.mvc.perform(get("/portal/lg/subsidies/" + number).with(HAMAMATSU))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("500,000円"), containsString("1,000,000円"))));
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			value = { "costs[0].description=;costs[0].amount= | 経費を1件以上入力してください", "costs[0].amount=-1000 | 金額は0円以上です",
					"costs[0].amount=abc | 金額は円単位の数字で入力してください", "costs[0].description= | 経費の内容を入力してください",
					"projectEnd=2026-06-30 | 事業終了日は開始日以降にしてください", "projectTitle= | 事業名を入力してください",
					"projectTitle=\u3000 | 事業名を入力してください", "projectStart= | 事業開始日を入力してください" })
	void badInputIsShownNextToItsFieldAndNothingIsStored(String overrides, String message) throws Exception {
		Map<String, String> changed = new LinkedHashMap<>();
		for (String pair : overrides.split(";")) {
			String[] parts = pair.split("=", 2);
			changed.put(parts[0], parts[1]);
		}
		long before = count();
		this.mvc.perform(apply("ECONOMIC_INBOUND", this.year, changed))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(
					allOf(containsString(message), containsString("error-summary"), containsString("見積もりのとおり実施する"))));
		assertThat(count()).isEqualTo(before);
	}

	@Test
	void messagesFollowThePageLanguage() throws Exception {
		this.mvc
			.perform(apply("ECONOMIC_INBOUND", this.year, Map.of("projectTitle", "", "costs[0].amount", "-5"))
				.param("lang", "en"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(allOf(containsString("Enter a title"),
					containsString("Amounts are not negative"), not(containsString("事業名を入力してください")))));
	}

	@Test
	void aClosedWindowIsShownInThePageWithTheInputKept() throws Exception {
		long before = count();
		this.mvc.perform(apply("ECONOMIC_INBOUND", this.year + 1, Map.of()))
			.andExpect(status().isConflict())
			.andExpect(content().string(allOf(containsString("」の募集期間（"), containsString("value=\"多言語観光案内の整備\""),
					containsString("見積もりのとおり実施する"), containsString("value=\"1000000\""))));
		assertThat(count()).isEqualTo(before);
	}

	@Test
	void anIneligibleApplicantIsToldSoAndTheProgrammeIsNotOffered() throws Exception {
		String code = "PORTAL_PREFECTURES_" + System.nanoTime();
		this.subsidies.defineProgramme(
				code, this.year, "都道府県限定テスト事業", "economicExchange", new ProgrammeRules(1_000_000, new SubsidyRate(1, 2),
						500_000, EnumSet.of(ApplicantType.PREFECTURE), this.today.minusDays(1), this.today.plusDays(1)),
				false);
		this.mvc.perform(get("/portal/lg/subsidies").with(HAMAMATSU))
			.andExpect(content().string(not(containsString("都道府県限定テスト事業"))));
		long before = count();
		this.mvc.perform(apply(code, this.year, Map.of()))
			.andExpect(status().isConflict())
			.andExpect(content().string(allOf(containsString("「都道府県限定テスト事業」には指定都市は申請できません"),
					containsString("value=\"多言語観光案内の整備\""), containsString("value=\"1000000\""))));
		assertThat(count()).isEqualTo(before);
	}

	@Test
	void anotherMunicipalitySeesNoApplicationAndAnonymousVisitorsMustLogIn() throws Exception {
		String number = applyDirectly(1_000_000).applicationNumber();
		this.mvc.perform(get("/portal/lg/subsidies/" + number).with(CHIYODA))
			.andExpect(status().isNotFound())
			.andExpect(content().string(not(containsString("多言語観光案内の整備"))));
		this.mvc.perform(get("/portal/lg/subsidies/" + number + "/notice").with(CHIYODA))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/portal/lg/subsidies/SUB-1999-999999").with(HAMAMATSU)).andExpect(status().isNotFound());
		this.mvc.perform(get("/portal/lg/subsidies").with(CHIYODA))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString(number))));

		this.mvc.perform(get("/portal/lg/subsidies"))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrlPattern("**/portal/login"));
		this.mvc.perform(post("/portal/lg/subsidies/apply").param("programme", "ECONOMIC_INBOUND").with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrlPattern("**/portal/login"));
	}

	@Test
	void aRequestedCorrectionIsAcceptedAndTheProcessMovesOn() throws Exception {
		ApplicationView applied = applyDirectly(1_000_000);
		String number = applied.applicationNumber();
		complete(number, "UserTask_FormalCheck", "tanaka",
				Map.of("formalCheckResult", "CORRECTION", "correctionRequest", "見積書の内訳を追記してください"));

		this.mvc.perform(get("/portal/lg/subsidies/" + number).with(HAMAMATSU))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("補正依頼中"), containsString("見積書の内訳を追記してください"),
					containsString("/portal/lg/subsidies/" + number + "/correction"),
					containsString("value=\"多言語観光案内の整備\""))));

		// A bad correction keeps the input and changes nothing
		this.mvc
			.perform(post("/portal/lg/subsidies/" + number + "/correction").with(HAMAMATSU)
				.with(csrf())
				.params(form(Map.of("projectTitle", "補正後の名称", "costs[0].amount", "-1"))))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(allOf(containsString("金額は0円以上です"), containsString("value=\"補正後の名称\""))));
		assertThat(this.subsidies.forMunicipality(number, HAMAMATSU_CODE).status())
			.isEqualTo(SubsidyStatus.CORRECTION_REQUESTED);

		MvcResult corrected = this.mvc
			.perform(post("/portal/lg/subsidies/" + number + "/correction").with(HAMAMATSU)
				.with(csrf())
				.params(form(Map.of("costs[0].amount", "1,200,000"))))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/portal/lg/subsidies/" + number))
			.andExpect(flash().attribute("flash", "subsidy.flash.corrected"))
			.andReturn();

		ApplicationView after = this.subsidies.forMunicipality(number, HAMAMATSU_CODE);
		assertThat(after.status()).isEqualTo(SubsidyStatus.FORMAL_CHECK);
		assertThat(after.requestedAmount()).isEqualTo(600_000);
		assertThat(task(number, "UserTask_FormalCheck")).isNotNull();
		this.mvc.perform(get("/portal/lg/subsidies/" + number).flashAttrs(corrected.getFlashMap()).with(HAMAMATSU))
			.andExpect(content().string(allOf(containsString("補正した申請を受け付けました"), containsString("600,000円"),
					not(containsString("/correction\"")))));
	}

	@Test
	void theNoticeLinkAppearsOnceGrantedAndTheReportCanBeFiled() throws Exception {
		String number = applyDirectly(1_000_000).applicationNumber();
		this.mvc.perform(get("/portal/lg/subsidies/" + number + "/notice").with(HAMAMATSU))
			.andExpect(status().isNotFound());

		grant(number, 500_000L);

		this.mvc.perform(get("/portal/lg/subsidies/" + number).with(HAMAMATSU))
			.andExpect(status().isOk())
			.andExpect(content()
				.string(allOf(containsString("交付決定"), containsString("500,000円"), containsString("実績報告に領収書の写しを添付すること"),
						containsString("href=\"/portal/lg/subsidies/" + number + "/notice\""),
						containsString("/change-request"), containsString("/report"))));
		this.mvc.perform(get("/portal/lg/subsidies/" + number + "/notice").with(HAMAMATSU))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("交付決定通知書"), containsString("500,000円"))));

		// A change request without a reason is refused in the page
		this.mvc
			.perform(post("/portal/lg/subsidies/" + number + "/change-request").with(HAMAMATSU)
				.with(csrf())
				.param("costs[0].description", "翻訳費")
				.param("costs[0].amount", "1200000"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("説明を入力してください")));

		this.mvc
			.perform(post("/portal/lg/subsidies/" + number + "/report").with(HAMAMATSU)
				.with(csrf())
				.param("costs[0].description", "翻訳費")
				.param("costs[0].amount", "900000")
				.param("projectSummary", "予定どおり実施しました"))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("flash", "subsidy.flash.reported"));
		assertThat(this.subsidies.forMunicipality(number, HAMAMATSU_CODE).status())
			.isEqualTo(SubsidyStatus.REPORT_SUBMITTED);
	}

	// ---- helpers

	private MockHttpServletRequestBuilder apply(String programme, int fiscalYear, Map<String, String> changes) {
		return post("/portal/lg/subsidies/apply").param("programme", programme)
			.param("fiscalYear", String.valueOf(fiscalYear))
			.params(form(changes))
			.with(HAMAMATSU)
			.with(csrf());
	}

	/** A complete application form (1,000,000 yen of costs), with some fields changed. */
	private static MultiValueMap<String, String> form(Map<String, String> changes) {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("projectTitle", "多言語観光案内の整備");
		fields.put("projectSummary", "見積もりのとおり実施する");
		fields.put("projectStart", "2026-07-01");
		fields.put("projectEnd", "2026-12-31");
		for (int i = 0; i < SubsidyForm.MIN_ROWS; i++) {
			fields.put("costs[" + i + "].description", "");
			fields.put("costs[" + i + "].amount", "");
		}
		fields.put("costs[0].description", "翻訳費");
		fields.put("costs[0].amount", "1000000");
		fields.putAll(changes);
		LinkedMultiValueMap<String, String> params = new LinkedMultiValueMap<>();
		fields.forEach(params::add);
		return params;
	}

	private ApplicationView applyDirectly(long cost) {
		return this.subsidies.apply(HAMAMATSU_CODE,
				new NewApplication("ECONOMIC_INBOUND", this.year, "多言語観光案内の整備", "外国人観光客向けの案内を整備する。",
						LocalDate.of(2026, 7, 1), LocalDate.of(2026, 12, 31), List.of(new CostLine("翻訳費", cost))));
	}

	private void grant(String number, long amount) {
		new SubsidyTasks(this.taskService).grantAsDemoStaff(number, amount, "実績報告に領収書の写しを添付すること");
		assertThat(this.subsidies.forMunicipality(number, HAMAMATSU_CODE).status()).isEqualTo(SubsidyStatus.GRANTED);
	}

	private void complete(String number, String taskKey, String user, Map<String, Object> variables) {
		new SubsidyTasks(this.taskService).complete(number, taskKey, user, variables);
	}

	private Task task(String number, String taskKey) {
		return new SubsidyTasks(this.taskService).task(number, taskKey);
	}

	private static String number(MvcResult result) {
		String page = result.getResponse().getRedirectedUrl();
		return page.substring(page.lastIndexOf('/') + 1);
	}

	private long count() {
		return this.jdbc.queryForObject("select count(*) from subsidy_application", Long.class);
	}

	private static RequestPostProcessor localGovernment(String user, String municipalityCode) {
		return authentication(new UsernamePasswordAuthenticationToken(user, null,
				List.of(new SimpleGrantedAuthority("ROLE_lg-" + municipalityCode))));
	}

}
