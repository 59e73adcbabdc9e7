package jp.localgov.casework.inquiry.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jp.localgov.casework.inquiry.InquiryField;
import jp.localgov.casework.inquiry.InquiryService;
import jp.localgov.casework.inquiry.NewInquiry;
import jp.localgov.casework.inquiry.Submission;
import jp.localgov.casework.inquiry.process.InquiryProcess;
import jp.localgov.casework.support.CaseworkSpringBootTest;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

/**
 * The applicant portal as applicants and local governments use it in a browser: the
 * inquiry form in Japanese and English with every bad input, the private link page with
 * its stages, replies and attachments, and the pages of logged-in local governments.
 * Staff's part is played by completing the lifecycle's tasks directly.
 */
@CaseworkSpringBootTest
@AutoConfigureMockMvc
class InquiryPortalTests {

	private static final String HAMAMATSU = "221309";

	private static final String CHIYODA = "131016";

	private static final Pattern PRIVATE_LINK = Pattern
		.compile("/portal/inquiries/(INQ-\\d{4}-\\d{6})\\?token=([A-Za-z0-9_-]{43})");

	private static final Pattern CURRENT_STAGE = Pattern
		.compile("<li[^>]*aria-current=\"step\"[^>]*>\\s*<span class=\"stage\">([^<]+)</span>");

	@Autowired
	MockMvc mvc;

	@Autowired
	InquiryService inquiries;

	@Autowired
	TaskService taskService;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void theFormIsJapaneseByDefault() throws Exception {
		String page = html(this.mvc.perform(get("/portal/inquiries/new")).andExpect(status().isOk()));

		assertThat(page).containsPattern("<html[^>]*lang=\"ja\"")
			.contains("<title>お問い合わせ – オンライン事務局</title>")
			.contains("氏名", "所属団体", "団体コード", "メールアドレス", "件名", "お問い合わせ内容", "添付ファイル")
			.contains("通訳・翻訳", "国際交流", "海外研修", "海外情報", "一般問い合わせ")
			.containsPattern("<label for=\"applicantName\">")
			.contains("<p class=\"hint\" id=\"organization-hint\">例：浜松市 国際課</p>")
			.contains("aria-describedby=\"organization-hint\"")
			.contains("name=\"_csrf\"", "enctype=\"multipart/form-data\"", "maxlength=\"20000\"", "<datalist")
			.contains("href=\"/portal/inquiries/new?lang=en\"")
			.doesNotContain("??");
		this.mvc.perform(get("/portal")).andExpect(redirectedUrl("/portal/inquiries/new"));
	}

	@Test
	void theFormIsEnglishWithLangEnForTheRestOfTheVisit() throws Exception {
		MvcResult english = this.mvc.perform(get("/portal/inquiries/new").param("lang", "en"))
			.andExpect(status().isOk())
			.andReturn();
		assertThat(english.getResponse().getContentAsString(StandardCharsets.UTF_8))
			.containsPattern("<html[^>]*lang=\"en\"")
			.contains("Your inquiry", "Interpretation &amp; translation", "General inquiry", "Send")
			.doesNotContain("??", "お問い合わせ内容");
		MockHttpSession session = (MockHttpSession) english.getRequest().getSession();

		assertThat(html(this.mvc.perform(get("/portal/inquiries/new").session(session))))
			.containsPattern("<html[^>]*lang=\"en\"");
		assertThat(html(this.mvc.perform(submit(valid("applicantName", " ")).session(session))))
			.contains("Enter your name.");
		assertThat(html(this.mvc.perform(get("/portal/inquiries/new").param("lang", "fr").session(session))))
			.containsPattern("<html[^>]*lang=\"ja\"");
	}

