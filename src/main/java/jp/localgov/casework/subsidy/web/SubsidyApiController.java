package jp.localgov.casework.subsidy.web;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import jp.localgov.casework.platform.InvalidInputException;
import jp.localgov.casework.platform.LocalGovernmentAccount;
import jp.localgov.casework.platform.NotFoundException;
import jp.localgov.casework.platform.StaffGroup;
import jp.localgov.casework.platform.web.AccessRefusedException;
import jp.localgov.casework.platform.web.Accounts;
import jp.localgov.casework.platform.web.ActingMunicipality;
import jp.localgov.casework.referencedata.OfficeCalendar;
import jp.localgov.casework.subsidy.ApplicantType;
import jp.localgov.casework.subsidy.NewApplication;
import jp.localgov.casework.subsidy.PlanChange;
import jp.localgov.casework.subsidy.SubsidyProgramme.ProgrammeRules;
import jp.localgov.casework.subsidy.SubsidyRate;
import jp.localgov.casework.subsidy.SubsidyService;
import jp.localgov.casework.subsidy.SubsidyStatus;
import jp.localgov.casework.subsidy.SubsidyViews.ApplicationView;
import jp.localgov.casework.subsidy.SubsidyViews.Line;
import jp.localgov.casework.subsidy.SubsidyViews.ProgrammeSummary;
import jp.localgov.casework.subsidy.SubsidyViews.ProgrammeView;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.ModelAndView;

/**
 * The subsidy API: everyone sees the programmes of a fiscal year; a local government
 * applies, follows, corrects, changes and reports on its own applications and prints its
 * decision notice; staff read any application and the budget summary; process owners set
 * a programme's rules.
 */
@RestController
@RequestMapping("/api/subsidies")
@Tag(name = "Subsidies / 助成事業")
class SubsidyApiController {

	private static final Pattern PROGRAMME_CODE = Pattern.compile("[A-Z][A-Z0-9_]{1,39}");

	private static final Pattern RATE = Pattern.compile("\\s*\\d{1,4}\\s*/\\s*\\d{1,4}\\s*");

	private final SubsidyService subsidies;

	private final DecisionNotices notices;

	private final Validator validator;

	private final Clock clock;

	SubsidyApiController(SubsidyService subsidies, DecisionNotices notices, Validator validator, Clock clock) {
		this.subsidies = subsidies;
		this.notices = notices;
		this.validator = validator;
		this.clock = clock;
	}

	// ---- programmes

	@GetMapping("/programmes")
	@Operation(summary = "年度の助成事業一覧（年度を省略すると今年度） / Programmes of a fiscal year (default: the current one)")
	List<ProgrammeView> programmes(@RequestParam(required = false) Integer fiscalYear) {
		return this.subsidies.programmes(fiscalYearOrCurrent(fiscalYear));
	}

	@PutMapping(path = "/programmes/{code}", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "事業の規程を設定する（プロセスオーナー） / Set a programme's rules for a fiscal year (process owners)")
	ResponseEntity<ProgrammeView> defineProgramme(@PathVariable String code,
			@RequestParam(required = false) Integer fiscalYear, @RequestBody ProgrammeRequest request,
			Authentication authentication) {
		Accounts.requireLogin(authentication);
		if (!Accounts.isMemberOfAny(authentication, StaffGroup.PROCESS_OWNERS, StaffGroup.ADMINS)) {
			throw new AccessRefusedException("account.error.programmeEditorsOnly");
		}
		if (!PROGRAMME_CODE.matcher(code).matches()) {
			throw InvalidInputException.withMessage("code", "subsidy.error.programmeCode");
		}
		int year = fiscalYearOrCurrent(fiscalYear);
		validate(request);
		ProgrammeRules rules = request.rules();
		boolean exists = this.subsidies.programmes(year)
			.stream()
			.anyMatch((programme) -> programme.code().equals(code));
		ProgrammeView programme = this.subsidies.defineProgramme(code, year, request.name().strip(),
				request.department(), rules, false);
		return ResponseEntity.status(exists ? HttpStatus.OK : HttpStatus.CREATED).body(programme);
	}

