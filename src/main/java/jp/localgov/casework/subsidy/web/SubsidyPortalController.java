package jp.localgov.casework.subsidy.web;

import java.text.Normalizer;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jp.localgov.casework.platform.BusinessRuleException;
import jp.localgov.casework.platform.InvalidInputException;
import jp.localgov.casework.platform.NotFoundException;
import jp.localgov.casework.platform.web.ActingMunicipality;
import jp.localgov.casework.platform.web.PortalController;
import jp.localgov.casework.platform.web.Texts;
import jp.localgov.casework.referencedata.OfficeCalendar;
import jp.localgov.casework.subsidy.ApplicantType;
import jp.localgov.casework.subsidy.CostLine;
import jp.localgov.casework.subsidy.NewApplication;
import jp.localgov.casework.subsidy.PlanChange;
import jp.localgov.casework.subsidy.SubsidyAmounts;
import jp.localgov.casework.subsidy.SubsidyRate;
import jp.localgov.casework.subsidy.SubsidyService;
import jp.localgov.casework.subsidy.SubsidyStatus;
import jp.localgov.casework.subsidy.SubsidyViews.ApplicationView;
import jp.localgov.casework.subsidy.SubsidyViews.ProgrammeView;
import jp.localgov.casework.subsidy.SubsidyViews.Step;
import jp.localgov.casework.subsidy.web.SubsidyForm.CostRow;

import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The subsidy pages of the applicant portal for logged-in local governments: the open
 * programmes and their own applications, the application form, and each application with
 * its correction, change request, performance report and decision notice; every error is
 * shown in the page.
 */
@PortalController
@RequestMapping("/portal/lg/subsidies")
class SubsidyPortalController {

	private static final String BASE = "/portal/lg/subsidies";

	/**
	 * The form field of each property of {@link NewApplication} and {@link PlanChange}.
	 */
	private static final Map<String, String> FORM_FIELDS = Map.of("title", "projectTitle", "summary", "projectSummary",
			"periodFrom", "projectStart", "periodTo", "projectEnd", "costItems", "costs", "actualCostItems", "costs");

	/** The fields above the cost table, in the order of the page. */
	private static final List<String> FIELD_ORDER = List.of("projectTitle", "projectSummary", "projectStart",
			"projectEnd", "costs");

	private static final Pattern COST_PATH = Pattern.compile("(?:costItems|actualCostItems)\\[(\\d+)\\]\\.(\\w+)");

	private static final Pattern ROW_FIELD = Pattern.compile("costs\\[(\\d+)\\]\\.(\\w+)");

	/** Far above any programme's ceiling; keeps the sums of 50 rows in range. */
	private static final long MAX_AMOUNT = 999_999_999_999L;

	private final SubsidyService subsidies;

	private final Validator validator;

	private final Clock clock;

	private final DecisionNotices notices;

	private final Texts texts;

	SubsidyPortalController(SubsidyService subsidies, Validator validator, Clock clock, DecisionNotices notices,
			Texts texts) {
		this.subsidies = subsidies;
		this.validator = validator;
		this.clock = clock;
		this.notices = notices;
		this.texts = texts;
	}

	@GetMapping({ "", "/" })
	String overview(@ActingMunicipality String code, Model model) {
		ApplicantType type = ApplicantType.ofMunicipalityCode(code);
		int year = OfficeCalendar.currentFiscalYear(this.clock);
		List<ProgrammeView> open = this.subsidies.programmes(year)
			.stream()
			.filter((programme) -> programme.open() && programme.eligibleApplicantTypes().contains(type))
			.toList();
		model.addAttribute("fiscalYear", year);
		model.addAttribute("programmes", open);
		model.addAttribute("anyDemo", open.stream().anyMatch(ProgrammeView::demo));
		model.addAttribute("applications", this.subsidies.ofMunicipality(code));
		return "portal/subsidy/overview";
	}