	@Test
	void aValidSubmissionLeadsToThePrivatePageWithTheTrackingNumber() throws Exception {
		long before = count();
		MockMultipartFile file = new MockMultipartFile("attachments", "交流計画.pdf", "application/pdf",
				"%PDF-1.4 計画".getBytes(StandardCharsets.UTF_8));
		MvcResult result = send(submit(valid()).file(file));
		assertThat(result.getResponse().getStatus()).isEqualTo(302);
		assertThat(result.getResponse().getRedirectedUrl()).startsWith("/portal/inquiries/INQ-");
		Matcher link = PRIVATE_LINK.matcher(result.getResponse().getRedirectedUrl());
		assertThat(link.matches()).isTrue();
		String number = link.group(1);
		assertThat(result.getFlashMap().get("submitted")).isEqualTo(number);
		assertThat(count()).isEqualTo(before + 1);

		String page = html(
				this.mvc.perform(get(result.getResponse().getRedirectedUrl()).flashAttrs(result.getFlashMap()))
					.andExpect(status().isOk()));
		assertThat(page).contains("お問い合わせを受け付けました。受付番号は " + number + " です。")
			.contains("ブックマーク", "メールでもお送りしました")
			.contains("<meta name=\"referrer\" content=\"no-referrer\">")
			.contains("フランスの地方自治制度について", "海外情報", "交流計画.pdf")
			.contains("申請", "受付待ち", "担当課指定", "担当指定", "中間回答", "最終回答")
			.doesNotContain("??", "次のファイルは添付できませんでした");
		assertThat(currentStage(page)).isEqualTo("受付待ち");
		assertThat(this.inquiries.view(number).language()).isEqualTo("ja");

		assertThat(html(this.mvc.perform(get(result.getResponse().getRedirectedUrl())))).doesNotContain("受け付けました。");
	}

