package jp.localgov.casework.platform.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import java.time.Duration;
import java.util.Arrays;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jp.localgov.casework.platform.process.OutgoingMailProcess;
import jp.localgov.casework.support.TestSmtp;
import jp.localgov.casework.support.CaseworkSpringBootTest;
import jp.localgov.casework.support.EngineJobs;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;

/**
 * Mail never holds up or loses a case: it is queued with the change, sent by a retried
 * step, becomes an incident after the retries, and retrying the incident sends it exactly
 * once.
 */
@CaseworkSpringBootTest
class OutgoingMailProcessTests {

	@RegisterExtension
	static GreenMailExtension smtp = TestSmtp.server();

	@Autowired
	ProcessEngine processEngine;

	@Autowired
	MailOutbox outbox;

	@Autowired
	OutgoingMailRepository mails;

	EngineJobs jobs;

	@BeforeEach
	void setUp() {
		init(this.processEngine);
		this.jobs = new EngineJobs(this.processEngine.getManagementService());
	}

	@AfterEach
	void resetClock() {
		EngineJobs.resetClock();
	}

	@Test
	void queuedMailIsSentByItsOwnStep() throws Exception {
		OutgoingMail mail = this.outbox.queue("applicant@example.jp", "件名テスト", "本文テスト\n", "TEST-1");
		ProcessInstance sending = sendingOf(mail);
		assertThat(sending).isWaitingAt(OutgoingMailProcess.TASK_SEND);

		this.jobs.executeDue(sending.getId());

		assertThat(sending).isEnded();
		assertThat(received()).singleElement().satisfies((message) -> {
			assertThat(message.getSubject()).isEqualTo("件名テスト");
			assertThat(GreenMailUtil.getAddressList(message.getAllRecipients())).isEqualTo("applicant@example.jp");
		});
		assertThat(this.mails.findById(mail.getId())).hasValueSatisfying((sent) -> assertThat(sent.isSent()).isTrue());
	}

	@Test
	void anOutageBecomesAnIncidentAndRetryingItSendsTheMailOnce() {
		// Given the mail server is down
		smtp.stop();
		OutgoingMail mail = this.outbox.queue("applicant@example.jp", "障害テスト", "本文\n", "TEST-2");
		ProcessInstance sending = sendingOf(mail);
		ManagementService management = this.processEngine.getManagementService();

		// When every retry fails (5 attempts, 5 minutes apart)
		for (int attempt = 1; attempt <= 5; attempt++) {
			Job job = management.createJobQuery().processInstanceId(sending.getId()).singleResult();
			this.jobs.clockAt(this.jobs.now().plus(Duration.ofMinutes(6)));
			assertThatThrownBy(() -> management.executeJob(job.getId())).hasMessageContaining("failed");
		}

		// Then an incident shows in Cockpit and the case data is intact
		Incident incident = this.processEngine.getRuntimeService()
			.createIncidentQuery()
			.processInstanceId(sending.getId())
			.singleResult();
		assertThat(incident).isNotNull();
		assertThat(incident.getIncidentMessage()).contains("applicant@example.jp");
		assertThat(this.mails.findById(mail.getId())).hasValueSatisfying((kept) -> assertThat(kept.isSent()).isFalse());

		// When the server is back and an operator retries
		smtp.start();
		Job failed = management.createJobQuery().processInstanceId(sending.getId()).singleResult();
		management.setJobRetries(failed.getId(), 1);
		management.executeJob(failed.getId());

		// Then the mail goes out once and the incident is resolved
		assertThat(received()).hasSize(1);
		assertThat(sending).isEnded();
		assertThat(
				this.processEngine.getRuntimeService().createIncidentQuery().processInstanceId(sending.getId()).count())
			.isZero();
	}

	@Test
	void aMailAlreadySentIsNotSentAgain() {
		OutgoingMail mail = this.outbox.queue("applicant@example.jp", "一度だけ", "本文\n", "TEST-3");
		this.outbox.send(mail.getId());
		ProcessInstance sending = sendingOf(mail);

		this.jobs.executeDue(sending.getId());

		assertThat(received()).hasSize(1);
		assertThat(sending).isEnded();
	}

	/**
	 * The messages of this test's mails (the PostgreSQL context's job executor may retry
	 * its own mails to the same server when a test moves the engine clock).
	 */
	private static MimeMessage[] received() {
		return Arrays.stream(smtp.getReceivedMessages()).filter((message) -> {
			try {
				return GreenMailUtil.getAddressList(message.getAllRecipients()).equals("applicant@example.jp");
			}
			catch (MessagingException ex) {
				throw new IllegalStateException(ex);
			}
		}).toArray(MimeMessage[]::new);
	}

	private ProcessInstance sendingOf(OutgoingMail mail) {
		return this.processEngine.getRuntimeService()
			.createProcessInstanceQuery()
			.processDefinitionKey(OutgoingMailProcess.PROCESS_KEY)
			.variableValueEquals(OutgoingMailProcess.MAIL_ID, mail.getId())
			.singleResult();
	}

}
