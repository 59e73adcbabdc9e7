package jp.localgov.casework.subsidy.process;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;

import jp.localgov.casework.platform.process.FormText;
import jp.localgov.casework.referencedata.Municipality;
import jp.localgov.casework.referencedata.OfficeCalendar;
import jp.localgov.casework.referencedata.ReferenceData;
import jp.localgov.casework.subsidy.SubsidyAmounts;
import jp.localgov.casework.subsidy.SubsidyService;
import jp.localgov.casework.subsidy.SubsidyViews.ApplicationView;
import jp.localgov.casework.subsidy.SubsidyViews.Line;
import jp.localgov.casework.subsidy.SubsidyViews.ProgrammeView;
import org.camunda.bpm.engine.delegate.VariableScope;

import org.springframework.stereotype.Component;

/**
 * Copies what staff need to see of an application into the variables the Tasklist forms
 * show, with amounts written as yen; long texts go in as JSON strings.
 */
@Component
class SubsidyVariables {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");

	private final SubsidyService subsidies;

	private final ReferenceData referenceData;

	SubsidyVariables(SubsidyService subsidies, ReferenceData referenceData) {
		this.subsidies = subsidies;
		this.referenceData = referenceData;
	}

	void refresh(VariableScope scope, String number) {
		ApplicationView application = this.subsidies.view(number);
		scope.setVariable(SubsidyProcess.APPLICATION_NUMBER, application.applicationNumber());
		scope.setVariable("programmeName", application.programmeName());
		scope.setVariable("fiscalYear", application.fiscalYear() + "年度");
		scope.setVariable("municipalityName",
				this.referenceData.municipality(application.municipalityCode())
					.map(Municipality::getFullName)
					.orElse(application.municipalityCode()));
		scope.setVariable("applicantTypeLabel", application.applicantType().label());
		scope.setVariable("title", application.title());
		scope.setVariable("summary", FormText.of(application.summary()));
		scope.setVariable("period", DAY.format(application.periodFrom()) + " ～ " + DAY.format(application.periodTo()));
		scope.setVariable("costSummary", FormText.of(lines(application.costItems())));
		scope.setVariable("requestedAmount", yen(application.requestedAmount()));
		scope.setVariable("statusLabel", application.status().label());
		scope.setVariable("maximumGrantLabel", yen(this.subsidies.maximumGrant(number)));
		scope.setVariable("reviewSummary", FormText.of(application.reviews()
			.stream()
			.map((review) -> "【" + review.reviewer() + "】必要性 " + review.necessity() + " / 効果 " + review.effectiveness()
					+ " / 実現可能性 " + review.feasibility() + " / 経費の妥当性 " + review.costValidity() + "（計 " + review.total()
					+ "/20） " + ("APPROVE".equals(review.recommendation()) ? "採択が適当" : "不採択が適当")
					+ (review.comments() == null || review.comments().isBlank() ? "" : "\n" + review.comments()))
			.collect(Collectors.joining("\n"))));
		scope.setVariable("changeSummary", FormText.of(application.proposedCostItems().isEmpty() ? ""
				: lines(application.proposedCostItems()) + "\n" + lastNote(application)));
		scope.setVariable("reportSummary",
				FormText.of(application.reportSummary() == null ? "" : application.reportSummary()));
		scope.setVariable("actualCostSummary", FormText.of(lines(application.actualCostItems())));
		scope.setVariable("determinedAmountLabel",
				application.determinedAmount() == null ? "" : yen(application.determinedAmount()));
		ProgrammeView programme = this.subsidies.programmes(application.fiscalYear())
			.stream()
			.filter((candidate) -> candidate.code().equals(application.programmeCode()))
			.findFirst()
			.orElseThrow();
		scope.setVariable("budgetSummary", FormText.of("予算額 " + yen(programme.budget()) + "\n交付決定済 "
				+ yen(programme.reserved()) + "\n支払済 " + yen(programme.paid()) + "\n残額 " + yen(programme.remaining())));
	}

	static String yen(long amount) {
		return SubsidyAmounts.yen(amount);
	}

	static String day(java.time.LocalDate date) {
		return DAY.format(date);
	}

	private static String lastNote(ApplicationView application) {
		return application.history().isEmpty() ? ""
				: String.valueOf(application.history().get(application.history().size() - 1).note())
					.replace("null", "");
	}

	private static String lines(List<Line> lines) {
		long total = lines.stream().mapToLong(Line::amount).sum();
		return lines.stream()
			.map((line) -> line.description() + "：" + yen(line.amount()))
			.collect(Collectors.joining("\n")) + (lines.isEmpty() ? "" : "\n合計：" + yen(total));
	}

	static String jst(java.time.Instant at) {
		return DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").format(at.atZone(OfficeCalendar.JAPAN));
	}

}
