package jp.localgov.casework.lgotp;

import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * One programme year (LGOTP-FY2027 for trainees arriving in May 2027): its stage, whether
 * the demand survey is open, and the schedule derived from the fiscal year.
 */
@Entity
@Table(name = "lgotp_year")
public class ProgrammeYear {

	@Id
	@Column(name = "fiscal_year")
	private int fiscalYear;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private YearStage stage;

	@Column(name = "survey_open")
	private boolean surveyOpen;

	@Column(name = "survey_opens_on")
	private LocalDate surveyOpensOn;

	@Column(name = "survey_closes_on")
	private LocalDate surveyClosesOn;

	@Column(name = "recruitment_deadline")
	private LocalDate recruitmentDeadline;

	@Column(name = "pre_arrival_deadline")
	private LocalDate preArrivalDeadline;

	@Column(name = "arrival_on")
	private LocalDate arrivalOn;

	@Column(name = "jiam_from")
	private LocalDate jiamFrom;

	@Column(name = "jiam_to")
	private LocalDate jiamTo;

	@Column(name = "posting_on")
	private LocalDate postingOn;

	@Version
	private long version;

	protected ProgrammeYear() {
	}

	ProgrammeYear(int fiscalYear) {
		this.fiscalYear = fiscalYear;
		this.stage = YearStage.PREPARING;
	}

	void schedule(Schedule schedule) {
		this.surveyOpensOn = schedule.surveyOpensOn();
		this.surveyClosesOn = schedule.surveyClosesOn();
		this.recruitmentDeadline = schedule.recruitmentDeadline();
		this.preArrivalDeadline = schedule.preArrivalDeadline();
		this.arrivalOn = schedule.arrivalOn();
		this.jiamFrom = schedule.jiamFrom();
		this.jiamTo = schedule.jiamTo();
		this.postingOn = schedule.postingOn();
	}

	void openSurvey() {
		this.surveyOpen = true;
		this.stage = YearStage.SURVEY;
	}

	void closeSurvey() {
		this.surveyOpen = false;
		this.stage = YearStage.DEMAND_REVIEW;
	}

	void moveTo(YearStage stage) {
		this.stage = stage;
	}

	public int getFiscalYear() {
		return this.fiscalYear;
	}

	public YearStage getStage() {
		return this.stage;
	}

	public boolean isSurveyOpen() {
		return this.surveyOpen;
	}

	public Schedule schedule() {
		return new Schedule(this.surveyOpensOn, this.surveyClosesOn, this.recruitmentDeadline, this.preArrivalDeadline,
				this.arrivalOn, this.jiamFrom, this.jiamTo, this.postingOn);
	}

	/** The dates of a programme year, as the schedule table derives them. */
	public record Schedule(LocalDate surveyOpensOn, LocalDate surveyClosesOn, LocalDate recruitmentDeadline,
			LocalDate preArrivalDeadline, LocalDate arrivalOn, LocalDate jiamFrom, LocalDate jiamTo,
			LocalDate postingOn) {
	}

}
