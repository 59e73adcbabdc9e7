package jp.localgov.casework.subsidy.web;

import java.text.Normalizer;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
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

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jp.localgov.casework.platform.BusinessRuleException;
import jp.localgov.casework.platform.InvalidInputException;
import jp.localgov.casework.platform.LocalGovernmentAccount;
import jp.localgov.casework.platform.NotFoundException;
import jp.localgov.casework.platform.PortalPages;
import jp.localgov.casework.referencedata.OfficeCalendar;
import jp.localgov.casework.referencedata.ReferenceData;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The subsidy pages of the applicant portal for logged-in local governments: the open
 * programmes and their own applications, the application form, and each application with
 * its correction, change request, performance report and decision notice; every error is
 * shown in the page.
 */
@Controller
@RequestMapping("/portal/lg/subsidies")
class SubsidyPortalController {

	private static final Logger logger = LoggerFactory.getLogger(SubsidyPortalController.class);

	private static final String BASE = "/portal/lg/subsidies";

	private static final DateTimeFormatter JST = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
		.withZone(OfficeCalendar.JAPAN);

	/** The last path segments of the forms posted from an application's page. */
	private static final List<String> ACTIONS = List.of("correction", "change-request", "report");

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

	private static final String PERIOD_ORDER = "事業終了日は開始日以降にしてください / the last day is before the first day";

	private static final String BAD_DATE = "日付は 2026-07-01 の形式で入力してください / enter the date as 2026-07-01";

	private static final String BAD_AMOUNT = "金額は円単位の数字で入力してください / enter the amount in whole yen";

	private static final String TOO_LARGE = "金額が大きすぎます / the amount is too large";

	private static final String NO_CORRECTION = "補正の依頼はありません / no correction was requested";

	private static final String NOT_GRANTED = "交付決定後、実績報告の前にのみ変更の申請と実績報告ができます / "
			+ "changes and the report are possible after the grant and before the report";

	private final SubsidyService subsidies;

	private final ReferenceData referenceData;

	private final Validator validator;

	private final Clock clock;

	private final SubsidyApiController api;

	SubsidyPortalController(SubsidyService subsidies, ReferenceData referenceData, Validator validator, Clock clock,
			SubsidyApiController api) {
		this.subsidies = subsidies;
		this.referenceData = referenceData;
		this.validator = validator;
		this.clock = clock;
		this.api = api;
	}

	@ModelAttribute
	void page(HttpServletRequest request, Locale locale, Authentication authentication, Model model) {
		model.addAllAttributes(common(request, locale).getModel());
		model.addAttribute("account", (authentication != null) ? authentication.getName() : null);
	}

	@GetMapping({ "", "/" })
	String overview(Authentication authentication, Locale locale, Model model) {
		String code = municipalityOf(authentication);
		ApplicantType type = ApplicantType.ofMunicipalityCode(code);
		int year = SubsidyApiController.currentFiscalYear(this.clock);
		List<ProgrammeView> open = this.subsidies.programmes(year)
			.stream()
			.filter((programme) -> programme.open() && programme.eligibleApplicantTypes().contains(type))
			.toList();
		model.addAttribute("fiscalYear", year);
		model.addAttribute("programmes", open);
		model.addAttribute("anyDemo", open.stream().anyMatch(ProgrammeView::demo));
		model.addAttribute("applications", this.subsidies.ofMunicipality(code));
		model.addAttribute("municipality", municipalityName(code, locale));
		return "portal/subsidy/overview";
	}

	@GetMapping("/apply")
	String applicationForm(@RequestParam String programme, @RequestParam(required = false) Integer fiscalYear,
			Authentication authentication, Model model) {
		String code = municipalityOf(authentication);
		model.addAttribute("subsidyForm", new SubsidyForm().padded(0));
		return applyPage(programme(programme, fiscalYear), code, model);
	}