	@GetMapping("/summary")
	@Operation(summary = "事業ごとの予算執行と申請状況（職員） / Budget position and applications by status (staff)")
	List<ProgrammeSummary> summary(@RequestParam(required = false) Integer fiscalYear, Authentication authentication) {
		Accounts.requireStaff(authentication);
		return this.subsidies.summary(fiscalYearOrCurrent(fiscalYear));
	}

	// ---- applications

	@PostMapping(path = "/applications", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "交付申請をする（自治体のアカウント） / Apply for a subsidy (local-government accounts)")
	ResponseEntity<Created> apply(@Valid @RequestBody NewApplication request, @ActingMunicipality String municipality) {
		ApplicationView application = this.subsidies.apply(municipality, request);
		return ResponseEntity.created(URI.create("/api/subsidies/applications/" + application.applicationNumber()))
			.body(new Created(application.applicationNumber(), application.status(), application.requestedAmount()));
	}

	@GetMapping("/applications")
	@Operation(summary = "自治体の申請一覧 / Applications of the logged-in local government")
	List<ApplicationListItem> ofMyMunicipality(@ActingMunicipality String municipality) {
		return this.subsidies.ofMunicipality(municipality).stream().map(ApplicationListItem::of).toList();
	}

	@GetMapping("/applications/{number}")
	@Operation(summary = "申請の内容と状況（申請した自治体または職員） / An application (its local government, or staff)")
	ApplicationResponse application(@PathVariable String number, Authentication authentication) {
		return ApplicationResponse.of(find(number, authentication));
	}

	@PostMapping(path = "/applications/{number}/corrections", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "補正する（事業・年度は変更できません） / Correct the application (programme and year stay)")
	ApplicationResponse correct(@PathVariable String number, @RequestBody NewApplication corrected,
			@ActingMunicipality String municipality) {
		ApplicationView current = this.subsidies.forMunicipality(number, municipality);
		NewApplication correction = new NewApplication(current.programmeCode(), current.fiscalYear(), corrected.title(),
				corrected.summary(), corrected.periodFrom(), corrected.periodTo(), corrected.costItems());
		validate(correction);
		return ApplicationResponse.of(this.subsidies.correct(number, municipality, correction));
	}

	@PostMapping(path = "/applications/{number}/change-requests", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "変更承認申請をする / Request a change of the granted plan")
	ApplicationResponse requestChange(@PathVariable String number, @Valid @RequestBody PlanChange change,
			@ActingMunicipality String municipality) {
		return ApplicationResponse.of(this.subsidies.requestChange(number, municipality, change));
	}

	@PostMapping(path = "/applications/{number}/performance-report", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "実績報告をする / File the performance report")
	ApplicationResponse report(@PathVariable String number, @Valid @RequestBody PlanChange report,
			@ActingMunicipality String municipality) {
		return ApplicationResponse.of(this.subsidies.report(number, municipality, report));
	}

	@GetMapping("/applications/{number}/notice")
	@Operation(summary = "交付決定通知書・不交付決定通知書（印刷用 HTML） / The printable decision notice (HTML)")
	ModelAndView notice(@PathVariable String number, Authentication authentication) {
		return this.notices.page(find(number, authentication));
	}

	// ---- helpers

	private ApplicationView find(String number, Authentication authentication) {
		Accounts.requireLogin(authentication);
		return LocalGovernmentAccount.municipalityCode(authentication)
			.map((code) -> this.subsidies.forMunicipality(number, code))
			.orElseGet(() -> {
				if (!Accounts.isStaff(authentication)) {
					throw NotFoundException.withMessage("subsidy.error.notFound");
				}
				return this.subsidies.view(number);
			});
	}

	private <T> void validate(T body) {
		Set<ConstraintViolation<T>> violations = this.validator.validate(body);
		if (!violations.isEmpty()) {
			throw new ConstraintViolationException(violations);
		}
	}

	private int fiscalYearOrCurrent(Integer fiscalYear) {
		if (fiscalYear == null) {
			return OfficeCalendar.currentFiscalYear(this.clock);
		}
		if (fiscalYear < 2000 || fiscalYear > 2100) {
			throw InvalidInputException.withMessage("fiscalYear", "subsidy.error.fiscalYear");
		}
		return fiscalYear;
	}

