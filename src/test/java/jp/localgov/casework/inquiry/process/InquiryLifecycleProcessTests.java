package jp.localgov.casework.inquiry.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.internet.MimeMessage;
import jp.localgov.casework.inquiry.InquiryField;
import jp.localgov.casework.inquiry.InquiryService;
import jp.localgov.casework.inquiry.InquiryStatus;
import jp.localgov.casework.inquiry.NewInquiry;
import jp.localgov.casework.inquiry.Submission;
import jp.localgov.casework.support.TestSmtp;
import jp.localgov.casework.support.CaseworkSpringBootTest;
import jp.localgov.casework.support.EngineJobs;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every path of {@code InquiryLifecycle}: answer, re-routing, information requests
 * answered and unanswered, and the reminder and breach of each deadline, with the mails
 * the applicant and staff receive. Time moves by the engine clock.
 */
@CaseworkSpringBootTest
class InquiryLifecycleProcessTests {

	@RegisterExtension
	static GreenMailExtension mail = TestSmtp.server();

	/** Monday 2026-11-30 10:00 JST: office days follow without holidays. */
	static final Instant MONDAY_MORNING = Instant.parse("2026-11-30T01:00:00Z");

	@Autowired
	ProcessEngine processEngine;

	@Autowired
	InquiryService inquiries;

	EngineJobs jobs;

	/** A fresh applicant address per test, so each test sees only its own mails. */
	String applicant;

	@BeforeEach
	void setUp() {
		init(this.processEngine);
		this.jobs = new EngineJobs(this.processEngine.getManagementService());
		this.jobs.clockAt(MONDAY_MORNING);
		this.applicant = "applicant-" + System.nanoTime() + "@city.example.jp";
	}

	@AfterEach
	void resetClock() {
		EngineJobs.resetClock();
	}

	@Test
	void deskRoutesLeadAssignsStaffAnswersInterimThenFinal() throws Exception {
		// Given an applicant submits a translation question
		Submission submission = submit(InquiryField.INTERPRETATION_TRANSLATION);
		ProcessInstance inquiry = instance(submission);

		// Then the desk sees it with the department the table proposes
		assertThat(inquiry).isWaitingAt(InquiryProcess.TASK_RECEIVE);
		assertThat(task(inquiry)).hasCandidateGroup("secretariat");
		assertThat(inquiry).variables()
			.containsEntry(InquiryProcess.PROPOSED_DEPARTMENT, "exchangeCooperation")
			.containsEntry(InquiryProcess.DEPARTMENT, "exchangeCooperation");
		assertThat(status(submission)).isEqualTo(InquiryStatus.WAITING_FOR_RECEPTION);

		// When the desk confirms, the lead assigns ito, and ito answers in two steps
		complete(task(inquiry), withVariables(InquiryProcess.DEPARTMENT, "exchangeCooperation"));
		assertThat(status(submission)).isEqualTo(InquiryStatus.DEPARTMENT_ASSIGNED);
		assertThat(task(inquiry)).hasCandidateGroup("exchangeCooperationLead")
			.hasDefinitionKey(InquiryProcess.TASK_ASSIGN_STAFF);
		complete(task(inquiry),
				withVariables(InquiryProcess.DEPARTMENT_DECISION, "ASSIGN", InquiryProcess.STAFF_MEMBER, "ito"));
		assertThat(status(submission)).isEqualTo(InquiryStatus.STAFF_ASSIGNED);
		assertThat(task(inquiry)).isAssignedTo("ito").hasCandidateGroupAssociated("exchangeCooperation");

		complete(task(inquiry),
				withVariables(InquiryProcess.ANSWER_KIND, "INTERIM", InquiryProcess.ANSWER_TEXT, "翻訳者を手配中です。"));
		assertThat(status(submission)).isEqualTo(InquiryStatus.INTERIM_ANSWERED);
		assertThat(inquiry).isWaitingAt(InquiryProcess.TASK_ANSWER);
		complete(task(inquiry),
				withVariables(InquiryProcess.ANSWER_KIND, "FINAL", InquiryProcess.ANSWER_TEXT, "翻訳者をご紹介します。"));

		// Then the inquiry is answered and the applicant got a mail at each moment
		assertThat(inquiry).hasPassed(InquiryProcess.TASK_PUBLISH_INTERIM, InquiryProcess.TASK_PUBLISH_FINAL).isEnded();
		assertThat(status(submission)).isEqualTo(InquiryStatus.FINAL_ANSWERED);
		assertThat(this.inquiries.view(submission.trackingNumber()).stages()).extracting("status")
			.containsExactly(InquiryStatus.SUBMITTED, InquiryStatus.WAITING_FOR_RECEPTION,
					InquiryStatus.DEPARTMENT_ASSIGNED, InquiryStatus.STAFF_ASSIGNED, InquiryStatus.INTERIM_ANSWERED,
					InquiryStatus.FINAL_ANSWERED);
		this.jobs.sendQueuedMails();
		assertThat(subjectsTo(this.applicant)).hasSize(5)
			.anySatisfy((subject) -> assertThat(subject).contains("受け付けました").contains(submission.trackingNumber()))
			.anySatisfy((subject) -> assertThat(subject).contains("中間回答"))
			.anySatisfy((subject) -> assertThat(subject).contains("回答をお送りします"));
		assertThat(bodiesTo(this.applicant)).anySatisfy((body) -> assertThat(body).contains("翻訳者をご紹介します。"))
			.anySatisfy((body) -> assertThat(body)
				.contains("/portal/inquiries/" + submission.trackingNumber() + "?token=" + submission.accessToken()));
	}

