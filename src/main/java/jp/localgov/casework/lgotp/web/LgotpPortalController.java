package jp.localgov.casework.lgotp.web;

import java.text.Normalizer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jp.localgov.casework.lgotp.HostRequestStatus;
import jp.localgov.casework.lgotp.HostingPlan;
import jp.localgov.casework.lgotp.LgotpService;
import jp.localgov.casework.lgotp.LgotpViews.HostRequestView;
import jp.localgov.casework.lgotp.LgotpViews.YearView;
import jp.localgov.casework.lgotp.TraineeStage;
import jp.localgov.casework.lgotp.TrainingField;
import jp.localgov.casework.lgotp.YearStage;
import jp.localgov.casework.platform.BusinessRuleException;
import jp.localgov.casework.platform.InvalidInputException;
import jp.localgov.casework.platform.NotFoundException;
import jp.localgov.casework.platform.web.ActingMunicipality;
import jp.localgov.casework.platform.web.PortalController;
import jp.localgov.casework.platform.web.Texts;
import jp.localgov.casework.referencedata.OfficeCalendar;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The LGOTP pages of the portal for a logged-in local government: the demand survey of
 * the current and the next programme year, its own hosting requests (filed, edited and
 * withdrawn while the survey is open), its trainee once matched and the monthly reports
 * while the trainee is posted; every error is shown in the page.
 */
@PortalController
@RequestMapping("/portal/lg/lgotp")
class LgotpPortalController {

	private static final String OVERVIEW = "/portal/lg/lgotp";

	private static final String FORM_VIEW = "portal/lgotp/request-form";

	/**
	 * The plan's properties and the form fields that hold them, in the order of the page.
	 */
	private static final Map<String, String> FORM_FIELDS = Map.of("field", "trainingField", "preferredCountry",
			"preferredCountry", "preferredLanguage", "preferredLanguage", "months", "trainingMonths",
			"programmeOutline", "programmeOutline", "contactName", "hostContactName", "contactEmail",
			"hostContactEmail");

	private static final List<String> FORM_ORDER = List.of("trainingField", "preferredCountry", "preferredLanguage",
			"trainingMonths", "programmeOutline", "hostContactName", "hostContactEmail");

	/** The length of the e-mail column. */
	private static final int MAX_EMAIL = 320;

	private static final int MAX_REPORT = 4000;

	private final LgotpService lgotp;

	private final Validator validator;

	private final MessageSource messages;

	private final Clock clock;

	LgotpPortalController(LgotpService lgotp, Validator validator, MessageSource messages, Clock clock) {
		this.lgotp = lgotp;
		this.validator = validator;
		this.messages = messages;
		this.clock = clock;
	}

	// ---- the overview

	@GetMapping({ "", "/" })
	String overview(@ActingMunicipality String code, Model model) {
		return overviewPage(code, model);
	}

	// ---- filing a request

	@GetMapping("/{fiscalYear}/requests/new")
	String newRequest(@PathVariable int fiscalYear, @ActingMunicipality String code, Model model) {
		YearView year = this.lgotp.yearView(fiscalYear);
		model.addAttribute("hostRequest", new LgotpRequestForm());
		return formPage(year, null, year.surveyOpen(), model);
	}

	@PostMapping("/{fiscalYear}/requests/new")
	String file(@PathVariable int fiscalYear, @ModelAttribute("hostRequest") LgotpRequestForm form,
			BindingResult binding, @ActingMunicipality String code, Locale locale, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		YearView year = this.lgotp.yearView(fiscalYear);
		HostingPlan plan = validate(form, binding, locale);
		if (!binding.hasErrors()) {
			try {
				HostRequestView filed = this.lgotp.fileHostRequest(fiscalYear, code, plan);
				return notice(redirect, "lgotp.notice.filed", String.valueOf(filed.id()));
			}
			catch (BusinessRuleException ex) {
				model.addAttribute("pageError", Texts.inLanguage(ex.getMessage(), locale));
				response.setStatus(HttpStatus.CONFLICT.value());
			}
		}
		return formPage(year, null, true, model);
	}

