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

	protected OutgoingMail() {
	}

	OutgoingMail(String recipient, String subject, String body, String reference, Instant createdAt) {
		this.recipient = recipient;
		this.subject = subject;
		this.body = body;
		this.reference = reference;
		this.createdAt = createdAt;
	}

	void markSent(Instant at) {
		this.sentAt = at;
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

}
