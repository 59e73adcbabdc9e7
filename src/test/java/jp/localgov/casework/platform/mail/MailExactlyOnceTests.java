package jp.localgov.casework.platform.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jp.localgov.casework.platform.process.OutgoingMailProcess;
import jp.localgov.casework.support.CaseworkSpringBootTest;
import jp.localgov.casework.support.EngineJobs;
import jp.localgov.casework.support.HttpClientSupport;
import jp.localgov.casework.support.TestSmtp;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Each mail reaches the applicant once: through a ten-minute SMTP outage, an operator's
 * retry in Cockpit, and a step whose transaction fails after the SMTP server accepted the
 * mail; every copy carries the mail's own Message-ID, and the one case where a copy may
 * arrive twice (the node stopped between the server's acceptance and its record) is told
 * in the log.
 */
@CaseworkSpringBootTest
@ExtendWith(OutputCaptureExtension.class)
class MailExactlyOnceTests {

	@RegisterExtension
	static GreenMailExtension smtp = TestSmtp.server();

	@LocalServerPort
	int port;

	@Autowired
	ProcessEngine processEngine;

	@Autowired
	MailOutbox outbox;

	@Autowired
	OutgoingMailRepository mails;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	PlatformTransactionManager transactionManager;

	EngineJobs jobs;

	ManagementService management;

	@BeforeEach
	void setUp() {
		this.management = this.processEngine.getManagementService();
		this.jobs = new EngineJobs(this.management);
	}

	@AfterEach
	void resetClock() {
		EngineJobs.resetClock();
	}

	@Test
	void aTenMinuteOutageLosesNothingAndEachMailGoesOutOnceWhenTheServerIsBack() throws Exception {
		// Given the SMTP server is down while three mails are queued
		smtp.stop();
		List<OutgoingMail> queued = List.of(queue("outage-1"), queue("outage-2"), queue("outage-3"));

		// When the send steps run at 0, 5 and 10 minutes and the server is back at 10
		for (int minute = 0; minute <= 10; minute += 5) {
			if (minute == 10) {
				smtp.start();
			}
			for (OutgoingMail mail : queued) {
				Job job = sendJob(mail);
				if (job == null) {
					continue;
				}
				if (minute < 10) {
					assertThatThrownBy(() -> this.management.executeJob(job.getId())).hasMessageContaining("failed");
				}
				else {
					this.management.executeJob(job.getId());
				}
			}
			this.jobs.clockAt(this.jobs.now().plus(Duration.ofMinutes(5)).plusSeconds(1));
		}

		// Then each mail arrived exactly once, with its own Message-ID
		Map<String, Long> copies = copiesByMessageId();
		assertThat(copies).hasSize(3).allSatisfy((messageId, count) -> assertThat(count).isOne());
		for (OutgoingMail mail : queued) {
			OutgoingMail sent = this.mails.findById(mail.getId()).orElseThrow();
			assertThat(sent.isSent()).isTrue();
			assertThat(sent.getMessageId()).matches("<mail-" + mail.getId() + "\\.[0-9a-z]+@casework\\.example\\.jp>");
			assertThat(copies).containsKey(sent.getMessageId());
			assertThat(sent.getAttempts()).isEqualTo(3);
			assertThat(sent.getFailedAttempts()).isEqualTo(2);
			assertThat(sendJob(mail)).as("step finished").isNull();
		}

		// And sending again sends nothing
		queued.forEach((mail) -> this.outbox.send(mail.getId()));
		assertThat(received()).hasSize(3);
	}

	@Test
	void aRetryFromCockpitSendsTheMailOnce() {
		// Given a mail whose retries are used up by an outage: an incident in Cockpit
		smtp.stop();
		OutgoingMail mail = queue("cockpit");
		for (int attempt = 1; attempt <= 5; attempt++) {
			Job job = sendJob(mail);
			this.jobs.clockAt(this.jobs.now().plus(Duration.ofMinutes(6)));
			assertThatThrownBy(() -> this.management.executeJob(job.getId())).hasMessageContaining("failed");
		}
		assertThat(sendJob(mail).getRetries()).isZero();
		smtp.start();

		// When an operator sets the retries through the REST API Cockpit uses
		HttpClientSupport http = new HttpClientSupport(this.port);
		assertThat(http
			.putJson("/engine-rest/job/" + sendJob(mail).getId() + "/retries", "{\"retries\": 1}", "operator", "demo")
			.statusCode()).isEqualTo(204);
		this.management.executeJob(sendJob(mail).getId());

		// Then the mail goes out once, and another retry cannot send it again
		assertThat(received()).hasSize(1);
		assertThat(sendJob(mail)).isNull();
		this.outbox.send(mail.getId());
		assertThat(received()).hasSize(1);
	}

	@Test
	void aStepFailingAfterTheServerAcceptedTheMailDoesNotSendItAgain() {
		// Given the send step's transaction fails after the SMTP server accepted the mail
		OutgoingMail mail = queue("after-accept");
		TransactionTemplate step = new TransactionTemplate(this.transactionManager);
		assertThatThrownBy(() -> step.executeWithoutResult((status) -> {
			this.outbox.send(mail.getId());
			throw new IllegalStateException("the step's transaction fails after sending");
		})).hasMessageContaining("after sending");
		assertThat(received()).hasSize(1);

		// When the step is retried
		this.management.executeJob(sendJob(mail).getId());

		// Then nothing is sent again
		assertThat(received()).hasSize(1);
		assertThat(this.mails.findById(mail.getId()).orElseThrow().getAttempts()).isOne();
	}

	@Test
	void aTransferCutBeforeItsRecordIsRepeatedWithTheSameMessageIdAndLogged(CapturedOutput output) throws Exception {
		// Given the SMTP server accepted the mail, but the node stopped before recording
		// it
		OutgoingMail mail = queue("cut");
		this.outbox.send(mail.getId());
		this.jdbc.update("update outgoing_mail set sent_at = null where id = ?", mail.getId());

		// When another node retries the step
		this.management.executeJob(sendJob(mail).getId());

		// Then the recipient gets a second copy carrying the same Message-ID, and the log
		// says so
		String messageId = this.mails.findById(mail.getId()).orElseThrow().getMessageId();
		assertThat(copiesByMessageId()).containsExactly(Map.entry(messageId, 2L));
		assertThat(output).contains("Mail " + mail.getId() + " (" + messageId + ")")
			.contains("ended without an outcome");
	}

	private OutgoingMail queue(String reference) {
		return this.outbox.queue("applicant-" + reference + "@example.jp", "件名 " + reference, "本文\n",
				"MAIL-" + reference);
	}

	/** The pending send step of the mail, {@code null} once it has finished. */
	private Job sendJob(OutgoingMail mail) {
		ProcessInstance sending = this.processEngine.getRuntimeService()
			.createProcessInstanceQuery()
			.processDefinitionKey(OutgoingMailProcess.PROCESS_KEY)
			.variableValueEquals(OutgoingMailProcess.MAIL_ID, mail.getId())
			.singleResult();
		return (sending == null) ? null
				: this.management.createJobQuery().processInstanceId(sending.getId()).singleResult();
	}

	/**
	 * The messages of this test's mails (the PostgreSQL context's job executor may retry
	 * its own mails to the same server when a test moves the engine clock).
	 */
	private static MimeMessage[] received() {
		return Arrays.stream(smtp.getReceivedMessages()).filter((message) -> {
			try {
				return Arrays.stream(message.getAllRecipients())
					.allMatch((address) -> address.toString().matches("applicant-.+@example\\.jp"));
			}
			catch (MessagingException ex) {
				throw new IllegalStateException(ex);
			}
		}).toArray(MimeMessage[]::new);
	}

	private Map<String, Long> copiesByMessageId() {
		return Arrays.stream(received())
			.collect(Collectors.groupingBy(MailExactlyOnceTests::messageId, Collectors.counting()));
	}

	private static String messageId(MimeMessage message) {
		try {
			return message.getMessageID();
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
