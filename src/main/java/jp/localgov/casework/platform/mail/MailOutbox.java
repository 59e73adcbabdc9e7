package jp.localgov.casework.platform.mail;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jp.localgov.casework.platform.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Outgoing mail as part of the case: {@link #queue} stores it with the change that caused
 * it, and {@link #send} delivers it from a retried step, once.
 *
 * <p>
 * <b>Exactly once, as far as SMTP allows.</b> Before a transmission the mail's row is
 * locked and the attempt recorded in a short transaction of its own, together with the
 * mail's Message-ID ({@code <mail-42.k3x9…@casework.example.jp>}), fixed at the first
 * attempt; right after the SMTP server accepted it, the mail is marked sent in another
 * short transaction, independent of the step that called. A retry of a sent mail (the
 * step's transaction failed, a node died after the record, an operator retried the job in
 * Cockpit) therefore sends nothing. A refused or unreachable server is recorded as a
 * failed attempt, and the retry sends the mail for the first time. The one case that
 * cannot be told apart is an attempt that ended without any outcome: the node stopped (or
 * lost the database) between the server's acceptance and the record of it, a window of
 * milliseconds. Then the mail is sent again with the same Message-ID, and that is logged
 * at WARN, so the recipient may receive two copies of the same message, which mail
 * programs recognise by the Message-ID.
 */
@Service
public class MailOutbox {

	private static final Logger log = LoggerFactory.getLogger(MailOutbox.class);

	private static final SecureRandom random = new SecureRandom();

	private final OutgoingMailRepository mails;

	private final JavaMailSender sender;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final String from;

	private final String messageIdDomain;

	private final TransactionTemplate ownTransaction;

	MailOutbox(OutgoingMailRepository mails, JavaMailSender sender, ApplicationEventPublisher events, Clock clock,
			PlatformTransactionManager transactionManager, @Value("${casework.mail-from}") String from) {
		this.mails = mails;
		this.sender = sender;
		this.events = events;
		this.clock = clock;
		this.from = from;
		this.messageIdDomain = from.substring(from.lastIndexOf('@') + 1).replaceAll("[^A-Za-z0-9.-]", "");
		this.ownTransaction = new TransactionTemplate(transactionManager);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/** Stores a mail to be sent once the current transaction commits and announces it. */
	@Transactional
	public OutgoingMail queue(String recipient, String subject, String body, String reference) {
		OutgoingMail mail = this.mails
			.save(new OutgoingMail(recipient, subject, body, reference, Instant.now(this.clock)));
		this.events.publishEvent(new MailQueued(mail.getId(), reference));
		return mail;
	}

	/**
	 * Sends a queued mail unless it has already gone out; a failure is rethrown, so the
	 * calling step is retried and finally shows as an incident with the server's message.
	 */
	public void send(long mailId) {
		OutgoingMail mail = this.ownTransaction.execute((status) -> beginAttempt(mailId));
		if (mail == null) {
			return;
		}
		try {
			transmit(mail);
		}
		catch (MessagingException | MailException ex) {
			this.ownTransaction
				.executeWithoutResult((status) -> this.mails.lockById(mailId).ifPresent(OutgoingMail::attemptFailed));
			throw new MailDeliveryException(
					"Mail " + mailId + " to " + mail.getRecipient() + " failed: " + ex.getMessage(), ex);
		}
		this.ownTransaction.executeWithoutResult((status) -> this.mails.lockById(mailId)
			.orElseThrow(() -> notFound(mailId))
			.markSent(Instant.now(this.clock)));
	}

	/**
	 * Records the attempt before anything is transmitted; {@code null} when the mail has
	 * already gone out.
	 */
	private OutgoingMail beginAttempt(long mailId) {
		OutgoingMail mail = this.mails.lockById(mailId).orElseThrow(() -> notFound(mailId));
		if (mail.isSent()) {
			log.info("Mail {} ({}) of {} was sent at {}; not sent again", mailId, mail.getMessageId(),
					mail.getReference(), mail.getSentAt());
			return null;
		}
		int unconfirmed = mail.unconfirmedAttempts();
		mail.beginAttempt(Instant.now(this.clock), newMessageId(mailId));
		if (unconfirmed > 0) {
			log.warn(
					"Mail {} ({}) of {}: {} earlier attempt(s) ended without an outcome (the node stopped during the"
							+ " transfer); sending again with the same Message-ID, the recipient may receive it twice",
					mailId, mail.getMessageId(), mail.getReference(), unconfirmed);
		}
		return mail;
	}

	private void transmit(OutgoingMail mail) throws MessagingException {
		MimeMessage message = this.sender.createMimeMessage();
		MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
		helper.setFrom(this.from);
		helper.setTo(mail.getRecipient());
		helper.setSubject(mail.getSubject());
		helper.setText(mail.getBody(), false);
		// Kept by JavaMailSenderImpl when it saves the message.
		message.setHeader("Message-ID", mail.getMessageId());
		this.sender.send(message);
	}

	private String newMessageId(long mailId) {
		return "<mail-" + mailId + "." + Long.toString(random.nextLong() >>> 1, 36) + "@" + this.messageIdDomain + ">";
	}

	private static NotFoundException notFound(long mailId) {
		return new NotFoundException("No outgoing mail " + mailId);
	}

	/** Delivery failed; the step that tried is retried later. */
	public static class MailDeliveryException extends RuntimeException {

		MailDeliveryException(String message, Throwable cause) {
			super(message, cause);
		}

	}

}