	// ---- editing and withdrawing a request

	@GetMapping("/requests/{id}/edit")
	String edit(@PathVariable long id, @ActingMunicipality String code, Locale locale, Model model) {
		HostRequestView request = this.lgotp.hostRequest(id, code);
		YearView year = this.lgotp.yearView(request.fiscalYear());
		model.addAttribute("hostRequest", LgotpRequestForm.of(request));
		boolean editable = year.surveyOpen() && request.status() == HostRequestStatus.SUBMITTED;
		if (year.surveyOpen() && !editable) {
			model.addAttribute("pageError", message("lgotp.error.notEditable", locale, statusLabel(request, locale)));
		}
		return formPage(year, request, editable, model);
	}

	@PostMapping("/requests/{id}/edit")
	String update(@PathVariable long id, @ModelAttribute("hostRequest") LgotpRequestForm form, BindingResult binding,
			@ActingMunicipality String code, Locale locale, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		HostRequestView request = this.lgotp.hostRequest(id, code);
		YearView year = this.lgotp.yearView(request.fiscalYear());
		HostingPlan plan = validate(form, binding, locale);
		if (!binding.hasErrors()) {
			try {
				this.lgotp.updateHostRequest(id, code, plan);
				return notice(redirect, "lgotp.notice.updated", String.valueOf(id));
			}
			catch (BusinessRuleException ex) {
				model.addAttribute("pageError", Texts.inLanguage(ex.getMessage(), locale));
				response.setStatus(HttpStatus.CONFLICT.value());
			}
		}
		return formPage(year, request, true, model);
	}

	@PostMapping("/requests/{id}/withdraw")
	String withdraw(@PathVariable long id, @ActingMunicipality String code, Locale locale, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		this.lgotp.hostRequest(id, code);
		try {
			this.lgotp.withdrawHostRequest(id, code);
			return notice(redirect, "lgotp.notice.withdrawn", String.valueOf(id));
		}
		catch (BusinessRuleException ex) {
			model.addAttribute("pageError", Texts.inLanguage(ex.getMessage(), locale));
			response.setStatus(HttpStatus.CONFLICT.value());
			return overviewPage(code, model);
		}
	}

	// ---- monthly reports

	@PostMapping("/requests/{id}/reports")
	String report(@PathVariable long id, @RequestParam(required = false) String month,
			@RequestParam(required = false) String text, @ActingMunicipality String code, Locale locale, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		HostRequestView request = this.lgotp.hostRequest(id, code);
		String yearMonth = (month != null) ? Normalizer.normalize(month, Normalizer.Form.NFKC).strip() : null;
		String report = (text != null) ? text.replace("\r\n", "\n") : null;
		String error;
		String errorField = null;
		HttpStatus status = HttpStatus.BAD_REQUEST;
		if (report != null && report.length() > MAX_REPORT) {
			error = message("lgotp.report.error.text", locale);
			errorField = "text";
		}
		else {
			try {
				this.lgotp.fileMonthlyReport(id, code, yearMonth, report);
				return notice(redirect, "lgotp.notice.reported", yearMonth);
			}
			catch (InvalidInputException ex) {
				errorField = "month".equals(ex.getField()) ? "month" : "text";
				error = message("lgotp.report.error." + errorField, locale);
			}
			catch (BusinessRuleException ex) {
				error = Texts.inLanguage(ex.getMessage(), locale);
				status = HttpStatus.CONFLICT;
			}
		}
		response.setStatus(status.value());
		boolean formShown = request.trainee() != null && request.trainee().stage() == TraineeStage.POSTED;
		if (formShown) {
			model.addAttribute("reportFor", id);
			model.addAttribute("reportError", error);
			model.addAttribute("reportErrorField", errorField);
			model.addAttribute("reportMonth", month);
			model.addAttribute("reportText", text);
		}
		else {
			model.addAttribute("pageError", error);
		}
		return overviewPage(code, model);
	}

