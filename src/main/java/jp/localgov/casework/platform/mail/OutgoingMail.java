package jp.localgov.casework.platform.mail;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A mail waiting to be sent, or sent: kept so that a mail server outage loses nothing.
 */
@Entity
@Table(name = "outgoing_mail")
public class OutgoingMail {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(nullable = false)
	private String recipient;

	@Column(nullable = false)
	private String subject;

	@Column(nullable = false, length = 40000)
	private String body;

	private String reference;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	@Column(name = "sent_at")
	private Instant sentAt;

	@Column(name = "message_id")
	private String messageId;

	@Column(nullable = false)
	private int attempts;

	@Column(name = "failed_attempts", nullable = false)
	private int failedAttempts;

	@Column(name = "last_attempt_at")
	private Instant lastAttemptAt;

	protected OutgoingMail() {
	}

	OutgoingMail(String recipient, String subject, String body, String reference, Instant createdAt) {
		this.recipient = recipient;
		this.subject = subject;
		this.body = body;
		this.reference = reference;
		this.createdAt = createdAt;
	}

	/**
	 * Records that a transmission starts: the Message-ID is fixed at the first one and
	 * never changes, so every copy of this mail carries the same one.
	 */
	void beginAttempt(Instant at, String newMessageId) {
		if (this.messageId == null) {
			this.messageId = newMessageId;
		}
		this.attempts++;
		this.lastAttemptAt = at;
	}

	/** The SMTP server refused or could not be reached: the mail did not go out. */
	void attemptFailed() {
		this.failedAttempts++;
	}

	void markSent(Instant at) {
		this.sentAt = at;
	}

	/**
	 * Attempts of an unsent mail that ended without any outcome being recorded: the node
	 * stopped during the transfer, so the SMTP server may have accepted the mail.
	 */
	public int unconfirmedAttempts() {
		return isSent() ? 0 : this.attempts - this.failedAttempts;
	}

	public boolean isSent() {
		return this.sentAt != null;
	}

	public Long getId() {
		return this.id;
	}

	public String getRecipient() {
		return this.recipient;
	}

	public String getSubject() {
		return this.subject;
	}

	public String getBody() {
		return this.body;
	}

	public String getReference() {
		return this.reference;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

	public Instant getSentAt() {
		return this.sentAt;
	}

	public String getMessageId() {
		return this.messageId;
	}

	public int getAttempts() {
		return this.attempts;
	}

	public int getFailedAttempts() {
		return this.failedAttempts;
	}

	public Instant getLastAttemptAt() {
		return this.lastAttemptAt;
	}

}