	@GetMapping("/apply")
	String applicationForm(@RequestParam String programme, @RequestParam(required = false) Integer fiscalYear,
			@ActingMunicipality String code, Model model) {
		model.addAttribute("subsidyForm", new SubsidyForm().padded(0));
		return applyPage(programme(programme, fiscalYear), code, model);
	}

	@PostMapping("/apply")
	String apply(@RequestParam String programme, @RequestParam(required = false) Integer fiscalYear,
			@ModelAttribute("subsidyForm") SubsidyForm form, BindingResult binding,
			@RequestParam(required = false) String addRows, @ActingMunicipality String code, Locale locale, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		ProgrammeView found = programme(programme, fiscalYear);
		if (addRows != null) {
			form.padded(SubsidyForm.ADD_ROWS);
			return applyPage(found, code, model);
		}
		Parsed parsed = parse(form, true, locale);
		NewApplication request = new NewApplication(found.code(), found.fiscalYear(), stripped(form.getProjectTitle()),
				text(form.getProjectSummary()), parsed.start(), parsed.end(), parsed.lines());
		reject(binding, parsed.withViolationsOf(request, this.validator, locale));
		if (!binding.hasErrors()) {
			try {
				ApplicationView applied = this.subsidies.apply(code, request);
				return done(applied.applicationNumber(), "subsidy.flash.applied", redirect);
			}
			catch (InvalidInputException ex) {
				reject(binding, ex, locale);
			}
			catch (BusinessRuleException ex) {
				model.addAttribute("pageError", this.texts.text(ex, locale));
				response.setStatus(HttpStatus.CONFLICT.value());
			}
		}
		model.addAttribute("estimate", estimate(found, parsed.lines()));
		form.padded(0);
		return applyPage(found, code, model);
	}

	@GetMapping("/{number}")
	String application(@PathVariable String number, @ActingMunicipality String code, Model model) {
		return applicationPage(this.subsidies.forMunicipality(number, code), model);
	}

	@PostMapping("/{number}/correction")
	String correct(@PathVariable String number, @ModelAttribute("correction") SubsidyForm form, BindingResult binding,
			@RequestParam(required = false) String addRows, @ActingMunicipality String code, Locale locale, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		ApplicationView view = this.subsidies.forMunicipality(number, code);
		if (view.status() != SubsidyStatus.CORRECTION_REQUESTED) {
			model.addAttribute("pageError", this.texts.text("subsidy.error.noCorrection", locale));
			response.setStatus(HttpStatus.CONFLICT.value());
			return applicationPage(view, model);
		}
		if (addRows != null) {
			form.padded(SubsidyForm.ADD_ROWS);
			return applicationPage(view, model);
		}
		Parsed parsed = parse(form, true, locale);
		NewApplication correction = new NewApplication(view.programmeCode(), view.fiscalYear(),
				stripped(form.getProjectTitle()), text(form.getProjectSummary()), parsed.start(), parsed.end(),
				parsed.lines());
		reject(binding, parsed.withViolationsOf(correction, this.validator, locale));
		if (!binding.hasErrors()) {
			try {
				this.subsidies.correct(number, code, correction);
				return done(number, "subsidy.flash.corrected", redirect);
			}
			catch (InvalidInputException ex) {
				reject(binding, ex, locale);
			}
			catch (BusinessRuleException ex) {
				model.addAttribute("pageError", this.texts.text(ex, locale));
				response.setStatus(HttpStatus.CONFLICT.value());
				view = this.subsidies.forMunicipality(number, code);
			}
		}
		model.addAttribute("estimate", estimate(programmeOf(view), parsed.lines()));
		form.padded(0);
		return applicationPage(view, model);
	}

	@PostMapping("/{number}/change-request")
	String requestChange(@PathVariable String number, @ModelAttribute("change") SubsidyForm form, BindingResult binding,
			@RequestParam(required = false) String addRows, @ActingMunicipality String code, Locale locale, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		return planChange(number, form, binding, addRows != null, code, locale, model, response, redirect, true);
	}