	@PostMapping("/apply")
	String apply(@RequestParam String programme, @RequestParam(required = false) Integer fiscalYear,
			@ModelAttribute("subsidyForm") SubsidyForm form, BindingResult binding,
			@RequestParam(required = false) String addRows, Authentication authentication, Locale locale, Model model,
			RedirectAttributes redirect) {
		String code = municipalityOf(authentication);
		ProgrammeView found = programme(programme, fiscalYear);
		if (addRows != null) {
			form.padded(SubsidyForm.ADD_ROWS);
			return applyPage(found, code, model);
		}
		String lang = PortalPages.language(locale);
		Parsed parsed = parse(form, true, lang);
		NewApplication request = new NewApplication(found.code(), found.fiscalYear(), stripped(form.getProjectTitle()),
				text(form.getProjectSummary()), parsed.start(), parsed.end(), parsed.lines());
		reject(binding, parsed.withViolationsOf(request, this.validator, lang));
		if (!binding.hasErrors()) {
			try {
				ApplicationView applied = this.subsidies.apply(code, request);
				return done(applied.applicationNumber(), "subsidy.flash.applied", redirect);
			}
			catch (InvalidInputException ex) {
				reject(binding, ex, lang);
			}
			catch (BusinessRuleException ex) {
				model.addAttribute("pageError", localized(ex.getMessage(), lang));
			}
		}
		model.addAttribute("estimate", estimate(found, parsed.lines()));
		form.padded(0);
		return applyPage(found, code, model);
	}

	@GetMapping("/{number}")
	String application(@PathVariable String number, Authentication authentication, Model model) {
		return applicationPage(this.subsidies.forMunicipality(number, municipalityOf(authentication)), model);
	}

	@PostMapping("/{number}/correction")
	String correct(@PathVariable String number, @ModelAttribute("correction") SubsidyForm form, BindingResult binding,
			@RequestParam(required = false) String addRows, Authentication authentication, Locale locale, Model model,
			RedirectAttributes redirect) {
		String code = municipalityOf(authentication);
		String lang = PortalPages.language(locale);
		ApplicationView view = this.subsidies.forMunicipality(number, code);
		if (view.status() != SubsidyStatus.CORRECTION_REQUESTED) {
			model.addAttribute("pageError", localized(NO_CORRECTION, lang));
			return applicationPage(view, model);
		}
		if (addRows != null) {
			form.padded(SubsidyForm.ADD_ROWS);
			return applicationPage(view, model);
		}
		Parsed parsed = parse(form, true, lang);
		NewApplication correction = new NewApplication(view.programmeCode(), view.fiscalYear(),
				stripped(form.getProjectTitle()), text(form.getProjectSummary()), parsed.start(), parsed.end(),
				parsed.lines());
		reject(binding, parsed.withViolationsOf(correction, this.validator, lang));
		if (!binding.hasErrors()) {
			try {
				this.subsidies.correct(number, code, correction);
				return done(number, "subsidy.flash.corrected", redirect);
			}
			catch (InvalidInputException ex) {
				reject(binding, ex, lang);
			}
			catch (BusinessRuleException ex) {
				model.addAttribute("pageError", localized(ex.getMessage(), lang));
				view = this.subsidies.forMunicipality(number, code);
			}
		}
		model.addAttribute("estimate", estimate(programmeOf(view), parsed.lines()));
		form.padded(0);
		return applicationPage(view, model);
	}

	@PostMapping("/{number}/change-request")
	String requestChange(@PathVariable String number, @ModelAttribute("change") SubsidyForm form, BindingResult binding,
			@RequestParam(required = false) String addRows, Authentication authentication, Locale locale, Model model,
			RedirectAttributes redirect) {
		return planChange(number, form, binding, addRows != null, authentication, locale, model, redirect, true);
	}

	@PostMapping("/{number}/report")
	String report(@PathVariable String number, @ModelAttribute("report") SubsidyForm form, BindingResult binding,
			@RequestParam(required = false) String addRows, Authentication authentication, Locale locale, Model model,
			RedirectAttributes redirect) {
		return planChange(number, form, binding, addRows != null, authentication, locale, model, redirect, false);
	}

