package jp.localgov.casework.subsidy.web;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import jp.localgov.casework.platform.InvalidInputException;
import jp.localgov.casework.platform.StaffGroup;
import jp.localgov.casework.platform.web.Accounts;
import jp.localgov.casework.referencedata.OfficeCalendar;
import jp.localgov.casework.subsidy.SubsidyAmounts;
import jp.localgov.casework.subsidy.SubsidyService;
import jp.localgov.casework.subsidy.SubsidyStatus;
import jp.localgov.casework.subsidy.SubsidyViews.ProgrammeSummary;
import jp.localgov.casework.subsidy.SubsidyViews.ProgrammeView;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The staff's budget page for a fiscal year: for every programme its budget, what is
 * reserved by grant decisions, paid and left, its rules, and how many applications stand
 * at each status.
 */
@Controller
class SubsidySummaryPage {

	private final SubsidyService subsidies;

	private final Clock clock;

	SubsidySummaryPage(SubsidyService subsidies, Clock clock) {
		this.subsidies = subsidies;
		this.clock = clock;
	}

	@GetMapping("/staff/subsidies")
	String summary(@RequestParam(required = false) Integer fiscalYear, Model model, Authentication authentication) {
		int current = OfficeCalendar.currentFiscalYear(this.clock);
		int year = (fiscalYear == null) ? current : fiscalYear;
		if (year < 2000 || year > 2100) {
			throw InvalidInputException.withMessage("fiscalYear", "subsidy.error.fiscalYear");
		}
		TreeSet<Integer> years = new TreeSet<>(List.of(current - 1, current, current + 1, year));
		List<Row> rows = this.subsidies.summary(year).stream().map(Row::of).toList();
		model.addAttribute("fiscalYear", year);
		model.addAttribute("fiscalYearLabel", DecisionNotices.fiscalYearLabel(year));
		model.addAttribute("fiscalYears", years.descendingSet());
		model.addAttribute("rows", rows);
		model.addAttribute("canEditRules",
				Accounts.isMemberOfAny(authentication, StaffGroup.PROCESS_OWNERS, StaffGroup.ADMINS));
		return "subsidy/summary";
	}

	/**
	 * One programme of the page: its budget position and the applications at each status
	 * reached so far.
	 */
	record Row(ProgrammeView programme, String budget, String reserved, String paid, String remaining, String ceiling,
			int reservedPercent, List<StatusCount> counts, long total) {

		static Row of(ProgrammeSummary summary) {
			ProgrammeView programme = summary.programme();
			List<StatusCount> counts = new ArrayList<>();
			long total = 0;
			for (SubsidyStatus status : SubsidyStatus.values()) {
				long count = summary.applicationsByStatus().getOrDefault(status, 0L);
				if (count > 0) {
					counts.add(new StatusCount(status, status.label(), count));
					total += count;
				}
			}
			int percent = (programme.budget() == 0) ? 0
					: (int) Math.min(100, programme.reserved() * 100 / programme.budget());
			return new Row(programme, SubsidyAmounts.yen(programme.budget()), SubsidyAmounts.yen(programme.reserved()),
					SubsidyAmounts.yen(programme.paid()), SubsidyAmounts.yen(programme.remaining()),
					SubsidyAmounts.yen(programme.ceiling()), percent, counts, total);
		}

	}

	/** How many applications of a programme stand at a status. */
	record StatusCount(SubsidyStatus status, String label, long count) {
	}

}
