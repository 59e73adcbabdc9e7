package jp.localgov.casework.inquiry;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.internet.MimeMessage;
import jp.localgov.casework.platform.StaffGroup;
import jp.localgov.casework.support.TestSmtp;
import jp.localgov.casework.support.CaseworkPostgresTest;
import jp.localgov.casework.support.HttpClientSupport;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An inquiry from the applicant's {@code POST} to the final answer, on PostgreSQL 17 with
 * the job executor running: the staff work through the engine REST API as members of the
 * real groups, and the applicant's mails arrive at a real SMTP server.
 */
@CaseworkPostgresTest
@Order(CaseworkPostgresTest.ORDER)
class InquiryEndToEndTests {

	@RegisterExtension
	static GreenMailExtension smtp = TestSmtp.server();

	private static final String PASSWORD = "e2e-Passw0rd!";

	private static final String APPLICANT = "kokusai@shizuoka.example.jp";

	@LocalServerPort
	int port;

	@Autowired
	IdentityService identityService;

	private final ObjectMapper json = new ObjectMapper();

	HttpClientSupport http;

	@BeforeEach
	void staff() {
		this.http = new HttpClientSupport(this.port);
		person("e2eDesk", "desk@e2e.example.jp", StaffGroup.SECRETARIAT.id());
		person("e2eLead", "lead@e2e.example.jp", StaffGroup.EXCHANGE_COOPERATION.id(),
				StaffGroup.EXCHANGE_COOPERATION.leadGroupId());
		person("e2eStaff", "staff@e2e.example.jp", StaffGroup.EXCHANGE_COOPERATION.id());
		person("e2eOther", "other@e2e.example.jp", StaffGroup.JET.id());
	}

	@AfterEach
	void removeStaff() {
		for (String id : List.of("e2eDesk", "e2eLead", "e2eStaff", "e2eOther")) {
			this.identityService.deleteUser(id);
		}
	}

	@Test
	void inquiryTravelsFromTheApplicantThroughTheGroupsToTheFinalAnswer() throws Exception {
		// The applicant submits
		HttpResponse<String> created = this.http.postJson("/api/inquiries", """
				{"applicantName": "望月 蓮", "organization": "静岡市 国際交流課", "municipalityCode": "221007",
				 "email": "%s", "language": "en", "field": "INTERPRETATION_TRANSLATION",
				 "subject": "Interpreter for a sister-city visit", "body": "We need an interpreter for Portuguese."}"""
			.formatted(APPLICANT), null, null);
		assertThat(created.statusCode()).isEqualTo(201);
		String number = read(created.body()).get("trackingNumber").asText();
		String token = read(created.body()).get("accessToken").asText();

		// The desk receives it; a member of another department cannot touch it
		String reception = taskOf(number, "e2eDesk");
		assertThat(this.http.postJson("/engine-rest/task/" + reception + "/complete", "{}", "e2eOther", PASSWORD)
			.statusCode()).isEqualTo(403);
		complete(reception, "e2eDesk", """
				{"variables": {"department": {"value": "exchangeCooperation"}}}""");

		// The lead assigns the staff member, who answers in two steps
		complete(taskOf(number, "e2eLead"), "e2eLead", """
				{"variables": {"departmentDecision": {"value": "ASSIGN"}, "staffMember": {"value": "e2eStaff"}}}""");
		String answer = taskOf(number, "e2eStaff");
		complete(answer, "e2eStaff",
				"""
						{"variables": {"answerKind": {"value": "INTERIM"}, "answerText": {"value": "We are looking for an interpreter."}}}""");
		complete(taskOf(number, "e2eStaff"), "e2eStaff",
				"""
						{"variables": {"answerKind": {"value": "FINAL"}, "answerText": {"value": "Ms Silva will interpret."}}}""");

		// The applicant sees every stage and both answers
		assertThat(this.http.get("/api/inquiries/" + number, null, null).statusCode()).isEqualTo(404);
		JsonNode status = read(statusWithToken(number, token));
		assertThat(status.get("status").asText()).isEqualTo("FINAL_ANSWERED");
		assertThat(status.get("stages").findValuesAsText("status")).containsExactly("SUBMITTED",
				"WAITING_FOR_RECEPTION", "DEPARTMENT_ASSIGNED", "STAFF_ASSIGNED", "INTERIM_ANSWERED", "FINAL_ANSWERED");
		assertThat(status.get("answers").findValuesAsText("kind")).containsExactly("INTERIM", "FINAL");

		// And got an English mail at each moment, sent by the job executor
		assertThat(smtp.waitForIncomingEmail(30_000, 5)).isTrue();
		List<String> subjects = Arrays.stream(smtp.getReceivedMessages())
			.filter((message) -> to(message, APPLICANT))
			.map(InquiryEndToEndTests::subject)
			.toList();
		assertThat(subjects).hasSize(5).allSatisfy((subject) -> assertThat(subject).contains(number));
		assertThat(subjects).anySatisfy((subject) -> assertThat(subject).contains("We have received your inquiry"))
			.anySatisfy((subject) -> assertThat(subject).contains("Answer to your inquiry"));
	}

	private String statusWithToken(String number, String token) throws Exception {
		HttpResponse<String> response = this.http.getWithHeader("/api/inquiries/" + number, "X-Access-Token", token);
		assertThat(response.statusCode()).isEqualTo(200);
		return response.body();
	}

	private String taskOf(String number, String user) throws Exception {
		HttpResponse<String> response = this.http
			.get("/engine-rest/task?maxResults=10&processInstanceBusinessKey=" + number, user, PASSWORD);
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode tasks = read(response.body());
		assertThat(tasks).as(user + " sees the current task").hasSize(1);
		return tasks.get(0).get("id").asText();
	}

	private void complete(String taskId, String user, String body) {
		assertThat(this.http.postJson("/engine-rest/task/" + taskId + "/complete", body, user, PASSWORD).statusCode())
			.as("complete as " + user)
			.isEqualTo(204);
	}

	private void person(String id, String email, String... groups) {
		User user = this.identityService.newUser(id);
		user.setFirstName(id);
		user.setLastName("E2E");
		user.setEmail(email);
		user.setPassword(PASSWORD);
		this.identityService.saveUser(user);
		for (String group : groups) {
			this.identityService.createMembership(id, group);
		}
	}

	private JsonNode read(String body) throws Exception {
		return this.json.readTree(body);
	}

	private static boolean to(MimeMessage message, String recipient) {
		try {
			return Arrays.stream(message.getAllRecipients())
				.anyMatch((address) -> address.toString().equals(recipient));
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String subject(MimeMessage message) {
		try {
			return message.getSubject();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
