package jp.localgov.casework.lgotp;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** Detached snapshots of programme years, hosting requests, trainees and cohorts. */
public final class LgotpViews {

	private LgotpViews() {
	}

	/** A programme year as the portal and the API show it. */
	public record YearView(int fiscalYear, boolean surveyOpen, LocalDate surveyClosesOn, YearStage stage,
			ProgrammeYear.Schedule schedule) {

		static YearView of(ProgrammeYear year) {
			return new YearView(year.getFiscalYear(), year.isSurveyOpen(), year.schedule().surveyClosesOn(),
					year.getStage(), year.schedule());
		}

	}

	/** A hosting request with its trainee once matched. */
	public record HostRequestView(Long id, int fiscalYear, String municipalityCode, HostRequestStatus status,
			TrainingField field, String preferredCountry, String preferredLanguage, int months, String programmeOutline,
			String contactName, String contactEmail, TraineeSummary trainee) {

		static HostRequestView of(HostRequest request, Trainee trainee) {
			return new HostRequestView(request.getId(), request.getFiscalYear(), request.getMunicipalityCode(),
					request.getStatus(), request.getField(), request.getPreferredCountry(),
					request.getPreferredLanguage(), request.getMonths(), request.getProgrammeOutline(),
					request.getContactName(), request.getContactEmail(),
					(trainee == null) ? null : TraineeSummary.of(trainee));
		}

	}

	/** What the host sees of its trainee. */
	public record TraineeSummary(String name, String country, TraineeStage stage, String stageLabel) {

		static TraineeSummary of(Trainee trainee) {
			return new TraineeSummary(trainee.getName(), trainee.getCountry(), trainee.getStage(),
					trainee.getStage().label());
		}

	}

	/** A trainee as staff see it. */
	public record TraineeView(Long id, String journeyKey, int fiscalYear, String name, String country,
			String homeGovernment, String position, String languages, boolean hostFound, Long hostRequestId,
			String hostMunicipality, TraineeStage stage, Integer trainingMonths, String withdrawalReason,
			List<StageStep> stages, List<String> reportedMonths) {

		static TraineeView of(Trainee trainee) {
			return new TraineeView(trainee.getId(), trainee.journeyKey(), trainee.getFiscalYear(), trainee.getName(),
					trainee.getCountry(), trainee.getHomeGovernment(), trainee.getPosition(), trainee.getLanguages(),
					trainee.isHostFound(), trainee.getHostRequestId(), trainee.getHostMunicipality(),
					trainee.getStage(), trainee.getTrainingMonths(), trainee.getWithdrawalReason(),
					trainee.getStages()
						.stream()
						.map((entry) -> new StageStep(entry.getStage(), entry.getNote(), entry.getAt()))
						.toList(),
					trainee.getReports().stream().map(Trainee.MonthlyReport::getMonth).toList());
		}

	}

	/** A stage of a journey. */
	public record StageStep(TraineeStage stage, String note, Instant at) {
	}

	/**
	 * Trainees of a year by stage, country and host, and the totals since the first year.
	 */
	public record Cohort(int fiscalYear, long trainees, Map<TraineeStage, Long> byStage, Map<String, Long> byCountry,
			Map<String, Long> byHost, Totals allYears) {
	}

	/**
	 * Everyone who has taken part since the programme began (not counting candidates not
	 * selected).
	 */
	public record Totals(long trainees, long countries, long hosts, int firstYear, int lastYear) {
	}

}