	@Test
	void departmentSendsAnInquiryThatIsNotTheirsBackToTheDesk() {
		Submission submission = submit(InquiryField.GENERAL);
		ProcessInstance inquiry = instance(submission);
		complete(task(inquiry), withVariables(InquiryProcess.DEPARTMENT, "information"));

		// When the lead of the information department sends it back
		complete(task(inquiry), withVariables(InquiryProcess.DEPARTMENT_DECISION, "RETURN",
				InquiryProcess.RETURN_REASON, "JET の制度に関する質問のため"));

		// Then the desk receives it again, with the reason, and routes it elsewhere
		assertThat(inquiry).hasPassed(InquiryProcess.TASK_RETURN_TO_DESK).isWaitingAt(InquiryProcess.TASK_RECEIVE);
		assertThat(status(submission)).isEqualTo(InquiryStatus.WAITING_FOR_RECEPTION);
		assertThat(this.inquiries.view(submission.trackingNumber()).returns()).singleElement()
			.satisfies((back) -> assertThat(back.reason()).contains("JET"));
		assertThat(this.processEngine.getRuntimeService()
			.getVariableTyped(inquiry.getId(), "returnHistory")
			.getValue()
			.toString()).contains("情報課").contains("JET");
		complete(task(inquiry), withVariables(InquiryProcess.DEPARTMENT, "jet"));
		assertThat(task(inquiry)).hasCandidateGroup("jetLead");
		assertThat(this.inquiries.view(submission.trackingNumber()).department()).isEqualTo("jet");
	}

	@Test
	void applicantAnswersARequestForInformationAndTheClockPauses() {
		Submission submission = submit(InquiryField.INTERNATIONAL_EXCHANGE);
		ProcessInstance inquiry = instance(submission);
		Date finalDueBefore = reachAnswerTask(inquiry);

		// When the staff member asks for more information
		complete(task(inquiry), withVariables(InquiryProcess.ANSWER_KIND, "REQUEST_INFO", InquiryProcess.ANSWER_TEXT,
				"交流先の都市名を教えてください。"));
		assertThat(inquiry).isWaitingAt(InquiryProcess.EVENT_GATEWAY_AWAIT_APPLICANT);
		assertThat(status(submission)).isEqualTo(InquiryStatus.WAITING_FOR_APPLICANT);

		// And the applicant replies three days later
		this.jobs.clockAt(this.jobs.now().plus(Duration.ofDays(3)));
		this.inquiries.reply(submission.trackingNumber(), submission.accessToken(), "姉妹都市のポートランドです。");

		// Then the same staff member continues, with deadlines moved by the three days
		assertThat(inquiry).hasPassed(InquiryProcess.TASK_RESUME).isWaitingAt(InquiryProcess.TASK_ANSWER);
		assertThat(task(inquiry)).isAssignedTo("ito");
		assertThat(status(submission)).isEqualTo(InquiryStatus.STAFF_ASSIGNED);
		Date finalDueAfter = (Date) this.processEngine.getRuntimeService()
			.getVariable(inquiry.getId(), InquiryProcess.FINAL_DUE);
		assertThat(Duration.between(finalDueBefore.toInstant(), finalDueAfter.toInstant()))
			.isEqualTo(Duration.ofDays(3));
		assertThat(this.processEngine.getRuntimeService()
			.getVariableTyped(inquiry.getId(), "conversation")
			.getValue()
			.toString()).contains("ポートランド");
	}

