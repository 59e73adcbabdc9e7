package jp.localgov.casework.lgotp.web;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

import jp.localgov.casework.lgotp.LgotpService;
import jp.localgov.casework.lgotp.LgotpViews.Cohort;
import jp.localgov.casework.lgotp.TraineeStage;
import jp.localgov.casework.referencedata.Municipality;
import jp.localgov.casework.referencedata.OfficeCalendar;
import jp.localgov.casework.referencedata.ReferenceData;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The staff's cohort view of LGOTP: the trainees of a programme year by stage, country
 * and host, and the totals since the programme began.
 */
@Controller
class LgotpCohortPage {

	private final LgotpService lgotp;

	private final ReferenceData referenceData;

	private final Clock clock;

	LgotpCohortPage(LgotpService lgotp, ReferenceData referenceData, Clock clock) {
		this.lgotp = lgotp;
		this.referenceData = referenceData;
		this.clock = clock;
	}

	@GetMapping("/staff/lgotp")
	String cohort(@RequestParam(required = false) Integer fiscalYear, Model model) {
		int year = (fiscalYear != null) ? fiscalYear : OfficeCalendar.currentFiscalYear(this.clock);
		Cohort cohort = this.lgotp.cohort(year);
		Map<String, Long> stages = new LinkedHashMap<>();
		cohort.byStage().forEach((stage, count) -> stages.put(stage.label(), count));
		Map<String, Long> hosts = new LinkedHashMap<>();
		cohort.byHost()
			.forEach((code, count) -> hosts
				.put(this.referenceData.municipality(code).map(Municipality::getFullName).orElse(code), count));
		model.addAttribute("fiscalYear", year);
		model.addAttribute("cohort", cohort);
		model.addAttribute("stages", stages);
		model.addAttribute("hosts", hosts);
		model.addAttribute("alumni", cohort.byStage().getOrDefault(TraineeStage.ALUMNI, 0L));
		return "lgotp/cohort";
	}

}
