package jp.localgov.casework.subsidy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A local government's application for a subsidy, from 交付申請 to 支払: the planned and actual
 * costs, the reviews, the amounts granted, determined and paid, and every step it went
 * through.
 */
@Entity
@Table(name = "subsidy_application")
public class SubsidyApplication {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "application_number", nullable = false, unique = true)
	private String applicationNumber;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "programme_id")
	private SubsidyProgramme programme;

	@Column(name = "municipality_code", nullable = false)
	private String municipalityCode;

	@Enumerated(EnumType.STRING)
	@Column(name = "applicant_type", nullable = false)
	private ApplicantType applicantType;

	@Column(nullable = false)
	private String title;

	@Column(nullable = false, length = 4000)
	private String summary;

	@Column(name = "period_from", nullable = false)
	private LocalDate periodFrom;

	@Column(name = "period_to", nullable = false)
	private LocalDate periodTo;

	@Column(name = "requested_amount")
	private long requestedAmount;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private SubsidyStatus status;

	@Column(name = "granted_amount")
	private Long grantedAmount;

	@Column(length = 4000)
	private String conditions;

	@Column(name = "rejection_reasons", length = 4000)
	private String rejectionReasons;

	@Column(name = "report_due_on")
	private LocalDate reportDueOn;

	@Column(name = "report_summary", length = 4000)
	private String reportSummary;

	@Column(name = "determined_amount")
	private Long determinedAmount;

	@Column(name = "paid_amount")
	private Long paidAmount;

	@Column(name = "paid_on")
	private LocalDate paidOn;

	@Column(name = "submitted_at", nullable = false)
	private Instant submittedAt;

	@Version
	private long version;

	@OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)
	@JoinColumn(name = "application_id", nullable = false)
	@OrderBy("id")
	private List<CostItem> costItems = new ArrayList<>();

	@OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)
	@JoinColumn(name = "application_id", nullable = false)
	@OrderBy("id")
	private List<HistoryEntry> history = new ArrayList<>();

	@OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)
	@JoinColumn(name = "application_id", nullable = false)
	@OrderBy("id")
	private List<Review> reviews = new ArrayList<>();

	protected SubsidyApplication() {
	}

	SubsidyApplication(String applicationNumber, SubsidyProgramme programme, String municipalityCode, String title,
			String summary, LocalDate periodFrom, LocalDate periodTo, List<CostItem> planned, Instant at) {
		this.applicationNumber = applicationNumber;
		this.programme = programme;
		this.municipalityCode = municipalityCode;
		this.applicantType = ApplicantType.ofMunicipalityCode(municipalityCode);
		this.title = title;
		this.summary = summary;
		this.periodFrom = periodFrom;
		this.periodTo = periodTo;
		this.costItems.addAll(planned);
		this.requestedAmount = SubsidyAmounts.granted(plannedCost(), programme.rate(), programme.getCeiling());
		this.submittedAt = at;
		record(SubsidyStatus.SUBMITTED, null, at);
	}

	long plannedCost() {
		return total(CostItem.PLANNED);
	}

	long actualCost() {
		return total(CostItem.ACTUAL);
	}

	private long total(String kind) {
		return this.costItems.stream()
			.filter((item) -> item.kind.equals(kind))
			.mapToLong(CostItem::getAmount)
			.reduce(0, Math::addExact);
	}

	void record(SubsidyStatus status, String note, Instant at) {
		this.status = status;
		this.history.add(new HistoryEntry(status, note, at));
	}

	void addReview(Review review) {
		this.reviews.add(review);
	}

	void grant(long amount, String conditions, LocalDate reportDueOn, Instant at) {
		this.grantedAmount = amount;
		this.conditions = conditions;
		this.reportDueOn = reportDueOn;
		record(SubsidyStatus.GRANTED, conditions, at);
	}

	void reject(String reasons, Instant at) {
		this.rejectionReasons = reasons;
		record(SubsidyStatus.REJECTED, reasons, at);
	}

	/** The applicant proposes a new cost plan while the project runs (変更承認申請). */
	void proposeChange(List<CostItem> proposed, String reason, Instant at) {
		this.costItems.removeIf((item) -> item.kind.equals(CostItem.PROPOSED));
		this.costItems.addAll(proposed);
		record(SubsidyStatus.CHANGE_REQUESTED, reason, at);
	}

	long proposedCost() {
		return total(CostItem.PROPOSED);
	}

	/** An approved change replaces the cost plan and the granted amount. */
	void approveChange(long newGranted, String note, Instant at) {
		this.costItems.removeIf((item) -> item.kind.equals(CostItem.PLANNED));
		this.costItems.stream().filter((item) -> item.kind.equals(CostItem.PROPOSED)).forEach(CostItem::adopt);
		this.grantedAmount = newGranted;
		record(SubsidyStatus.GRANTED, note, at);
	}

	void rejectChange(String note, Instant at) {
		this.costItems.removeIf((item) -> item.kind.equals(CostItem.PROPOSED));
		record(SubsidyStatus.GRANTED, note, at);
	}

	/** The applicant corrects the application after a request for correction (補正). */
	void correct(String title, String summary, LocalDate periodFrom, LocalDate periodTo, List<CostItem> planned,
			Instant at) {
		this.title = title;
		this.summary = summary;
		this.periodFrom = periodFrom;
		this.periodTo = periodTo;
		this.costItems.removeIf((item) -> item.kind.equals(CostItem.PLANNED));
		this.costItems.addAll(planned);
		this.requestedAmount = SubsidyAmounts.granted(plannedCost(), this.programme.rate(),
				this.programme.getCeiling());
		record(SubsidyStatus.SUBMITTED, "補正済み / corrected", at);
	}

	void report(List<CostItem> actual, String summary, Instant at) {
		this.costItems.removeIf((item) -> item.kind.equals(CostItem.ACTUAL));
		this.costItems.addAll(actual);
		this.reportSummary = summary;
		record(SubsidyStatus.REPORT_SUBMITTED, null, at);
	}

	void determine(long amount, Instant at) {
		this.determinedAmount = amount;
		record(SubsidyStatus.AMOUNT_DETERMINED, null, at);
	}

	void pay(LocalDate paidOn, Instant at) {
		this.paidAmount = this.determinedAmount;
		this.paidOn = paidOn;
		record(SubsidyStatus.PAID, null, at);
	}

	public Long getId() {
		return this.id;
	}

	public String getApplicationNumber() {
		return this.applicationNumber;
	}

	public SubsidyProgramme getProgramme() {
		return this.programme;
	}

	public String getMunicipalityCode() {
		return this.municipalityCode;
	}

	public ApplicantType getApplicantType() {
		return this.applicantType;
	}

	public String getTitle() {
		return this.title;
	}

	public String getSummary() {
		return this.summary;
	}

	public LocalDate getPeriodFrom() {
		return this.periodFrom;
	}

	public LocalDate getPeriodTo() {
		return this.periodTo;
	}

	public long getRequestedAmount() {
		return this.requestedAmount;
	}

	public SubsidyStatus getStatus() {
		return this.status;
	}

	public Long getGrantedAmount() {
		return this.grantedAmount;
	}

	public String getConditions() {
		return this.conditions;
	}

	public String getRejectionReasons() {
		return this.rejectionReasons;
	}

	public LocalDate getReportDueOn() {
		return this.reportDueOn;
	}

	public String getReportSummary() {
		return this.reportSummary;
	}

	public Long getDeterminedAmount() {
		return this.determinedAmount;
	}

	public Long getPaidAmount() {
		return this.paidAmount;
	}

	public LocalDate getPaidOn() {
		return this.paidOn;
	}

	public Instant getSubmittedAt() {
		return this.submittedAt;
	}

	public List<CostItem> getCostItems() {
		return Collections.unmodifiableList(this.costItems);
	}

	public List<HistoryEntry> getHistory() {
		return Collections.unmodifiableList(this.history);
	}

	public List<Review> getReviews() {
		return Collections.unmodifiableList(this.reviews);
	}

	/** One line of the planned (交付申請・変更) or actual (実績報告) costs. */
	@Entity
	@jakarta.persistence.Table(name = "subsidy_cost_item")
	public static class CostItem {

		static final String PLANNED = "PLANNED";

		static final String ACTUAL = "ACTUAL";

		static final String PROPOSED = "PROPOSED";

		@Id
		@GeneratedValue(strategy = GenerationType.IDENTITY)
		private Long id;

		@Column(nullable = false)
		private String kind;

		@Column(nullable = false)
		private String description;

		private long amount;

		protected CostItem() {
		}

		CostItem(String kind, String description, long amount) {
			this.kind = kind;
			this.description = description;
			this.amount = amount;
		}

		void adopt() {
			this.kind = PLANNED;
		}

		public String getKind() {
			return this.kind;
		}

		public String getDescription() {
			return this.description;
		}

		public long getAmount() {
			return this.amount;
		}

	}

	/**
	 * A step the application went through, with a note (conditions, reasons, comments).
	 */
	@Entity
	@jakarta.persistence.Table(name = "subsidy_history")
	public static class HistoryEntry {

		@Id
		@GeneratedValue(strategy = GenerationType.IDENTITY)
		private Long id;

		@Enumerated(EnumType.STRING)
		@Column(nullable = false)
		private SubsidyStatus status;

		@Column(length = 4000)
		private String note;

		@Column(nullable = false)
		private Instant at;

		protected HistoryEntry() {
		}

		HistoryEntry(SubsidyStatus status, String note, Instant at) {
			this.status = status;
			this.note = note;
			this.at = at;
		}

		public SubsidyStatus getStatus() {
			return this.status;
		}

		public String getNote() {
			return this.note;
		}

		public Instant getAt() {
			return this.at;
		}

	}

	/** One reviewer's scores (1–5 per criterion), recommendation and comments. */
	@Entity
	@jakarta.persistence.Table(name = "subsidy_review")
	public static class Review {

		@Id
		@GeneratedValue(strategy = GenerationType.IDENTITY)
		private Long id;

		@Column(nullable = false)
		private String reviewer;

		private int necessity;

		private int effectiveness;

		private int feasibility;

		@Column(name = "cost_validity")
		private int costValidity;

		@Column(nullable = false)
		private String recommendation;

		@Column(length = 4000)
		private String comments;

		@Column(nullable = false)
		private Instant at;

		protected Review() {
		}

		Review(String reviewer, int[] scores, String recommendation, String comments, Instant at) {
			this.reviewer = reviewer;
			this.necessity = scores[0];
			this.effectiveness = scores[1];
			this.feasibility = scores[2];
			this.costValidity = scores[3];
			this.recommendation = recommendation;
			this.comments = comments;
			this.at = at;
		}

		public String getReviewer() {
			return this.reviewer;
		}

		public int getNecessity() {
			return this.necessity;
		}

		public int getEffectiveness() {
			return this.effectiveness;
		}

		public int getFeasibility() {
			return this.feasibility;
		}

		public int getCostValidity() {
			return this.costValidity;
		}

		public int total() {
			return this.necessity + this.effectiveness + this.feasibility + this.costValidity;
		}

		public String getRecommendation() {
			return this.recommendation;
		}

		public String getComments() {
			return this.comments;
		}

		public Instant getAt() {
			return this.at;
		}

	}

}