	@Test
	void applicantWhoDoesNotAnswerWithin14DaysGetsAClosingNotice() {
		Submission submission = submit(InquiryField.OVERSEAS_TRAINING);
		ProcessInstance inquiry = instance(submission);
		reachAnswerTask(inquiry);
		complete(task(inquiry), withVariables(InquiryProcess.ANSWER_KIND, "REQUEST_INFO", InquiryProcess.ANSWER_TEXT,
				"研修の希望時期を教えてください。"));

		// When 14 days pass without a reply
		this.jobs.clockAt(this.jobs.now().plus(Duration.ofDays(14)).plusSeconds(60));
		this.jobs.executeDue(inquiry.getId());

		// Then the inquiry is closed and the applicant told so
		assertThat(inquiry).hasPassed(InquiryProcess.TIMER_REPLY_DEADLINE, InquiryProcess.TASK_CLOSE_UNANSWERED)
			.isEnded();
		assertThat(status(submission)).isEqualTo(InquiryStatus.CLOSED);
		this.jobs.sendQueuedMails();
		assertThat(subjectsTo(this.applicant)).anySatisfy((subject) -> assertThat(subject).contains("終了しました"));
	}

	@Test
	void receptionDeadlineRemindsTheDeskThenTellsTheLeadAndMarksTheTaskOverdue() {
		Submission submission = submit(InquiryField.GENERAL);
		ProcessInstance inquiry = instance(submission);

		// When the reminder time (6 hours before the 1-day deadline) passes
		this.jobs.clockAt(MONDAY_MORNING.plus(Duration.ofHours(19)));
		this.jobs.executeDue(inquiry.getId());
		assertThat(inquiry).hasPassed(InquiryProcess.BOUNDARY_RECEPTION_REMINDER, "Task_RemindReception")
			.isWaitingAt(InquiryProcess.TASK_RECEIVE);
		this.jobs.sendQueuedMails();
		assertThat(subjectsTo("desk@casework.example.jp"))
			.anySatisfy((subject) -> assertThat(subject).contains("期限間近").contains("受付"));
		assertThat(task(inquiry).getPriority()).isEqualTo(50);

		// And when the deadline itself passes
		this.jobs.clockAt(MONDAY_MORNING.plus(Duration.ofHours(25)));
		this.jobs.executeDue(inquiry.getId());

		// Then the desk lead is told and the task shows as overdue
		assertThat(inquiry).hasPassed(InquiryProcess.BOUNDARY_RECEPTION_OVERDUE, "Task_EscalateReception");
		this.jobs.sendQueuedMails();
		assertThat(subjectsTo("yamada@casework.example.jp"))
			.anySatisfy((subject) -> assertThat(subject).contains("期限超過").contains("受付"));
		Task overdue = task(inquiry);
		assertThat(this.processEngine.getTaskService().getVariableLocal(overdue.getId(), InquiryProcess.OVERDUE))
			.isEqualTo(true);
		assertThat(overdue.getPriority()).isEqualTo(90);
		assertThat(overdue.getDueDate()).isBefore(Date.from(this.jobs.now()));
	}

	@Test
	void interimDeadlineRemindsAndEscalatesWhileNoInterimAnswerWasSent() {
		Submission submission = submit(InquiryField.INTERNATIONAL_EXCHANGE);
		ProcessInstance inquiry = instance(submission);
		reachAnswerTask(inquiry);

		// 3 office days after Monday is Thursday; the reminder comes 6 hours before 17:15
		this.jobs.clockAt(Instant.parse("2026-12-03T03:00:00Z"));
		this.jobs.executeDue(inquiry.getId());
		assertThat(inquiry).hasPassed("Task_RemindInterim");
		this.jobs.clockAt(Instant.parse("2026-12-03T09:00:00Z"));
		this.jobs.executeDue(inquiry.getId());
		assertThat(inquiry).hasPassed("Task_EscalateInterim").isWaitingAt(InquiryProcess.TASK_ANSWER);
		this.jobs.sendQueuedMails();
		assertThat(subjectsTo("ito@casework.example.jp"))
			.anySatisfy((subject) -> assertThat(subject).contains("期限間近").contains("中間回答"));
		assertThat(subjectsTo("kato@casework.example.jp"))
			.anySatisfy((subject) -> assertThat(subject).contains("期限超過").contains("中間回答"));
	}