	/** The printable decision notice, the same page the API serves. */
	@GetMapping("/{number}/notice")
	ModelAndView notice(@PathVariable String number, Authentication authentication) {
		municipalityOf(authentication);
		return this.api.notice(number, authentication);
	}

	@ExceptionHandler({ NotFoundException.class, MethodArgumentTypeMismatchException.class })
	ModelAndView notFound(HttpServletRequest request, Locale locale) {
		return PortalPages.notFound(common(request, locale));
	}

	@ExceptionHandler(Exception.class)
	ModelAndView failed(Exception ex, HttpServletRequest request, Locale locale) {
		return PortalPages.failed(ex, common(request, locale), request, logger);
	}

	// ---- pages

	private String planChange(String number, SubsidyForm form, BindingResult binding, boolean addRows,
			Authentication authentication, Locale locale, Model model, RedirectAttributes redirect, boolean change) {
		String code = municipalityOf(authentication);
		String lang = PortalPages.language(locale);
		ApplicationView view = this.subsidies.forMunicipality(number, code);
		if (view.status() != SubsidyStatus.GRANTED) {
			model.addAttribute("pageError", localized(NOT_GRANTED, lang));
			return applicationPage(view, model);
		}
		if (addRows) {
			form.padded(SubsidyForm.ADD_ROWS);
			return applicationPage(view, model);
		}
		Parsed parsed = parse(form, false, lang);
		PlanChange request = new PlanChange(parsed.lines(), text(form.getProjectSummary()));
		reject(binding, parsed.withViolationsOf(request, this.validator, lang));
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
				reject(binding, ex, lang);
			}
			catch (BusinessRuleException ex) {
				model.addAttribute("pageError", localized(ex.getMessage(), lang));
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
		return "redirect:" + UriComponentsBuilder.fromPath(BASE + "/{number}").buildAndExpand(number).encode();
	}

	private ProgrammeView programme(String code, Integer fiscalYear) {
		int year = (fiscalYear != null) ? fiscalYear : SubsidyApiController.currentFiscalYear(this.clock);
		if (year < 2000 || year > 2100) {
			throw new NotFoundException("年度は2000～2100です / The fiscal year is 2000 to 2100");
		}
		return this.subsidies.programmes(year)
			.stream()
			.filter((programme) -> programme.code().equals(code))
			.findFirst()
			.orElseThrow(() -> new NotFoundException("助成事業が見つかりません / No such programme"));
	}

	private ProgrammeView programmeOf(ApplicationView view) {
		return this.subsidies.programmes(view.fiscalYear())
			.stream()
			.filter((programme) -> programme.code().equals(view.programmeCode()))
			.findFirst()
			.orElse(null);
	}