	/** A programme's rules as process owners send them. */
	record ProgrammeRequest(
			@NotBlank(message = "{subsidy.programme.name.NotBlank}") @Size(max = 200,
					message = "{subsidy.programme.name.Size}") String name,
			@NotBlank(message = "{subsidy.programme.department.NotBlank}") String department,
			@NotNull(message = "{subsidy.programme.budget.NotNull}") @PositiveOrZero(
					message = "{subsidy.programme.budget.PositiveOrZero}") Long budget,
			@NotBlank(message = "{subsidy.programme.rate.NotBlank}") String rate,
			@NotNull(message = "{subsidy.programme.ceiling.NotNull}") @Positive(
					message = "{subsidy.programme.ceiling.Positive}") Long ceiling,
			@NotEmpty(message = "{subsidy.programme.eligibleApplicantTypes.NotEmpty}") Set<@NotNull(
					message = "{subsidy.programme.eligibleApplicantTypes.NotNull}") ApplicantType> eligibleApplicantTypes,
			@NotNull(message = "{subsidy.programme.opensOn.NotNull}") LocalDate opensOn,
			@NotNull(message = "{subsidy.programme.closesOn.NotNull}") LocalDate closesOn) {

		ProgrammeRules rules() {
			if (StaffGroup.departments().stream().noneMatch((group) -> group.id().equals(this.department))) {
				throw InvalidInputException.withMessage("department", "subsidy.error.department");
			}
			SubsidyRate parsed = rate(this.rate);
			if (this.closesOn.isBefore(this.opensOn)) {
				throw InvalidInputException.withMessage("closesOn", "subsidy.error.window");
			}
			try {
				return new ProgrammeRules(this.budget, parsed, this.ceiling,
						EnumSet.copyOf(this.eligibleApplicantTypes), this.opensOn, this.closesOn);
			}
			catch (IllegalArgumentException ex) {
				throw new InvalidInputException("rules", ex.getMessage());
			}
		}

		private static SubsidyRate rate(String text) {
			if (!RATE.matcher(text).matches()) {
				throw InvalidInputException.withMessage("rate", "subsidy.error.rate");
			}
			try {
				return SubsidyRate.parse(text);
			}
			catch (IllegalArgumentException ex) {
				throw InvalidInputException.withMessage("rate", "subsidy.error.rate");
			}
		}

	}

	record Created(String applicationNumber, SubsidyStatus status, long requestedAmount) {
	}

	record ApplicationListItem(String applicationNumber, String programmeCode, String programmeName, int fiscalYear,
			String title, SubsidyStatus status, String statusLabel, long requestedAmount, Long grantedAmount,
			Instant submittedAt) {

		static ApplicationListItem of(ApplicationView view) {
			return new ApplicationListItem(view.applicationNumber(), view.programmeCode(), view.programmeName(),
					view.fiscalYear(), view.title(), view.status(), view.status().label(), view.requestedAmount(),
					view.grantedAmount(), view.history().isEmpty() ? null : view.history().get(0).at());
		}

	}

	/**
	 * What the applicant (and staff) see of an application; reviewers' scores stay
	 * inside.
	 */
	record ApplicationResponse(String applicationNumber, String programmeCode, String programmeName, int fiscalYear,
			String municipalityCode, ApplicantType applicantType, String title, String summary, LocalDate periodFrom,
			LocalDate periodTo, SubsidyStatus status, String statusLabel, long requestedAmount, Long grantedAmount,
			Long determinedAmount, Long paidAmount, LocalDate paidOn, LocalDate reportDueOn, String conditions,
			String rejectionReasons, List<History> history, List<Line> costItems, List<Line> proposedCostItems,
			List<Line> actualCostItems) {

		static ApplicationResponse of(ApplicationView view) {
			return new ApplicationResponse(view.applicationNumber(), view.programmeCode(), view.programmeName(),
					view.fiscalYear(), view.municipalityCode(), view.applicantType(), view.title(), view.summary(),
					view.periodFrom(), view.periodTo(), view.status(), view.status().label(), view.requestedAmount(),
					view.grantedAmount(), view.determinedAmount(), view.paidAmount(), view.paidOn(), view.reportDueOn(),
					view.conditions(), view.rejectionReasons(),
					view.history()
						.stream()
						.map((step) -> new History(step.status(), step.status().label(), step.at(), step.note()))
						.toList(),
					view.costItems(), view.proposedCostItems(), view.actualCostItems());
		}

		record History(SubsidyStatus status, String label, Instant at, String note) {
		}

	}

}