	@Test
	void interimDeadlineIsQuietOnceAnInterimAnswerWasSentAndTheFinalDeadlineTakesOver() {
		Submission submission = submit(InquiryField.INTERNATIONAL_EXCHANGE);
		ProcessInstance inquiry = instance(submission);
		reachAnswerTask(inquiry);
		complete(task(inquiry),
				withVariables(InquiryProcess.ANSWER_KIND, "INTERIM", InquiryProcess.ANSWER_TEXT, "確認中です。"));
		assertThat(task(inquiry).getDueDate())
			.isEqualTo(this.processEngine.getRuntimeService().getVariable(inquiry.getId(), InquiryProcess.FINAL_DUE));

		// Interim reminder and deadline pass: nothing is sent
		this.jobs.clockAt(Instant.parse("2026-12-03T09:00:00Z"));
		this.jobs.executeDue(inquiry.getId());
		assertThat(inquiry).hasPassed("EndEvent_InterimReminderSkipped", "EndEvent_InterimOverdueResolved")
			.hasNotPassed("Task_RemindInterim", "Task_EscalateInterim");

		// 10 office days after Monday 2026-11-30 is Monday 2026-12-14: reminder, then
		// breach
		this.jobs.clockAt(Instant.parse("2026-12-14T03:00:00Z"));
		this.jobs.executeDue(inquiry.getId());
		assertThat(inquiry).hasPassed("Task_RemindFinal");
		this.jobs.clockAt(Instant.parse("2026-12-14T09:00:00Z"));
		this.jobs.executeDue(inquiry.getId());
		assertThat(inquiry).hasPassed("Task_EscalateFinal").isWaitingAt(InquiryProcess.TASK_ANSWER);
		this.jobs.sendQueuedMails();
		assertThat(subjectsTo("kato@casework.example.jp"))
			.anySatisfy((subject) -> assertThat(subject).contains("期限超過").contains("最終回答"));
	}

	/** Desk confirms, the lead assigns ito; returns the final deadline then in force. */
	private Date reachAnswerTask(ProcessInstance inquiry) {
		complete(task(inquiry), withVariables(InquiryProcess.DEPARTMENT, "exchangeCooperation"));
		complete(task(inquiry),
				withVariables(InquiryProcess.DEPARTMENT_DECISION, "ASSIGN", InquiryProcess.STAFF_MEMBER, "ito"));
		assertThat(inquiry).isWaitingAt(InquiryProcess.TASK_ANSWER);
		return (Date) this.processEngine.getRuntimeService().getVariable(inquiry.getId(), InquiryProcess.FINAL_DUE);
	}

	private Submission submit(InquiryField field) {
		return this.inquiries.submit(
				new NewInquiry("山口 花子", "山口市 国際交流課", "352039", this.applicant, "ja", field, "問い合わせの件名", "問い合わせの本文です。"));
	}

	private ProcessInstance instance(Submission submission) {
		return this.processEngine.getRuntimeService()
			.createProcessInstanceQuery()
			.processInstanceBusinessKey(submission.trackingNumber())
			.processDefinitionKey(InquiryProcess.PROCESS_KEY)
			.singleResult();
	}

	private InquiryStatus status(Submission submission) {
		return this.inquiries.view(submission.trackingNumber()).status();
	}

	private static List<String> subjectsTo(String recipient) {
		return messagesTo(recipient).stream().map((message) -> {
			try {
				return message.getSubject();
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		}).toList();
	}

	private static List<String> bodiesTo(String recipient) {
		return messagesTo(recipient).stream()
			.map(GreenMailUtil::getBody)
			.map(InquiryLifecycleProcessTests::decode)
			.toList();
	}

	private static List<MimeMessage> messagesTo(String recipient) {
		return Arrays.stream(mail.getReceivedMessages()).filter((message) -> {
			try {
				return Arrays.stream(message.getAllRecipients())
					.anyMatch((address) -> address.toString().equals(recipient));
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		}).toList();
	}

	private static String decode(String body) {
		try {
			return new String(jakarta.mail.internet.MimeUtility
				.decode(new java.io.ByteArrayInputStream(body.getBytes(java.nio.charset.StandardCharsets.US_ASCII)),
						"base64")
				.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
		}
		catch (Exception ex) {
			return body;
		}
	}

}