	private String municipalityName(String code, Locale locale) {
		return this.referenceData.municipality(code)
			.map((found) -> "en".equals(PortalPages.language(locale)) ? found.getNameEn() : found.getFullName())
			.orElse(code);
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
	private static Parsed parse(SubsidyForm form, boolean withPeriod, String lang) {
		List<Problem> problems = new ArrayList<>();
		LocalDate start = withPeriod ? date(form.getProjectStart(), "projectStart", problems, lang) : null;
		LocalDate end = withPeriod ? date(form.getProjectEnd(), "projectEnd", problems, lang) : null;
		if (start != null && end != null && end.isBefore(start)) {
			problems.add(new Problem("projectEnd", "PeriodOrder", localized(PERIOD_ORDER, lang)));
		}
		List<CostLine> lines = new ArrayList<>();
		List<Integer> rows = new ArrayList<>();
		List<CostRow> costs = (form.getCosts() != null) ? form.getCosts() : List.of();
		for (int i = 0; i < costs.size(); i++) {
			CostRow row = costs.get(i);
			if (row == null || row.isBlank()) {
				continue;
			}
			Long amount = amount(row.getAmount(), "costs[" + i + "].amount", problems, lang);
			String description = (row.getDescription() != null) ? row.getDescription().strip() : null;
			lines.add(new CostLine(description, amount));
			rows.add(i);
		}
		return new Parsed(start, end, lines, rows, problems);
	}

	private static LocalDate date(String value, String field, List<Problem> problems, String lang) {
		String text = normalized(value);
		if (text.isEmpty()) {
			return null;
		}
		try {
			return LocalDate.parse(text.replace('/', '-'));
		}
		catch (DateTimeParseException ex) {
			problems.add(new Problem(field, "Date", localized(BAD_DATE, lang)));
			return null;
		}
	}

	private static Long amount(String value, String field, List<Problem> problems, String lang) {
		String text = normalized(value).replace(",", "").replace("円", "").replace("¥", "").strip();
		if (text.isEmpty()) {
			return null;
		}
		if (!text.matches("[-+]?\\d{1,18}")) {
			problems.add(new Problem(field, "Amount", localized(BAD_AMOUNT, lang)));
			return null;
		}
		long amount = Long.parseLong(text);
		if (amount > MAX_AMOUNT) {
			problems.add(new Problem(field, "TooLarge", localized(TOO_LARGE, lang)));
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

	private static void reject(BindingResult binding, InvalidInputException ex, String lang) {
		String field = FORM_FIELDS.get(ex.getField());
		if (field != null && !binding.hasFieldErrors(field)) {
			binding.rejectValue(field, "subsidy.Invalid", localized(ex.getMessage(), lang));
		}
		else {
			binding.reject("subsidy.Invalid", localized(ex.getMessage(), lang));
		}
	}

	/**
	 * The Japanese or the English half of a service message {@code "日本語 / English"}; a
	 * trailing {@code （現在：…）} stays with the Japanese.
	 */
	static String localized(String message, String lang) {
		if (message == null) {
			return "";
		}
		int separator = message.indexOf(" / ");
		if (separator < 0) {
			return message;
		}
		int current = message.lastIndexOf("（現在：");
		String suffix = (current > separator) ? message.substring(current) : "";
		String english = message.substring(separator + 3, (current > separator) ? current : message.length()).strip();
		if (!"en".equals(lang)) {
			return message.substring(0, separator).strip() + suffix;
		}
		return english.isEmpty() ? english : Character.toUpperCase(english.charAt(0)) + english.substring(1);
	}

	// ---- common

	private static ModelAndView common(HttpServletRequest request, Locale locale) {
		ModelAndView page = new ModelAndView();
		page.addObject("lang", PortalPages.language(locale));
		page.addObject("jst", JST);
		page.addObject("languageBase", languageBase(request));
		return page;
	}

	/**
	 * The page being shown without its language choice; after a form on an application's
	 * page was posted, that page.
	 */
	private static String languageBase(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (!HttpMethod.GET.matches(request.getMethod())) {
			int slash = path.lastIndexOf('/');
			if (slash > 0 && ACTIONS.contains(path.substring(slash + 1))) {
				path = path.substring(0, slash);
			}
		}
		return UriComponentsBuilder.fromPath(path)
			.query(request.getQueryString())
			.replaceQueryParam("lang")
			.build()
			.toUriString();
	}

	private static String municipalityOf(Authentication authentication) {
		return LocalGovernmentAccount.municipalityCode(authentication)
			.orElseThrow(() -> new NotFoundException("自治体のアカウントではありません / Not a local-government account"));
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
		<T> List<Problem> withViolationsOf(T request, Validator validator, String lang) {
			List<Problem> all = new ArrayList<>(this.problems);
			Set<String> taken = new HashSet<>();
			this.problems.forEach((problem) -> taken.add(problem.field()));
			for (ConstraintViolation<T> violation : validator.validate(request)) {
				String field = formField(violation.getPropertyPath().toString());
				if (field == null || !taken.contains(field)) {
					all.add(new Problem(field,
							violation.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName(),
							localized(violation.getMessage(), lang)));
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
