package jp.localgov.casework.inquiry.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jp.localgov.casework.inquiry.process.InquiryProcess;
import jp.localgov.casework.support.CaseworkSpringBootTest;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The inquiry API as an applicant and a local government use it, including every bad
 * input.
 */
@CaseworkSpringBootTest
@AutoConfigureMockMvc
class InquiryApiTests {

	private static final String VALID = """
			{"applicantName": "佐々木 葵", "organization": "浜松市 国際課", "municipalityCode": "221309",
			 "email": "sasaki@hamamatsu.example.jp", "language": "ja", "field": "OVERSEAS_INFORMATION",
			 "subject": "フランスの地方自治制度について", "body": "県と市の役割分担を教えてください。"}""";

	private static final byte[] PDF = "%PDF-1.4\n%%EOF\n".repeat(64)
		.getBytes(java.nio.charset.StandardCharsets.US_ASCII);

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TaskService taskService;

	private final ObjectMapper json = new ObjectMapper();

	@Test
	void submissionGivesATrackingNumberAndAPrivateTokenThatShowsTheStages() throws Exception {
		JsonNode created = submit(VALID).andExpect(status().isCreated())
			.andExpect(header().string("Location", matchesPattern("/api/inquiries/INQ-\\d{4}-\\d{6}")))
			.andExpect(jsonPath("$.trackingNumber").value(matchesPattern("INQ-\\d{4}-\\d{6}")))
			.andExpect(jsonPath("$.status").value("WAITING_FOR_RECEPTION"))
			.andReturn()
			.getResponse()
			.getContentAsString()
			.transform(this::read);
		String number = created.get("trackingNumber").asText();
		String token = created.get("accessToken").asText();
		assertThat(token).hasSizeGreaterThanOrEqualTo(43);
		assertThat(this.jdbc.queryForObject("select access_token_hash from inquiry where tracking_number = ?",
				String.class, number))
			.doesNotContain(token)
			.hasSize(64);

		this.mvc.perform(get("/api/inquiries/{number}", number).header("X-Access-Token", token))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("WAITING_FOR_RECEPTION"))
			.andExpect(jsonPath("$.field").value("OVERSEAS_INFORMATION"))
			.andExpect(jsonPath("$.stages[*].status", hasItem("SUBMITTED")))
			.andExpect(jsonPath("$.stages[1].status").value("WAITING_FOR_RECEPTION"))
			.andExpect(jsonPath("$.answers", hasSize(0)))
			.andExpect(jsonPath("$.openInformationRequest").doesNotExist());
	}

	@Test
	void aWrongOrMissingTokenLooksLikeAnUnknownNumber() throws Exception {
		String number = read(submit(VALID).andReturn().getResponse().getContentAsString()).get("trackingNumber")
			.asText();
		String unknown = this.mvc.perform(get("/api/inquiries/INQ-1999-000001").header("X-Access-Token", "x"))
			.andExpect(status().isNotFound())
			.andReturn()
			.getResponse()
			.getContentAsString();
		String wrong = this.mvc.perform(get("/api/inquiries/{number}", number).header("X-Access-Token", "x"))
			.andExpect(status().isNotFound())
			.andReturn()
			.getResponse()
			.getContentAsString();
		this.mvc.perform(get("/api/inquiries/{number}", number)).andExpect(status().isNotFound());
		assertThat(wrong.replace(number, "N")).isEqualTo(unknown.replace("INQ-1999-000001", "N"));
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|',
			textBlock = """
					unknown field           | "field": "OVERSEAS_INFORMATION"       | "field": "ASTROLOGY"             | field
					bad email               | "email": "sasaki@hamamatsu.example.jp" | "email": "not-an-address"        | email
					unknown municipality    | "municipalityCode": "221309"          | "municipalityCode": "999999"     | municipalityCode
					malformed municipality  | "municipalityCode": "221309"          | "municipalityCode": "2213"       | municipalityCode
					blank name              | "applicantName": "佐々木 葵"            | "applicantName": " "             | applicantName
					missing subject         | "subject": "フランスの地方自治制度について"    | "subjectX": "x"                  | subjectX
					bad language            | "language": "ja"                      | "language": "fr"                 | language
					""")
	void badInputIsRefusedNamingTheFieldAndNothingIsStored(String what, String valid, String bad, String field)
			throws Exception {
		long before = count();
		submit(VALID.replace(valid, bad)).andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[*].field", hasItem(field)));
		assertThat(count()).isEqualTo(before);
	}

	@Test
	void bodyOverTwentyThousandCharactersIsRefused() throws Exception {
		long before = count();
		String body = "あ".repeat(20_001);
		submit(VALID.replace("県と市の役割分担を教えてください。", body)).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", hasItem("body")));
		submit(VALID.replace("県と市の役割分担を教えてください。", "あ".repeat(20_000))).andExpect(status().isCreated());
		assertThat(count()).isEqualTo(before + 1);
	}

	@Test
	void malformedJsonIsRefused() throws Exception {
		long before = count();
		submit("{\"applicantName\": ").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(matchesPattern(".*JSON.*")));
		assertThat(count()).isEqualTo(before);
	}

	@Test
	void attachmentsUpToFiveOfTenMegabytes() throws Exception {
		JsonNode created = read(submit(VALID).andReturn().getResponse().getContentAsString());
		String number = created.get("trackingNumber").asText();
		String token = created.get("accessToken").asText();

		for (int i = 1; i <= 5; i++) {
			attach(number, token, new MockMultipartFile("file", "資料" + i + ".pdf", "application/pdf", PDF))
				.andExpect(status().isCreated())
				.andExpect(jsonPath("$.filename").value("資料" + i + ".pdf"));
		}
		attach(number, token, new MockMultipartFile("file", "six.pdf", "application/pdf", new byte[10]))
			.andExpect(status().isConflict());
		attach(number, "wrong", new MockMultipartFile("file", "x.pdf", "application/pdf", new byte[10]))
			.andExpect(status().isNotFound());

		String body = this.mvc.perform(get("/api/inquiries/{number}", number).header("X-Access-Token", token))
			.andExpect(jsonPath("$.attachments", hasSize(5)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		long id = read(body).get("attachments").get(0).get("id").asLong();
		this.mvc.perform(get("/api/inquiries/{number}/attachments/{id}", number, id).header("X-Access-Token", token))
			.andExpect(status().isOk())
			.andExpect(content().bytes(PDF));
	}

	@Test
	void attachmentsOverTenMegabytesOrEmptyAreRefused() throws Exception {
		JsonNode created = read(submit(VALID).andReturn().getResponse().getContentAsString());
		String number = created.get("trackingNumber").asText();
		String token = created.get("accessToken").asText();
		attach(number, token,
				new MockMultipartFile("file", "big.pdf", "application/pdf", new byte[10 * 1024 * 1024 + 1]))
			.andExpect(status().is4xxClientError());
		attach(number, token, new MockMultipartFile("file", "empty.pdf", "application/pdf", new byte[0]))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("file"));
	}

	@Test
	void applicantAnswersARequestForInformation() throws Exception {
		JsonNode created = read(submit(VALID).andReturn().getResponse().getContentAsString());
		String number = created.get("trackingNumber").asText();
		String token = created.get("accessToken").asText();
		reply(number, token, "{\"text\": \"早すぎる回答\"}").andExpect(status().isConflict());

		// Staff ask for more information
		completeTask(number, InquiryProcess.TASK_RECEIVE, Map.of(InquiryProcess.DEPARTMENT, "exchangeCooperation"));
		completeTask(number, InquiryProcess.TASK_ASSIGN_STAFF,
				Map.of(InquiryProcess.DEPARTMENT_DECISION, "ASSIGN", InquiryProcess.STAFF_MEMBER, "ito"));
		completeTask(number, InquiryProcess.TASK_ANSWER,
				Map.of(InquiryProcess.ANSWER_KIND, "REQUEST_INFO", InquiryProcess.ANSWER_TEXT, "対象の州を教えてください。"));
		this.mvc.perform(get("/api/inquiries/{number}", number).header("X-Access-Token", token))
			.andExpect(jsonPath("$.status").value("WAITING_FOR_APPLICANT"))
			.andExpect(jsonPath("$.openInformationRequest.question").value("対象の州を教えてください。"));

		reply(number, token, "{\"text\": \"\"}").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("text"));
		reply(number, "wrong", "{\"text\": \"x\"}").andExpect(status().isNotFound());
		reply(number, token, "{\"text\": \"ブルターニュ地域圏です。\"}").andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("STAFF_ASSIGNED"))
			.andExpect(jsonPath("$.openInformationRequest").doesNotExist());
		assertThat(this.taskService.createTaskQuery()
			.processInstanceBusinessKey(number)
			.taskDefinitionKey(InquiryProcess.TASK_ANSWER)
			.singleResult()
			.getAssignee()).isEqualTo("ito");
	}

	@Test
	void aLocalGovernmentSeesEveryInquiryOfItsMunicipalityAndNoOther() throws Exception {
		String number = read(submit(VALID).andReturn().getResponse().getContentAsString()).get("trackingNumber")
			.asText();

		this.mvc.perform(get("/api/inquiries").with(httpBasic("hamamatsu", "demo")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].trackingNumber", hasItem(number)));
		this.mvc.perform(get("/api/inquiries/{number}", number).with(httpBasic("hamamatsu", "demo")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.subject").value("フランスの地方自治制度について"));
		this.mvc.perform(get("/api/inquiries/{number}", number).with(httpBasic("chiyoda", "demo")))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/api/inquiries").with(httpBasic("chiyoda", "demo")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].trackingNumber").value(org.hamcrest.Matchers.not(hasItem(number))));
		this.mvc.perform(get("/api/inquiries")).andExpect(status().isUnauthorized());
		this.mvc.perform(get("/api/inquiries").with(httpBasic("desk", "demo"))).andExpect(status().isForbidden());
	}

	private void completeTask(String number, String taskKey, Map<String, Object> variables) {
		String taskId = this.taskService.createTaskQuery()
			.processInstanceBusinessKey(number)
			.taskDefinitionKey(taskKey)
			.singleResult()
			.getId();
		this.taskService.complete(taskId, variables);
	}

	private ResultActions submit(String body) throws Exception {
		return this.mvc.perform(post("/api/inquiries").contentType(MediaType.APPLICATION_JSON).content(body));
	}

	private ResultActions reply(String number, String token, String body) throws Exception {
		return this.mvc.perform(post("/api/inquiries/{number}/replies", number).header("X-Access-Token", token)
			.contentType(MediaType.APPLICATION_JSON)
			.content(body));
	}

	private ResultActions attach(String number, String token, MockMultipartFile file) throws Exception {
		return this.mvc.perform(
				multipart("/api/inquiries/{number}/attachments", number).file(file).header("X-Access-Token", token));
	}

	private long count() {
		return this.jdbc.queryForObject("select count(*) from inquiry", Long.class);
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
