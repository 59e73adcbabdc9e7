package jp.localgov.casework.platform.mail;

import java.time.Clock;
import java.time.Instant;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jp.localgov.casework.platform.NotFoundException;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Outgoing mail as part of the case: {@link #queue} stores it with the change that caused
 * it, and {@link #send} delivers it from a retried step, at most once once it has gone
 * out.
 */
@Service
public class MailOutbox {

	private final OutgoingMailRepository mails;

	private final JavaMailSender sender;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final String from;

	MailOutbox(OutgoingMailRepository mails, JavaMailSender sender, ApplicationEventPublisher events, Clock clock,
			@Value("${casework.mail-from}") String from) {
		this.mails = mails;
		this.sender = sender;
		this.events = events;
		this.clock = clock;
		this.from = from;
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
	@Transactional
	public void send(long mailId) {
		OutgoingMail mail = this.mails.findById(mailId)
			.orElseThrow(() -> new NotFoundException("No outgoing mail " + mailId));
		if (mail.isSent()) {
			return;
		}
		try {
			MimeMessage message = this.sender.createMimeMessage();
			MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
			helper.setFrom(this.from);
			helper.setTo(mail.getRecipient());
			helper.setSubject(mail.getSubject());
			helper.setText(mail.getBody(), false);
			this.sender.send(message);
			mail.markSent(Instant.now(this.clock));
		}
		catch (MessagingException | org.springframework.mail.MailException ex) {
			throw new MailDeliveryException(
					"Mail " + mailId + " to " + mail.getRecipient() + " failed: " + ex.getMessage(), ex);
		}
	}

	/** Delivery failed; the step that tried is retried later. */
	public static class MailDeliveryException extends RuntimeException {

		MailDeliveryException(String message, Throwable cause) {
			super(message, cause);
		}

	}

}
