package jp.localgov.casework.lgotp;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A host local government's request to host a trainee (受入要望), filed during the survey.
 */
@Entity
@Table(name = "lgotp_host_request")
public class HostRequest {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "fiscal_year", nullable = false)
	private int fiscalYear;

	@Column(name = "municipality_code", nullable = false)
	private String municipalityCode;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private TrainingField field;

	@Column(name = "preferred_country", nullable = false)
	private String preferredCountry;

	@Column(name = "preferred_language", nullable = false)
	private String preferredLanguage;

	private int months;

	@Column(name = "programme_outline", nullable = false, length = 4000)
	private String programmeOutline;

	@Column(name = "contact_name", nullable = false)
	private String contactName;

	@Column(name = "contact_email", nullable = false)
	private String contactEmail;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private HostRequestStatus status;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	@Column(name = "updated_at", nullable = false)
	private Instant updatedAt;

	@Version
	private long version;

	protected HostRequest() {
	}

	HostRequest(int fiscalYear, String municipalityCode, HostingPlan plan, Instant at) {
		this.fiscalYear = fiscalYear;
		this.municipalityCode = municipalityCode;
		this.status = HostRequestStatus.SUBMITTED;
		this.createdAt = at;
		update(plan, at);
	}

	void update(HostingPlan plan, Instant at) {
		this.field = plan.field();
		this.preferredCountry = plan.preferredCountry().strip();
		this.preferredLanguage = plan.preferredLanguage().strip();
		this.months = plan.months();
		this.programmeOutline = plan.programmeOutline();
		this.contactName = plan.contactName().strip();
		this.contactEmail = plan.contactEmail().strip();
		this.updatedAt = at;
	}

	void withdraw(Instant at) {
		this.status = HostRequestStatus.WITHDRAWN;
		this.updatedAt = at;
	}

	void unmatched(Instant at) {
		this.status = HostRequestStatus.UNMATCHED;
		this.updatedAt = at;
	}

	void match(Instant at) {
		this.status = HostRequestStatus.MATCHED;
		this.updatedAt = at;
	}

	public Long getId() {
		return this.id;
	}

	public int getFiscalYear() {
		return this.fiscalYear;
	}

	public String getMunicipalityCode() {
		return this.municipalityCode;
	}

	public TrainingField getField() {
		return this.field;
	}

	public String getPreferredCountry() {
		return this.preferredCountry;
	}

	public String getPreferredLanguage() {
		return this.preferredLanguage;
	}

	public int getMonths() {
		return this.months;
	}

	public String getProgrammeOutline() {
		return this.programmeOutline;
	}

	public String getContactName() {
		return this.contactName;
	}

	public String getContactEmail() {
		return this.contactEmail;
	}

	public HostRequestStatus getStatus() {
		return this.status;
	}

}