	// ---- helpers

	/**
	 * The current and the next programme year, newest first, each once its cycle has
	 * started, with the municipality's requests.
	 */
	private String overviewPage(String code, Model model) {
		int current = currentFiscalYear();
		List<YearSection> years = new ArrayList<>();
		for (int fiscalYear : List.of(current + 1, current)) {
			try {
				YearView year = this.lgotp.yearView(fiscalYear);
				years.add(new YearSection(year, this.lgotp.hostRequestsOf(fiscalYear, code)));
			}
			catch (NotFoundException ex) {
				// the cycle of that year has not started
			}
		}
		model.addAttribute("years", years);
		model.addAttribute("languageBase", OVERVIEW);
		model.addAttribute("posted", TraineeStage.POSTED);
		return "portal/lgotp/overview";
	}

	private String formPage(YearView year, HostRequestView request, boolean formShown, Model model) {
		model.addAttribute("year", year);
		model.addAttribute("request", request);
		model.addAttribute("formShown", formShown);
		model.addAttribute("fields", TrainingField.values());
		model.addAttribute("preparing", year.stage() == YearStage.PREPARING);
		return FORM_VIEW;
	}

	/**
	 * Checks the plan with the rules of {@link HostingPlan}; each message is looked up by
	 * constraint and form field (e.g. {@code NotBlank.preferredCountry}) in the page's
	 * language, the service's own message being the default.
	 */
	private HostingPlan validate(LgotpRequestForm form, BindingResult binding, Locale locale) {
		HostingPlan plan = form.toPlan();
		List<Rejection> rejections = new ArrayList<>();
		if (form.monthsNotANumber()) {
			rejections.add(new Rejection("trainingMonths", "Number", null));
		}
		for (ConstraintViolation<HostingPlan> violation : this.validator.validate(plan)) {
			String field = FORM_FIELDS.get(violation.getPropertyPath().toString());
			String constraint = violation.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
			if (field != null && !("trainingMonths".equals(field) && form.monthsNotANumber())) {
				rejections.add(new Rejection(field, constraint, violation.getMessage()));
			}
		}
		if (plan.contactEmail() != null && plan.contactEmail().length() > MAX_EMAIL) {
			rejections.add(new Rejection("hostContactEmail", "Size", null));
		}
		rejections.stream()
			.sorted(Comparator.comparingInt((Rejection rejection) -> FORM_ORDER.indexOf(rejection.field()))
				.thenComparing(Rejection::code))
			.forEach((rejection) -> binding.rejectValue(rejection.field(), rejection.code(),
					Texts.inLanguage(rejection.message(), locale)));
		return plan;
	}

	private String notice(RedirectAttributes redirect, String key, String argument) {
		redirect.addFlashAttribute("notice", key);
		redirect.addFlashAttribute("noticeArgument", argument);
		return "redirect:" + OVERVIEW;
	}

	/** The programme year of today: April to March, named by the April. */
	private int currentFiscalYear() {
		return OfficeCalendar.currentFiscalYear(this.clock);
	}

	private String statusLabel(HostRequestView request, Locale locale) {
		return message("lgotp.status." + request.status().name(), locale);
	}

	private String message(String key, Locale locale, Object... arguments) {
		return this.messages.getMessage(key, arguments, key, locale);
	}

	/**
	 * One programme year on the overview with the municipality's requests.
	 *
	 * @param year the year and its survey
	 * @param requests the municipality's hosting requests of the year
	 */
	record YearSection(YearView year, List<HostRequestView> requests) {
	}

	/** A field of the form refused with a message code and the service's message. */
	private record Rejection(String field, String code, String message) {
	}

}
