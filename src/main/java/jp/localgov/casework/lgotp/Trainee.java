package jp.localgov.casework.lgotp;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

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
 * A foreign local-government official: candidate, then (if selected) trainee of one
 * programme year at one host, with every stage of the journey and the host's monthly
 * reports.
 */
@Entity
@Table(name = "lgotp_trainee")
public class Trainee {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "fiscal_year", nullable = false)
	private int fiscalYear;

	@Column(name = "sequence_no", nullable = false)
	private int sequenceNo;

	@Column(nullable = false)
	private String name;

	@Column(nullable = false)
	private String country;

	@Column(name = "home_government", nullable = false)
	private String homeGovernment;

	private String position;

	private String languages;

	@Column(name = "host_found")
	private boolean hostFound;

	@Column(name = "host_request_id")
	private Long hostRequestId;

	@Column(name = "host_municipality")
	private String hostMunicipality;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private TraineeStage stage;

	@Column(name = "stage_at", nullable = false)
	private Instant stageAt;

	@Column(name = "training_months")
	private Integer trainingMonths;

	@Column(name = "withdrawal_reason", length = 2000)
	private String withdrawalReason;

	private boolean demo;

	@Version
	private long version;

	@OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)
	@JoinColumn(name = "trainee_id", nullable = false)
	@OrderBy("id")
	private List<StageEntry> stages = new ArrayList<>();

	@OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)
	@JoinColumn(name = "trainee_id", nullable = false)
	@OrderBy("id")
	private List<MonthlyReport> reports = new ArrayList<>();

	protected Trainee() {
	}

	Trainee(int fiscalYear, int sequenceNo, Candidate candidate, Instant at, boolean demo) {
		this.fiscalYear = fiscalYear;
		this.sequenceNo = sequenceNo;
		this.name = candidate.name().strip();
		this.country = candidate.country().strip();
		this.homeGovernment = candidate.homeGovernment().strip();
		this.position = candidate.position();
		this.languages = candidate.languages();
		this.hostFound = Boolean.TRUE.equals(candidate.hostFound());
		this.demo = demo;
		moveTo(TraineeStage.CANDIDATE, null, at);
	}

	void select(HostRequest request, Instant at) {
		this.hostRequestId = request.getId();
		this.hostMunicipality = request.getMunicipalityCode();
		this.trainingMonths = request.getMonths();
		moveTo(TraineeStage.SELECTED, null, at);
	}

	/**
	 * Host and duration of a trainee of a past year, recorded without a hosting request
	 * (the demo history).
	 */
	void pastPosting(String municipalityCode, int months) {
		this.hostMunicipality = municipalityCode;
		this.trainingMonths = months;
	}

	void moveTo(TraineeStage stage, String note, Instant at) {
		this.stage = stage;
		this.stageAt = at;
		this.stages.add(new StageEntry(stage, note, at));
	}

	void withdraw(String reason, Instant at) {
		this.withdrawalReason = reason;
		moveTo(TraineeStage.WITHDRAWN, reason, at);
	}

	void report(String month, String text, Instant at) {
		this.reports.add(new MonthlyReport(month, text, at));
	}

	/** Business key of the trainee's journey, e.g. LGOTP-FY2027-T001. */
	public String journeyKey() {
		return "LGOTP-FY%d-T%03d".formatted(this.fiscalYear, this.sequenceNo);
	}

	public Long getId() {
		return this.id;
	}

	public int getFiscalYear() {
		return this.fiscalYear;
	}

	public int getSequenceNo() {
		return this.sequenceNo;
	}

	public String getName() {
		return this.name;
	}

	public String getCountry() {
		return this.country;
	}

	public String getHomeGovernment() {
		return this.homeGovernment;
	}

	public String getPosition() {
		return this.position;
	}

	public String getLanguages() {
		return this.languages;
	}

	public boolean isHostFound() {
		return this.hostFound;
	}

	public Long getHostRequestId() {
		return this.hostRequestId;
	}

	public String getHostMunicipality() {
		return this.hostMunicipality;
	}

	public TraineeStage getStage() {
		return this.stage;
	}

	public Instant getStageAt() {
		return this.stageAt;
	}

	public Integer getTrainingMonths() {
		return this.trainingMonths;
	}

	public String getWithdrawalReason() {
		return this.withdrawalReason;
	}

	public boolean isDemo() {
		return this.demo;
	}

	public List<StageEntry> getStages() {
		return Collections.unmodifiableList(this.stages);
	}

	public List<MonthlyReport> getReports() {
		return Collections.unmodifiableList(this.reports);
	}

	/** A stage reached, and when. */
	@Entity
	@Table(name = "lgotp_trainee_stage")
	public static class StageEntry {

		@Id
		@GeneratedValue(strategy = GenerationType.IDENTITY)
		private Long id;

		@Enumerated(EnumType.STRING)
		@Column(nullable = false)
		private TraineeStage stage;

		@Column(length = 2000)
		private String note;

		@Column(nullable = false)
		private Instant at;

		protected StageEntry() {
		}

		StageEntry(TraineeStage stage, String note, Instant at) {
			this.stage = stage;
			this.note = note;
			this.at = at;
		}

		public TraineeStage getStage() {
			return this.stage;
		}

		public String getNote() {
			return this.note;
		}

		public Instant getAt() {
			return this.at;
		}

	}

	/** The host's report for one month of training. */
	@Entity
	@Table(name = "lgotp_monthly_report")
	public static class MonthlyReport {

		@Id
		@GeneratedValue(strategy = GenerationType.IDENTITY)
		private Long id;

		@Column(name = "report_month", nullable = false)
		private String month;

		@Column(nullable = false, length = 4000)
		private String text;

		@Column(nullable = false)
		private Instant at;

		protected MonthlyReport() {
		}

		MonthlyReport(String month, String text, Instant at) {
			this.month = month;
			this.text = text;
			this.at = at;
		}

		public String getMonth() {
			return this.month;
		}

		public String getText() {
			return this.text;
		}

		public Instant getAt() {
			return this.at;
		}

	}

}
