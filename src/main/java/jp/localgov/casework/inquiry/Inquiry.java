package jp.localgov.casework.inquiry;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * An inquiry to the online secretariat, with the stages it went through, the answers, the
 * requests for more information and the times it was sent back to the desk.
 */
@Entity
@Table(name = "inquiry")
public class Inquiry {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "tracking_number", nullable = false, unique = true)
	private String trackingNumber;

	@Column(name = "access_token_hash", nullable = false)
	private String accessTokenHash;

	@Column(name = "applicant_name", nullable = false)
	private String applicantName;

	@Column(nullable = false)
	private String organization;

	@Column(name = "municipality_code")
	private String municipalityCode;

	@Column(nullable = false)
	private String email;

	@Column(nullable = false)
	private String language;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private InquiryField field;

	@Column(nullable = false)
	private String subject;

	@Column(nullable = false, length = 20000)
	private String body;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private InquiryStatus status;

	private String department;

	@Column(name = "staff_member")
	private String staffMember;

	@Column(name = "submitted_at", nullable = false)
	private Instant submittedAt;

	@Column(name = "closed_at")
	private Instant closedAt;

	@Version
	private long version;

	@OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)
	@JoinColumn(name = "inquiry_id", nullable = false)
	@OrderBy("id")
	private List<Stage> stages = new ArrayList<>();

	@OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)
	@JoinColumn(name = "inquiry_id", nullable = false)
	@OrderBy("id")
	private List<Answer> answers = new ArrayList<>();

	@OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)
	@JoinColumn(name = "inquiry_id", nullable = false)
	@OrderBy("id")
	private List<InformationRequest> informationRequests = new ArrayList<>();

	@OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)
	@JoinColumn(name = "inquiry_id", nullable = false)
	@OrderBy("id")
	private List<Return> returns = new ArrayList<>();

	protected Inquiry() {
	}

	Inquiry(String trackingNumber, String accessTokenHash, Applicant applicant, InquiryField field, String subject,
			String body, Instant submittedAt) {
		this.trackingNumber = trackingNumber;
		this.accessTokenHash = accessTokenHash;
		this.applicantName = applicant.name();
		this.organization = applicant.organization();
		this.municipalityCode = applicant.municipalityCode();
		this.email = applicant.email();
		this.language = applicant.language();
		this.field = field;
		this.subject = subject;
		this.body = body;
		this.submittedAt = submittedAt;
		moveTo(InquiryStatus.SUBMITTED, submittedAt);
	}

	void openReception(Instant at) {
		moveTo(InquiryStatus.WAITING_FOR_RECEPTION, at);
	}

	void assignTo(String department, Instant at) {
		this.department = department;
		moveTo(InquiryStatus.DEPARTMENT_ASSIGNED, at);
	}

	void returnToDesk(String reason, String returnedBy, Instant at) {
		this.returns.add(new Return(this.department, reason, returnedBy, at));
		this.department = null;
		this.staffMember = null;
		moveTo(InquiryStatus.WAITING_FOR_RECEPTION, at);
	}

	void assignStaff(String staffMember, Instant at) {
		this.staffMember = staffMember;
		moveTo(InquiryStatus.STAFF_ASSIGNED, at);
	}

	void answer(AnswerKind kind, String text, String answeredBy, Instant at) {
		this.answers.add(new Answer(kind, text, answeredBy, at));
		if (kind == AnswerKind.FINAL) {
			this.closedAt = at;
			moveTo(InquiryStatus.FINAL_ANSWERED, at);
		}
		else {
			moveTo(InquiryStatus.INTERIM_ANSWERED, at);
		}
	}

	void requestInformation(String question, String askedBy, Instant at) {
		this.informationRequests.add(new InformationRequest(question, askedBy, at));
		moveTo(InquiryStatus.WAITING_FOR_APPLICANT, at);
	}

	/** Records the applicant's reply and returns to the stage before the request. */
	void reply(String text, Instant at) {
		InformationRequest open = openInformationRequest()
			.orElseThrow(() -> new IllegalStateException("No open information request"));
		open.answer(text, at);
		moveTo(stageBeforeWaiting(), at);
	}

	void closeUnanswered(Instant at) {
		openInformationRequest().ifPresent(InformationRequest::expire);
		this.closedAt = at;
		moveTo(InquiryStatus.CLOSED, at);
	}

	private InquiryStatus stageBeforeWaiting() {
		for (int i = this.stages.size() - 1; i >= 0; i--) {
			InquiryStatus status = this.stages.get(i).getStatus();
			if (status != InquiryStatus.WAITING_FOR_APPLICANT) {
				return status;
			}
		}
		return InquiryStatus.WAITING_FOR_RECEPTION;
	}

	private void moveTo(InquiryStatus status, Instant at) {
		this.status = status;
		this.stages.add(new Stage(status, at));
	}

	public Optional<InformationRequest> openInformationRequest() {
		return this.informationRequests.stream().filter(InformationRequest::isOpen).findFirst();
	}

	public boolean hasAnswer(AnswerKind kind) {
		return this.answers.stream().anyMatch((answer) -> answer.getKind() == kind);
	}

	public Long getId() {
		return this.id;
	}

	public String getTrackingNumber() {
		return this.trackingNumber;
	}

	String getAccessTokenHash() {
		return this.accessTokenHash;
	}

	public String getApplicantName() {
		return this.applicantName;
	}

	public String getOrganization() {
		return this.organization;
	}

	public String getMunicipalityCode() {
		return this.municipalityCode;
	}

	public String getEmail() {
		return this.email;
	}

	public String getLanguage() {
		return this.language;
	}

	public InquiryField getField() {
		return this.field;
	}

	public String getSubject() {
		return this.subject;
	}

	public String getBody() {
		return this.body;
	}

	public InquiryStatus getStatus() {
		return this.status;
	}

	public String getDepartment() {
		return this.department;
	}

	public String getStaffMember() {
		return this.staffMember;
	}

	public Instant getSubmittedAt() {
		return this.submittedAt;
	}

	public Instant getClosedAt() {
		return this.closedAt;
	}

	public List<Stage> getStages() {
		return Collections.unmodifiableList(this.stages);
	}

	public List<Answer> getAnswers() {
		return Collections.unmodifiableList(this.answers);
	}

	public List<InformationRequest> getInformationRequests() {
		return Collections.unmodifiableList(this.informationRequests);
	}

	public List<Return> getReturns() {
		return Collections.unmodifiableList(this.returns);
	}

	/** Who asks, and how to reach them. */
	public record Applicant(String name, String organization, String municipalityCode, String email, String language) {
	}

	/** A stage the inquiry reached, and when. */
	@Entity
	@Table(name = "inquiry_stage")
	public static class Stage {

		@Id
		@GeneratedValue(strategy = GenerationType.IDENTITY)
		private Long id;

		@Enumerated(EnumType.STRING)
		@Column(nullable = false)
		private InquiryStatus status;

		@Column(nullable = false)
		private Instant at;

		protected Stage() {
		}

		Stage(InquiryStatus status, Instant at) {
			this.status = status;
			this.at = at;
		}

		public InquiryStatus getStatus() {
			return this.status;
		}

		public Instant getAt() {
			return this.at;
		}

	}

	/** An answer sent to the applicant. */
	@Entity
	@Table(name = "inquiry_answer")
	public static class Answer {

		@Id
		@GeneratedValue(strategy = GenerationType.IDENTITY)
		private Long id;

		@Enumerated(EnumType.STRING)
		@Column(nullable = false)
		private AnswerKind kind;

		@Column(nullable = false, length = 20000)
		private String text;

		@Column(name = "answered_by", nullable = false)
		private String answeredBy;

		@Column(nullable = false)
		private Instant at;

		protected Answer() {
		}

		Answer(AnswerKind kind, String text, String answeredBy, Instant at) {
			this.kind = kind;
			this.text = text;
			this.answeredBy = answeredBy;
			this.at = at;
		}

		public AnswerKind getKind() {
			return this.kind;
		}

		public String getText() {
			return this.text;
		}

		public String getAnsweredBy() {
			return this.answeredBy;
		}

		public Instant getAt() {
			return this.at;
		}

	}

	/**
	 * Staff asked the applicant for more information; the clock pauses until the reply.
	 */
	@Entity
	@Table(name = "inquiry_information_request")
	public static class InformationRequest {

		@Id
		@GeneratedValue(strategy = GenerationType.IDENTITY)
		private Long id;

		@Column(nullable = false, length = 20000)
		private String question;

		@Column(name = "asked_by", nullable = false)
		private String askedBy;

		@Column(name = "asked_at", nullable = false)
		private Instant askedAt;

		@Column(length = 20000)
		private String reply;

		@Column(name = "replied_at")
		private Instant repliedAt;

		private boolean expired;

		protected InformationRequest() {
		}

		InformationRequest(String question, String askedBy, Instant askedAt) {
			this.question = question;
			this.askedBy = askedBy;
			this.askedAt = askedAt;
		}

		void answer(String text, Instant at) {
			this.reply = text;
			this.repliedAt = at;
		}

		void expire() {
			this.expired = true;
		}

		public boolean isOpen() {
			return this.repliedAt == null && !this.expired;
		}

		public String getQuestion() {
			return this.question;
		}

		public String getAskedBy() {
			return this.askedBy;
		}

		public Instant getAskedAt() {
			return this.askedAt;
		}

		public String getReply() {
			return this.reply;
		}

		public Instant getRepliedAt() {
			return this.repliedAt;
		}

		public boolean isExpired() {
			return this.expired;
		}

	}

	/** A department sent the inquiry back to the desk because it is not theirs. */
	@Entity
	@Table(name = "inquiry_return")
	public static class Return {

		@Id
		@GeneratedValue(strategy = GenerationType.IDENTITY)
		private Long id;

		@Column(nullable = false)
		private String department;

		@Column(nullable = false, length = 2000)
		private String reason;

		@Column(name = "returned_by", nullable = false)
		private String returnedBy;

		@Column(nullable = false)
		private Instant at;

		protected Return() {
		}

		Return(String department, String reason, String returnedBy, Instant at) {
			this.department = department;
			this.reason = reason;
			this.returnedBy = returnedBy;
			this.at = at;
		}

		public String getDepartment() {
			return this.department;
		}

		public String getReason() {
			return this.reason;
		}

		public String getReturnedBy() {
			return this.returnedBy;
		}

		public Instant getAt() {
			return this.at;
		}

	}

}
