package jp.localgov.casework.subsidy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Detached snapshots of programmes and applications for pages and APIs. */
public final class SubsidyViews {

	private SubsidyViews() {
	}

	/**
	 * A programme year with its budget position; {@code demo} marks demonstration values.
	 */
	public record ProgrammeView(String code, String name, int fiscalYear, long budget, long reserved, long paid,
			long remaining, String rate, long ceiling, Set<ApplicantType> eligibleApplicantTypes, LocalDate opensOn,
			LocalDate closesOn, boolean open, boolean demo, String department) {

		static ProgrammeView of(SubsidyProgramme programme, LocalDate today) {
			return new ProgrammeView(programme.getCode(), programme.getName(), programme.getFiscalYear(),
					programme.getBudget(), programme.getReserved(), programme.getPaid(), programme.remaining(),
					programme.rate().toString(), programme.getCeiling(), programme.eligibleTypes(),
					programme.getOpensOn(), programme.getClosesOn(), programme.isOpenOn(today), programme.isDemo(),
					programme.getDepartment());
		}

	}

	/** An application as its applicant and staff see it. */
	public record ApplicationView(String applicationNumber, String programmeCode, String programmeName, int fiscalYear,
			String municipalityCode, ApplicantType applicantType, String title, String summary, LocalDate periodFrom,
			LocalDate periodTo, SubsidyStatus status, long requestedAmount, Long grantedAmount, String conditions,
			String rejectionReasons, LocalDate reportDueOn, String reportSummary, Long determinedAmount,
			Long paidAmount, LocalDate paidOn, List<Line> costItems, List<Line> proposedCostItems,
			List<Line> actualCostItems, List<Step> history, List<ReviewView> reviews) {

		static ApplicationView of(SubsidyApplication application) {
			SubsidyProgramme programme = application.getProgramme();
			return new ApplicationView(application.getApplicationNumber(), programme.getCode(), programme.getName(),
					programme.getFiscalYear(), application.getMunicipalityCode(), application.getApplicantType(),
					application.getTitle(), application.getSummary(), application.getPeriodFrom(),
					application.getPeriodTo(), application.getStatus(), application.getRequestedAmount(),
					application.getGrantedAmount(), application.getConditions(), application.getRejectionReasons(),
					application.getReportDueOn(), application.getReportSummary(), application.getDeterminedAmount(),
					application.getPaidAmount(), application.getPaidOn(),
					lines(application, SubsidyApplication.CostItem.PLANNED),
					lines(application, SubsidyApplication.CostItem.PROPOSED),
					lines(application, SubsidyApplication.CostItem.ACTUAL),
					application.getHistory()
						.stream()
						.map((entry) -> new Step(entry.getStatus(), entry.getNote(), entry.getAt()))
						.toList(),
					application.getReviews()
						.stream()
						.map((review) -> new ReviewView(review.getReviewer(), review.getNecessity(),
								review.getEffectiveness(), review.getFeasibility(), review.getCostValidity(),
								review.total(), review.getRecommendation(), review.getComments()))
						.toList());
		}

		private static List<Line> lines(SubsidyApplication application, String kind) {
			return application.getCostItems()
				.stream()
				.filter((item) -> item.getKind().equals(kind))
				.map((item) -> new Line(item.getDescription(), item.getAmount()))
				.toList();
		}

	}

	/** A cost line. */
	public record Line(String description, long amount) {
	}

	/** A step of the application's history. */
	public record Step(SubsidyStatus status, String note, Instant at) {
	}

	/** One reviewer's scores. */
	public record ReviewView(String reviewer, int necessity, int effectiveness, int feasibility, int costValidity,
			int total, String recommendation, String comments) {
	}

	/** Applications by status and the budget position of a programme year. */
	public record ProgrammeSummary(ProgrammeView programme, Map<SubsidyStatus, Long> applicationsByStatus) {
	}

}