	@PostMapping("/{number}/report")
	String report(@PathVariable String number, @ModelAttribute("report") SubsidyForm form, BindingResult binding,
			@RequestParam(required = false) String addRows, @ActingMunicipality String code, Locale locale, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		return planChange(number, form, binding, addRows != null, code, locale, model, response, redirect, false);
	}

	/** The printable decision notice, the same page the API serves. */
	@GetMapping("/{number}/notice")
	ModelAndView notice(@PathVariable String number, @ActingMunicipality String code) {
		return this.notices.page(this.subsidies.forMunicipality(number, code));
	}

	// ---- pages

	private String planChange(String number, SubsidyForm form, BindingResult binding, boolean addRows, String code,
			Locale locale, Model model, HttpServletResponse response, RedirectAttributes redirect, boolean change) {
		ApplicationView view = this.subsidies.forMunicipality(number, code);
		if (view.status() != SubsidyStatus.GRANTED) {
			model.addAttribute("pageError", this.texts.text("subsidy.error.notGranted", locale));
			response.setStatus(HttpStatus.CONFLICT.value());
			return applicationPage(view, model);
		}
		if (addRows) {
			form.padded(SubsidyForm.ADD_ROWS);
			return applicationPage(view, model);
		}
		Parsed parsed = parse(form, false, locale);
		PlanChange request = new PlanChange(parsed.lines(), text(form.getProjectSummary()));
		reject(binding, parsed.withViolationsOf(request, this.validator, locale));
		if (!binding.hasErrors()) {
			try {
				if (change) {
					this.subsidies.requestChange(number, code, request);
				}
				else {
					this.subsidies.report(number, code, request);
				}
				return done(number, change ? "subsidy.flash.changeRequested" : "subsidy.flash.reported", redirect);
			}
			catch (InvalidInputException ex) {
				reject(binding, ex, locale);
			}
			catch (BusinessRuleException ex) {
				model.addAttribute("pageError", this.texts.text(ex, locale));
				response.setStatus(HttpStatus.CONFLICT.value());
				view = this.subsidies.forMunicipality(number, code);
			}
		}
		if (change) {
			model.addAttribute("changeEstimate", estimate(programmeOf(view), parsed.lines()));
		}
		form.padded(0);
		return applicationPage(view, model);
	}

	private String applyPage(ProgrammeView programme, String municipalityCode, Model model) {
		ApplicantType type = ApplicantType.ofMunicipalityCode(municipalityCode);
		model.addAttribute("programme", programme);
		model.addAttribute("applicantType", type);
		model.addAttribute("eligible", programme.eligibleApplicantTypes().contains(type));
		return "portal/subsidy/apply";
	}

	private String applicationPage(ApplicationView view, Model model) {
		model.addAttribute("languageBase", applicationPath(view.applicationNumber()));
		model.addAttribute("view", view);
		model.addAttribute("programme", programmeOf(view));
		model.addAttribute("noticeAvailable", view.grantedAmount() != null || view.status() == SubsidyStatus.REJECTED);
		model.addAttribute("correctionRequest", lastNote(view, SubsidyStatus.CORRECTION_REQUESTED));
		if (view.status() == SubsidyStatus.CORRECTION_REQUESTED && !model.containsAttribute("correction")) {
			model.addAttribute("correction", SubsidyForm.of(view));
		}
		if (view.status() == SubsidyStatus.GRANTED) {
			if (!model.containsAttribute("change")) {
				model.addAttribute("change", SubsidyForm.withCosts(view.costItems()));
			}
			if (!model.containsAttribute("report")) {
				model.addAttribute("report", SubsidyForm.withCosts(view.costItems()));
			}
		}
		return "portal/subsidy/application";
	}

	private static String done(String number, String message, RedirectAttributes redirect) {
		redirect.addFlashAttribute("flash", message);
		redirect.addFlashAttribute("flashNumber", number);
		return "redirect:" + applicationPath(number);
	}

