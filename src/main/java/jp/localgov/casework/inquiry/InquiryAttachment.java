package jp.localgov.casework.inquiry;

import java.time.Instant;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A file the applicant attached to an inquiry, kept in the database with the case. */
@Entity
@Table(name = "inquiry_attachment")
public class InquiryAttachment {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "inquiry_id", nullable = false)
	private Long inquiryId;

	@Column(nullable = false)
	private String filename;

	@Column(name = "content_type", nullable = false)
	private String contentType;

	@Column(name = "size_bytes", nullable = false)
	private long sizeBytes;

	@Basic(fetch = FetchType.LAZY)
	@Column(nullable = false, columnDefinition = "bytea")
	private byte[] content;

	@Column(name = "uploaded_at", nullable = false)
	private Instant uploadedAt;

	protected InquiryAttachment() {
	}

	InquiryAttachment(Long inquiryId, String filename, String contentType, byte[] content, Instant uploadedAt) {
		this.inquiryId = inquiryId;
		this.filename = filename;
		this.contentType = contentType;
		this.sizeBytes = content.length;
		this.content = content;
		this.uploadedAt = uploadedAt;
	}

	Long getInquiryId() {
		return this.inquiryId;
	}

	public Long getId() {
		return this.id;
	}

	public String getFilename() {
		return this.filename;
	}

	public String getContentType() {
		return this.contentType;
	}

	public long getSizeBytes() {
		return this.sizeBytes;
	}

	public byte[] getContent() {
		return this.content;
	}

	public Instant getUploadedAt() {
		return this.uploadedAt;
	}

}