	@Test
	void anUploadThatWasCutOffStoresNothing() throws Exception {
		long before = count();
		MockMultipartFile unreadable = new MockMultipartFile("attachments", "壊れた資料.pdf", "application/pdf",
				new byte[10]) {

			@Override
			public byte[] getBytes() throws IOException {
				throw new IOException("the upload was cut off");
			}

		};

		String page = html(this.mvc.perform(submit(valid()).file(unreadable)).andExpect(status().isBadRequest()));

		assertThat(errorAt(page, "attachments")).contains("ファイル「壊れた資料.pdf」は添付できませんでした。");
		assertThat(count()).isEqualTo(before);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			blank name           | applicantName    | '  '           | 氏名を入力してください。
			bad email            | email            | not-an-address | メールアドレスの形式が正しくありません
			unknown municipality | municipalityCode | 999999         | 団体コード「999999」の自治体はありません。
			malformed code       | municipalityCode | 2213           | 団体コードは6桁の数字で入力してください
			missing field        | field            |                | サービス分野を選んでください。
			unknown field        | field            | ASTROLOGY      | サービス分野を選んでください。
			blank subject        | subject          | ''             | 件名を入力してください。
			""")
	void badInputComesBackAs400WithTheMessageAtTheFieldKeepingEverythingAndStoringNothing(String what, String field,
			String value, String message) throws Exception {
		long before = count();
		Map<String, String> form = valid(field, value);

		String page = html(this.mvc.perform(submit(form)).andExpect(status().isBadRequest()));

		assertThat(errorAt(page, field)).contains(message);
		assertThat(page).contains("class=\"error-summary\"", "href=\"#" + field + "\"").doesNotContain("??");
		form.forEach((name, typed) -> {
			if ("body".equals(name)) {
				assertThat(page).contains(typed + "</textarea>");
			}
			else if ("consent".equals(name)) {
				assertThat(page).containsPattern("<input(?=[^>]*name=\"consent\")(?=[^>]*checked)[^>]*>");
			}
			else if ("field".equals(name)) {
				if (EnumSet.allOf(InquiryField.class).stream().anyMatch((choice) -> choice.name().equals(typed))) {
					assertThat(page).as("choice kept")
						.containsPattern("<input(?=[^>]*value=\"" + typed + "\")(?=[^>]*checked)[^>]*>");
				}
			}
			else {
				assertThat(page).contains("value=\"" + typed + "\"");
			}
		});
		assertThat(count()).isEqualTo(before);
	}

	@Test
	void anUnknownMunicipalityIsReportedTogetherWithTheOtherErrors() throws Exception {
		Map<String, String> form = valid("municipalityCode", "999999");
		form.put("applicantName", "");

		String page = html(this.mvc.perform(submit(form)).andExpect(status().isBadRequest()));

		assertThat(errorAt(page, "applicantName")).contains("氏名を入力してください。");
		assertThat(errorAt(page, "municipalityCode")).contains("団体コード「999999」の自治体はありません。");
	}

	@Test
	void aBodyOverTwentyThousandCharactersComesBackWhole() throws Exception {
		long before = count();
		String body = "あ".repeat(20_000) + "い";

		String page = html(this.mvc.perform(submit(valid("body", body))).andExpect(status().isBadRequest()));

		assertThat(errorAt(page, "body")).contains("お問い合わせ内容は20,000文字以内で入力してください。");
		assertThat(page).contains(">" + body + "</textarea>");
		assertThat(count()).isEqualTo(before);
	}

	@Test
	void aFileOverTenMegabytesIsRefusedBeforeAnythingIsStored() throws Exception {
		long before = count();
		MockMultipartFile big = new MockMultipartFile("attachments", "big.pdf", "application/pdf",
				new byte[10 * 1024 * 1024 + 1]);

		String page = html(this.mvc.perform(submit(valid()).file(big)).andExpect(status().isBadRequest()));

		assertThat(errorAt(page, "attachments")).contains("ファイル「big.pdf」は10MBを超えています。");
		assertThat(page).contains("もう一度ファイルを選んでください");
		assertThat(count()).isEqualTo(before);
	}

	@Test
	void theConfirmationShowsWhatWillBeSentBackKeepsEverythingAndAsecondSendSendsNothing() throws Exception {
		long before = count();
		Map<String, String> form = valid("email", "ｓａｓａｋｉ＠ｈａｍａｍａｔｓｕ．ｅｘａｍｐｌｅ．ｊｐ");
		form.put("municipalityCode", "２２１３０９");
		MvcResult confirmed = this.mvc
			.perform(submit(form).file(new MockMultipartFile("attachments", "メモ.txt", "text/plain",
					"年間計画".getBytes(StandardCharsets.UTF_8))))
			.andExpect(redirectedUrl("/portal/inquiries/confirm"))
			.andReturn();
		MockHttpSession session = (MockHttpSession) confirmed.getRequest().getSession();

		String confirmation = html(
				this.mvc.perform(get("/portal/inquiries/confirm").session(session)).andExpect(status().isOk()));
		assertThat(confirmation)
			.contains("入力内容の確認", "sasaki@hamamatsu.example.jp", "221309 静岡県浜松市", "フランスの地方自治制度について", "メモ.txt",
					"個人情報の取扱いに同意済み", ">戻る<", ">送信する<")
			.containsPattern("<li[^>]*aria-current=\"step\"[^>]*>\\s*<span class=\"number\">2</span>");
		assertThat(count()).isEqualTo(before);

		String back = html(this.mvc.perform(get("/portal/inquiries/new").session(session)).andExpect(status().isOk()));
		assertThat(back)
			.contains("value=\"佐々木 葵\"", "value=\"sasaki@hamamatsu.example.jp\"", "value=\"221309\"",
					"比較の資料もあれば助かります。</textarea>", "メモ.txt", "選択済み")
			.containsPattern("<input(?=[^>]*name=\"consent\")(?=[^>]*checked)[^>]*>");

		String token = draftToken(confirmation);
		MvcResult sent = this.mvc.perform(post("/portal/inquiries").param("draft", token).session(session).with(csrf()))
			.andExpect(redirectedUrlPattern("/portal/inquiries/INQ-*"))
			.andReturn();
		assertThat(count()).isEqualTo(before + 1);
		String done = html(this.mvc.perform(get(sent.getResponse().getRedirectedUrl()).flashAttrs(sent.getFlashMap())));
		assertThat(done).contains("完了", "メモ.txt");

		MvcResult again = this.mvc
			.perform(post("/portal/inquiries").param("draft", token).session(session).with(csrf()))
			.andExpect(redirectedUrl(sent.getResponse().getRedirectedUrl()))
			.andReturn();
		assertThat(again.getFlashMap().get("notice")).isEqualTo("notice.alreadySent");
		assertThat(count()).isEqualTo(before + 1);
	}

	@Test
	void withoutConsentToThePersonalInformationNoticeTheFormComesBack() throws Exception {
		String page = html(this.mvc.perform(submit(valid("consent", null))).andExpect(status().isBadRequest()));

		assertThat(page).contains("個人情報の取扱いについて", "利用目的", "保存期間", "お問い合わせ先");
		assertThat(errorAt(page, "consent")).contains("個人情報の取扱いに同意いただく必要があります。");
	}

	@Test
	void aWrongOrMissingTokenShowsTheSameNotFoundPage() throws Exception {
		Submission submission = submit(HAMAMATSU, "秘密の件名です");

		for (ResultActions notFound : new ResultActions[] {
				this.mvc.perform(get("/portal/inquiries/{number}", submission.trackingNumber()).param("token", "x")),
				this.mvc.perform(get("/portal/inquiries/{number}", submission.trackingNumber())),
				this.mvc.perform(get("/portal/inquiries/INQ-1999-000001").param("token", submission.accessToken())),
				this.mvc.perform(get("/portal/inquiries/{number}/attachments/1", submission.trackingNumber())
					.param("token", "x")) }) {
			assertThat(html(notFound.andExpect(status().isNotFound()))).contains("お問い合わせが見つかりません")
				.doesNotContain("秘密の件名です", "Whitelabel", "Exception");
		}
	}

	@Test
	void theApplicantAnswersARequestForInformationOnThePrivatePage() throws Exception {
		Submission submission = submit(HAMAMATSU, "姉妹都市の提携について");
		String number = submission.trackingNumber();
		String token = submission.accessToken();
		completeTask(number, InquiryProcess.TASK_RECEIVE, Map.of(InquiryProcess.DEPARTMENT, "exchangeCooperation"));
		completeTask(number, InquiryProcess.TASK_ASSIGN_STAFF,
				Map.of(InquiryProcess.DEPARTMENT_DECISION, "ASSIGN", InquiryProcess.STAFF_MEMBER, "ito"));
		completeTask(number, InquiryProcess.TASK_ANSWER,
				Map.of(InquiryProcess.ANSWER_KIND, "REQUEST_INFO", InquiryProcess.ANSWER_TEXT, "候補の都市名を教えてください。"));

		String waiting = html(this.mvc.perform(get("/portal/inquiries/{number}", number).param("token", token)));
		assertThat(waiting).contains("追加情報のお願い", "候補の都市名を教えてください。")
			.contains("action=\"/portal/inquiries/" + number + "/replies\"")
			.contains("name=\"token\" value=\"" + token + "\"")
			.contains("<strong>追加情報の待ち</strong>");
		assertThat(currentStage(waiting)).isEqualTo("担当指定");

		String blank = html(this.mvc.perform(reply(number, token, " ")).andExpect(status().isBadRequest()));
		assertThat(blank).contains("回答を入力してください。", "候補の都市名を教えてください。");
		this.mvc.perform(reply(number, "wrong", "x")).andExpect(status().isNotFound());

		MvcResult sent = this.mvc.perform(reply(number, token, "ポートランド市を考えています。"))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/portal/inquiries/" + number + "?token=" + token))
			.andReturn();
		String page = html(this.mvc.perform(get(sent.getResponse().getRedirectedUrl()).flashAttrs(sent.getFlashMap())));
		assertThat(page).contains("送信しました。", "ポートランド市を考えています。", "<strong>担当指定</strong>").doesNotContain("/replies\"");
		assertThat(currentStage(page)).isEqualTo("担当指定");

		assertThat(html(this.mvc.perform(reply(number, token, "もう一度")).andExpect(status().isConflict())))
			.contains("現在、追加情報のお願いはありません。");
	}

	@Test
	void anAttachmentUploadedOnThePrivatePageCanBeDownloaded() throws Exception {
		Submission submission = submit(HAMAMATSU, "添付資料の件");
		String number = submission.trackingNumber();
		String token = submission.accessToken();
		byte[] content = "年間計画 2026".getBytes(StandardCharsets.UTF_8);

		this.mvc
			.perform(multipart("/portal/inquiries/{number}/attachments", number)
				.file(new MockMultipartFile("file", "年間計画.txt", "text/plain", content))
				.param("token", token)
				.with(csrf()))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/portal/inquiries/" + number + "?token=" + token));
		String page = html(this.mvc.perform(get("/portal/inquiries/{number}", number).param("token", token)));
		Matcher download = Pattern.compile("href=\"(/portal/inquiries/" + number + "/attachments/\\d+)\\?token=")
			.matcher(page);
		assertThat(download.find()).isTrue();

		this.mvc.perform(get(download.group(1)).param("token", token))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.startsWith("attachment;")))
			.andExpect(content().bytes(content));
		this.mvc.perform(get(download.group(1)).param("token", "wrong")).andExpect(status().isNotFound());

		String empty = html(this.mvc
			.perform(multipart("/portal/inquiries/{number}/attachments", number).param("token", token).with(csrf()))
			.andExpect(status().isBadRequest()));
		assertThat(empty).contains("ファイルを選んでください。", "年間計画.txt");
	}

	@Test
	void formsWithoutTheCsrfTokenAreRefused() throws Exception {
		long before = count();
		MockMultipartHttpServletRequestBuilder request = multipart("/portal/inquiries/confirm");
		valid().forEach(request::param);
		this.mvc.perform(request).andExpect(status().isForbidden());
		assertThat(count()).isEqualTo(before);
	}

	@Test
	void theLoginPageShowsFailureAndLogout() throws Exception {
		assertThat(html(this.mvc.perform(get("/portal/login")).andExpect(status().isOk())))
			.contains("自治体の方のログイン", "<label for=\"username\">", "<label for=\"password\">", "name=\"_csrf\"")
			.doesNotContain("ユーザー名またはパスワードが正しくありません。");
		assertThat(html(this.mvc.perform(get("/portal/login").param("error", "")))).contains("ユーザー名またはパスワードが正しくありません。");
		assertThat(html(this.mvc.perform(get("/portal/login").param("logout", "")))).contains("ログアウトしました。");
		assertThat(html(this.mvc.perform(get("/portal/login").param("lang", "en")))).contains("Log in", "User name");
		this.mvc.perform(formLogin("/portal/login").user("nobody").password("wrong"))
			.andExpect(redirectedUrl("/portal/login?error"));
		this.mvc.perform(get("/portal/lg/inquiries")).andExpect(redirectedUrlPattern("**/portal/login"));
	}

	@Test
	void aLocalGovernmentSeesOnlyTheInquiriesOfItsMunicipality() throws Exception {
		Submission hamamatsu = submit(HAMAMATSU, "浜松市からの質問");
		Submission chiyoda = submit(CHIYODA, "千代田区からの質問");

		MockHttpSession session = login("hamamatsu");
		String list = html(this.mvc.perform(get("/portal/lg/inquiries").session(session)).andExpect(status().isOk()));
		assertThat(list).contains("静岡県浜松市のお問い合わせ", hamamatsu.trackingNumber(), "浜松市からの質問", "受付待ち")
			.contains("href=\"/portal/lg/inquiries/" + hamamatsu.trackingNumber() + "\"")
			.contains("action=\"/portal/logout\"")
			.doesNotContain(chiyoda.trackingNumber(), "千代田区からの質問");
		assertThat(this.inquiries.ofMunicipality(HAMAMATSU))
			.allSatisfy((inquiry) -> assertThat(list).contains(inquiry.trackingNumber()));

		String detail = html(
				this.mvc.perform(get("/portal/lg/inquiries/{number}", hamamatsu.trackingNumber()).session(session))
					.andExpect(status().isOk()));
		assertThat(detail).contains(hamamatsu.trackingNumber(), "浜松市からの質問", "受付待ち")
			.doesNotContain("/replies\"", "type=\"file\"", "token=");
		assertThat(
				html(this.mvc.perform(get("/portal/lg/inquiries/{number}", chiyoda.trackingNumber()).session(session))
					.andExpect(status().isNotFound())))
			.doesNotContain("千代田区からの質問");

		assertThat(html(this.mvc
			.perform(get("/portal/lg/inquiries/{number}", hamamatsu.trackingNumber()).session(login("chiyoda")))
			.andExpect(status().isNotFound()))).contains("お問い合わせが見つかりません").doesNotContain("浜松市からの質問");

		this.mvc.perform(post("/portal/logout").session(session).with(csrf()))
			.andExpect(redirectedUrl("/portal/login?logout"));
		this.mvc.perform(get("/portal/lg/inquiries").session(session))
			.andExpect(redirectedUrlPattern("**/portal/login"));
	}

	private MockHttpSession login(String user) throws Exception {
		MvcResult result = this.mvc.perform(formLogin("/portal/login").user(user).password("demo"))
			.andExpect(redirectedUrl("/portal/lg/inquiries"))
			.andReturn();
		return (MockHttpSession) result.getRequest().getSession(false);
	}

	private static Map<String, String> valid() {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("applicantName", "佐々木 葵");
		form.put("organization", "浜松市 国際課");
		form.put("municipalityCode", HAMAMATSU);
		form.put("email", "sasaki@hamamatsu.example.jp");
		form.put("field", InquiryField.OVERSEAS_INFORMATION.name());
		form.put("subject", "フランスの地方自治制度について");
		form.put("body", "県と市の役割分担を教えてください。\r\n比較の資料もあれば助かります。");
		form.put("consent", "true");
		return form;
	}

	/** The valid form with one field changed; {@code null} leaves the field out. */
	private static Map<String, String> valid(String field, String value) {
		Map<String, String> form = valid();
		if (value == null) {
			form.remove(field);
		}
		else {
			form.put(field, value);
		}
		return form;
	}

	/** The 入力 step: the form posted for confirmation (in a session of its own). */
	private static MockMultipartHttpServletRequestBuilder submit(Map<String, String> form) {
		MockMultipartHttpServletRequestBuilder request = multipart("/portal/inquiries/confirm");
		form.forEach(request::param);
		request.with(csrf());
		request.session(new MockHttpSession());
		return request;
	}

	/**
	 * 入力 → 確認 → 完了: posts the form, opens the confirmation and presses 送信.
	 * @return the answer to 送信
	 */
	private MvcResult send(MockMultipartHttpServletRequestBuilder form) throws Exception {
		MvcResult confirmed = this.mvc.perform(form)
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/portal/inquiries/confirm"))
			.andReturn();
		MockHttpSession session = (MockHttpSession) confirmed.getRequest().getSession();
		String page = html(
				this.mvc.perform(get("/portal/inquiries/confirm").session(session)).andExpect(status().isOk()));
		return this.mvc
			.perform(post("/portal/inquiries").param("draft", draftToken(page)).session(session).with(csrf()))
			.andReturn();
	}

	static String draftToken(String confirmationPage) {
		Matcher token = Pattern.compile("name=\"draft\" value=\"([A-Za-z0-9_-]+)\"").matcher(confirmationPage);
		assertThat(token.find()).as("draft token on the confirmation page").isTrue();
		return token.group(1);
	}

	private static MockHttpServletRequestBuilder reply(String number, String token, String text) {
		return post("/portal/inquiries/{number}/replies", number).param("token", token)
			.param("text", text)
			.with(csrf());
	}

	private Submission submit(String municipalityCode, String subject) {
		return this.inquiries
			.submit(new NewInquiry("佐々木 葵", "国際課", municipalityCode, "portal-" + System.nanoTime() + "@city.example.jp",
					"ja", InquiryField.INTERNATIONAL_EXCHANGE, subject, "お問い合わせの本文です。"));
	}

	private void completeTask(String number, String taskKey, Map<String, Object> variables) {
		String taskId = this.taskService.createTaskQuery()
			.processInstanceBusinessKey(number)
			.taskDefinitionKey(taskKey)
			.singleResult()
			.getId();
		this.taskService.complete(taskId, variables);
	}

	private long count() {
		return this.jdbc.queryForObject("select count(*) from inquiry", Long.class);
	}

	private static String html(ResultActions result) throws Exception {
		return result.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

	/** The error message shown next to a field of the inquiry form. */
	private static String errorAt(String page, String field) {
		Matcher error = Pattern.compile("<p class=\"error\" id=\"" + field + "-error\">(.*?)</p>", Pattern.DOTALL)
			.matcher(page);
		assertThat(error.find()).as("error message at " + field).isTrue();
		return error.group(1);
	}

	private static String currentStage(String page) {
		Matcher current = CURRENT_STAGE.matcher(page);
		assertThat(current.find()).as("current stage").isTrue();
		return current.group(1).strip();
	}

}