	private static String applicationPath(String number) {
		return UriComponentsBuilder.fromPath(BASE + "/{number}").buildAndExpand(number).encode().toUriString();
	}

	private ProgrammeView programme(String code, Integer fiscalYear) {
		int year = (fiscalYear != null) ? fiscalYear : OfficeCalendar.currentFiscalYear(this.clock);
		if (year < 2000 || year > 2100) {
			throw NotFoundException.withMessage("subsidy.error.fiscalYear");
		}
		return this.subsidies.programmes(year)
			.stream()
			.filter((programme) -> programme.code().equals(code))
			.findFirst()
			.orElseThrow(() -> NotFoundException.withMessage("subsidy.error.noProgramme"));
	}

	private ProgrammeView programmeOf(ApplicationView view) {
		return this.subsidies.programmes(view.fiscalYear())
			.stream()
			.filter((programme) -> programme.code().equals(view.programmeCode()))
			.findFirst()
			.orElse(null);
	}

	private static String lastNote(ApplicationView view, SubsidyStatus status) {
		String note = null;
		for (Step step : view.history()) {
			if (step.status() == status) {
				note = step.note();
			}
		}
		return note;
	}

	/**
	 * The amount the rule would grant for the cost rows as entered, or {@code null} while
	 * a row has no valid amount.
	 */
	private static Estimate estimate(ProgrammeView programme, List<CostLine> lines) {
		if (programme == null || lines.isEmpty()
				|| lines.stream().anyMatch((line) -> line.amount() == null || line.amount() < 0)) {
			return null;
		}
		try {
			long cost = lines.stream().mapToLong(CostLine::amount).reduce(0, Math::addExact);
			return new Estimate(cost, programme.rate(),
					SubsidyAmounts.granted(cost, SubsidyRate.parse(programme.rate()), programme.ceiling()),
					programme.ceiling());
		}
		catch (ArithmeticException ex) {
			return null;
		}
	}

	// ---- input

	/**
	 * Reads the dates and the cost rows as typed: rows left empty are ignored, amounts
	 * may have commas and full-width digits; what cannot be read is a problem of its
	 * field.
	 */
	private static Parsed parse(SubsidyForm form, boolean withPeriod, Locale locale) {
		List<Problem> problems = new ArrayList<>();
		LocalDate start = withPeriod ? date(form.getProjectStart(), "projectStart", problems) : null;
		LocalDate end = withPeriod ? date(form.getProjectEnd(), "projectEnd", problems) : null;
		if (start != null && end != null && end.isBefore(start)) {
			problems.add(new Problem("projectEnd", "PeriodOrder", null));
		}
		List<CostLine> lines = new ArrayList<>();
		List<Integer> rows = new ArrayList<>();
		List<CostRow> costs = (form.getCosts() != null) ? form.getCosts() : List.of();
		for (int i = 0; i < costs.size(); i++) {
			CostRow row = costs.get(i);
			if (row == null || row.isBlank()) {
				continue;
			}
			Long amount = amount(row.getAmount(), "costs[" + i + "].amount", problems);
			String description = (row.getDescription() != null) ? row.getDescription().strip() : null;
			lines.add(new CostLine(description, amount));
			rows.add(i);
		}
		return new Parsed(start, end, lines, rows, problems);
	}

	private static LocalDate date(String value, String field, List<Problem> problems) {
		String text = normalized(value);
		if (text.isEmpty()) {
			return null;
		}
		try {
			return LocalDate.parse(text.replace('/', '-'));
		}
		catch (DateTimeParseException ex) {
			problems.add(new Problem(field, "Date", null));
			return null;
		}
	}

