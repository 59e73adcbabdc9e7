package jp.localgov.casework.subsidy.web;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;

import jp.localgov.casework.platform.BusinessRuleException;
import jp.localgov.casework.platform.StaffGroup;
import jp.localgov.casework.platform.web.Accounts;
import jp.localgov.casework.platform.web.Texts;
import jp.localgov.casework.subsidy.ApplicantType;
import jp.localgov.casework.subsidy.SubsidyProgramme.ProgrammeRules;
import jp.localgov.casework.subsidy.SubsidyRate;
import jp.localgov.casework.subsidy.SubsidyService;
import jp.localgov.casework.subsidy.SubsidyViews.ProgrammeView;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The screen where process owners change a programme's rules for a fiscal year — budget,
 * rate, ceiling, who may apply and the application window — with every refusal explained
 * in the page.
 */
@Controller
class SubsidyProgrammePage {

	private final SubsidyService subsidies;

	private final Texts texts;

	SubsidyProgrammePage(SubsidyService subsidies, Texts texts) {
		this.subsidies = subsidies;
		this.texts = texts;
	}

	@GetMapping("/staff/subsidies/programmes/{code}")
	String edit(@PathVariable String code, @RequestParam int fiscalYear, Authentication authentication, Model model) {
		requireEditor(authentication);
		ProgrammeView programme = find(code, fiscalYear);
		model.addAttribute("programme", programme);
		model.addAttribute("form", Form.of(programme));
		model.addAttribute("types", ApplicantType.values());
		return "subsidy/programme";
	}

	@PostMapping("/staff/subsidies/programmes/{code}")
	String save(@PathVariable String code, @RequestParam int fiscalYear, Form form, Authentication authentication,
			Model model, RedirectAttributes redirect) {
		requireEditor(authentication);
		ProgrammeView programme = find(code, fiscalYear);
		try {
			ProgrammeRules rules = new ProgrammeRules(form.budget() == null ? -1 : form.budget(),
					SubsidyRate.parse(form.rate() == null ? "" : form.rate()),
					form.ceiling() == null ? 0 : form.ceiling(), form.eligibleTypes() == null
							? EnumSet.noneOf(ApplicantType.class) : EnumSet.copyOf(form.eligibleTypes()),
					form.opensOn(), form.closesOn());
			this.subsidies.defineProgramme(code, fiscalYear, programme.name(), programme.department(), rules, false);
		}
		catch (IllegalArgumentException | NullPointerException | BusinessRuleException ex) {
			model.addAttribute("programme", programme);
			model.addAttribute("form", form);
			model.addAttribute("types", ApplicantType.values());
			model.addAttribute("error",
					(ex.getMessage() == null) ? this.texts.bilingual("subsidy.error.checkInput") : ex.getMessage());
			return "subsidy/programme";
		}
		redirect.addFlashAttribute("saved", programme.name());
		return "redirect:/staff/subsidies?fiscalYear=" + fiscalYear;
	}

	private ProgrammeView find(String code, int fiscalYear) {
		return this.subsidies.programmes(fiscalYear)
			.stream()
			.filter((candidate) -> candidate.code().equals(code))
			.findFirst()
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	private static void requireEditor(Authentication authentication) {
		if (!Accounts.isMemberOfAny(authentication, StaffGroup.PROCESS_OWNERS, StaffGroup.ADMINS)) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN);
		}
	}

	/** What the form edits, as typed. */
	record Form(Long budget, String rate, Long ceiling, List<ApplicantType> eligibleTypes,
			@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate opensOn,
			@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate closesOn) {

		static Form of(ProgrammeView programme) {
			return new Form(programme.budget(), programme.rate(), programme.ceiling(),
					List.copyOf(programme.eligibleApplicantTypes()), programme.opensOn(), programme.closesOn());
		}

	}

}