	private static Long amount(String value, String field, List<Problem> problems) {
		String text = normalized(value).replace(",", "").replace("円", "").replace("¥", "").strip();
		if (text.isEmpty()) {
			return null;
		}
		if (!text.matches("[-+]?\\d{1,18}")) {
			problems.add(new Problem(field, "Amount", null));
			return null;
		}
		long amount = Long.parseLong(text);
		if (amount > MAX_AMOUNT) {
			problems.add(new Problem(field, "TooLarge", null));
			return null;
		}
		return amount;
	}

	private static String normalized(String value) {
		return (value != null) ? Normalizer.normalize(value, Normalizer.Form.NFKC).strip() : "";
	}

	/** Line breaks as {@code \n}, without surrounding blanks (a full-width space too). */
	private static String text(String value) {
		return (value != null) ? value.replace("\r\n", "\n").strip() : null;
	}

	private static String stripped(String value) {
		return (value != null) ? value.strip() : null;
	}

	private static void reject(BindingResult binding, List<Problem> problems) {
		problems.stream().sorted(Comparator.comparingInt(Problem::rank).thenComparing(Problem::code)).forEach((p) -> {
			if (p.field() == null) {
				binding.reject("subsidy." + p.code(), p.message());
			}
			else {
				binding.rejectValue(p.field(), "subsidy." + p.code(), p.message());
			}
		});
	}

	private void reject(BindingResult binding, InvalidInputException ex, Locale locale) {
		String field = FORM_FIELDS.get(ex.getField());
		if (field != null && !binding.hasFieldErrors(field)) {
			binding.rejectValue(field, "subsidy.Invalid", this.texts.text(ex, locale));
		}
		else {
			binding.reject("subsidy.Invalid", this.texts.text(ex, locale));
		}
	}

	/**
	 * What was typed, read: the dates, the filled cost lines with the form row each came
	 * from, and the problems found so far.
	 */
	private record Parsed(LocalDate start, LocalDate end, List<CostLine> lines, List<Integer> rows,
			List<Problem> problems) {

		/**
		 * These problems and the bean validation messages of the request, each on its
		 * form field; a field that could not be read gets no second message.
		 */
		<T> List<Problem> withViolationsOf(T request, Validator validator, Locale locale) {
			List<Problem> all = new ArrayList<>(this.problems);
			Set<String> taken = new HashSet<>();
			this.problems.forEach((problem) -> taken.add(problem.field()));
			for (ConstraintViolation<T> violation : validator.validate(request)) {
				String field = formField(violation.getPropertyPath().toString());
				if (field == null || !taken.contains(field)) {
					all.add(new Problem(field,
							violation.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName(),
							Texts.inLanguage(violation.getMessage(), locale)));
				}
			}
			return all;
		}

		private String formField(String path) {
			Matcher row = COST_PATH.matcher(path);
			if (row.matches()) {
				return "costs[" + this.rows.get(Integer.parseInt(row.group(1))) + "]." + row.group(2);
			}
			return FORM_FIELDS.get(path);
		}

	}

	/**
	 * A message for a form field ({@code null}: for the whole form).
	 *
	 * @param field the form field
	 * @param code the constraint or check
	 * @param message in the page's language
	 */
	private record Problem(String field, String code, String message) {

		/** The place of the field on the page: whole-form messages first. */
		int rank() {
			if (this.field == null) {
				return -1;
			}
			Matcher row = ROW_FIELD.matcher(this.field);
			if (row.matches()) {
				return FIELD_ORDER.size() + 2 * Integer.parseInt(row.group(1))
						+ ("amount".equals(row.group(2)) ? 1 : 0);
			}
			int position = FIELD_ORDER.indexOf(this.field);
			return (position < 0) ? FIELD_ORDER.size() : position;
		}

	}

	/**
	 * The amount the programme's rule gives for the costs as entered.
	 *
	 * @param cost the sum of the costs
	 * @param rate the programme's rate, e.g. 1/2
	 * @param requested the amount, below 1,000 yen cut off and at most the ceiling
	 * @param ceiling the programme's ceiling
	 */
	record Estimate(long cost, String rate, long requested, long ceiling) {
	}

}
