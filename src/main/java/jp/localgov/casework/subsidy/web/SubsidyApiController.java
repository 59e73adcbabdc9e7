package jp.localgov.casework.subsidy.web;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.chrono.JapaneseChronology;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

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
import jp.localgov.casework.referencedata.Municipality;
import jp.localgov.casework.referencedata.OfficeCalendar;
import jp.localgov.casework.referencedata.ReferenceData;
import jp.localgov.casework.subsidy.ApplicantType;
import jp.localgov.casework.subsidy.NewApplication;
import jp.localgov.casework.subsidy.PlanChange;
import jp.localgov.casework.subsidy.SubsidyProgramme.ProgrammeRules;
import jp.localgov.casework.subsidy.SubsidyRate;
import jp.localgov.casework.subsidy.SubsidyAmounts;
import jp.localgov.casework.subsidy.SubsidyService;
import jp.localgov.casework.subsidy.SubsidyStatus;
import jp.localgov.casework.subsidy.SubsidyViews.ApplicationView;
import jp.localgov.casework.subsidy.SubsidyViews.Line;
import jp.localgov.casework.subsidy.SubsidyViews.ProgrammeSummary;
import jp.localgov.casework.subsidy.SubsidyViews.ProgrammeView;
import jp.localgov.casework.subsidy.SubsidyViews.Step;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.ErrorResponseException;
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

	/** Who signs every decision notice. */
	static final String ISSUER = "一般財団法人 自治体国際化協会（デモ） 理事長";

	private static final String ROLE = "ROLE_";

	private static final Set<String> PROGRAMME_EDITORS = Set.of(ROLE + StaffGroup.PROCESS_OWNERS.id(),
			ROLE + StaffGroup.ADMINS.id());

	private static final Pattern PROGRAMME_CODE = Pattern.compile("[A-Z][A-Z0-9_]{1,39}");

	private static final Pattern RATE = Pattern.compile("\\s*\\d{1,4}\\s*/\\s*\\d{1,4}\\s*");

	private static final DateTimeFormatter WAREKI = DateTimeFormatter.ofPattern("GGGGy年M月d日", Locale.JAPAN)
		.withChronology(JapaneseChronology.INSTANCE);

	private static final String NOT_LOCAL_GOVERNMENT = "申請が見つかりません / Application not found";

	private final SubsidyService subsidies;

	private final ReferenceData referenceData;

	private final Validator validator;

	private final Clock clock;

	SubsidyApiController(SubsidyService subsidies, ReferenceData referenceData, Validator validator, Clock clock) {
		this.subsidies = subsidies;
		this.referenceData = referenceData;
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
		requireLogin(authentication);
		if (authorities(authentication).noneMatch(PROGRAMME_EDITORS::contains)) {
			throw refused(HttpStatus.FORBIDDEN, "権限がありません / Forbidden",
					"事業の規程はプロセスオーナーだけが変更できます / Only process owners change a programme's rules");
		}
		if (!PROGRAMME_CODE.matcher(code).matches()) {
			throw new InvalidInputException("code",
					"事業コードは英大文字・数字・_ の2～40文字です / A code is 2-40 capital letters, digits or _");
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
		requireLogin(authentication);
		if (!isStaff(authentication)) {
			throw refused(HttpStatus.FORBIDDEN, "権限がありません / Forbidden", "職員だけが参照できます / Staff only");
		}
		return this.subsidies.summary(fiscalYearOrCurrent(fiscalYear));
	}

	// ---- applications

	@PostMapping(path = "/applications", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "交付申請をする（自治体のアカウント） / Apply for a subsidy (local-government accounts)")
	ResponseEntity<Created> apply(@Valid @RequestBody NewApplication request, Authentication authentication) {
		ApplicationView application = this.subsidies.apply(municipalityOf(authentication), request);
		return ResponseEntity.created(URI.create("/api/subsidies/applications/" + application.applicationNumber()))
			.body(new Created(application.applicationNumber(), application.status(), application.requestedAmount()));
	}

	@GetMapping("/applications")
	@Operation(summary = "自治体の申請一覧 / Applications of the logged-in local government")
	List<ApplicationListItem> ofMyMunicipality(Authentication authentication) {
		return this.subsidies.ofMunicipality(municipalityOf(authentication))
			.stream()
			.map(ApplicationListItem::of)
			.toList();
	}

	@GetMapping("/applications/{number}")
	@Operation(summary = "申請の内容と状況（申請した自治体または職員） / An application (its local government, or staff)")
	ApplicationResponse application(@PathVariable String number, Authentication authentication) {
		return ApplicationResponse.of(find(number, authentication));
	}

	@PostMapping(path = "/applications/{number}/corrections", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "補正する（事業・年度は変更できません） / Correct the application (programme and year stay)")
	ApplicationResponse correct(@PathVariable String number, @RequestBody NewApplication corrected,
			Authentication authentication) {
		String municipality = municipalityOf(authentication);
		ApplicationView current = this.subsidies.forMunicipality(number, municipality);
		NewApplication correction = new NewApplication(current.programmeCode(), current.fiscalYear(), corrected.title(),
				corrected.summary(), corrected.periodFrom(), corrected.periodTo(), corrected.costItems());
		validate(correction);
		return ApplicationResponse.of(this.subsidies.correct(number, municipality, correction));
	}

	@PostMapping(path = "/applications/{number}/change-requests", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "変更承認申請をする / Request a change of the granted plan")
	ApplicationResponse requestChange(@PathVariable String number, @Valid @RequestBody PlanChange change,
			Authentication authentication) {
		return ApplicationResponse.of(this.subsidies.requestChange(number, municipalityOf(authentication), change));
	}

	@PostMapping(path = "/applications/{number}/performance-report", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "実績報告をする / File the performance report")
	ApplicationResponse report(@PathVariable String number, @Valid @RequestBody PlanChange report,
			Authentication authentication) {
		return ApplicationResponse.of(this.subsidies.report(number, municipalityOf(authentication), report));
	}

	@GetMapping("/applications/{number}/notice")
	@Operation(summary = "交付決定通知書・不交付決定通知書（印刷用 HTML） / The printable decision notice (HTML)")
	ModelAndView notice(@PathVariable String number, Authentication authentication) {
		ApplicationView application = find(number, authentication);
		boolean granted = application.grantedAmount() != null;
		if (!granted && application.status() != SubsidyStatus.REJECTED) {
			throw new NotFoundException("この申請はまだ決定されていないため、通知書はありません / No decision yet, so there is no notice");
		}
		Instant decidedAt = application.history()
			.stream()
			.filter((step) -> step.status() == (granted ? SubsidyStatus.GRANTED : SubsidyStatus.REJECTED))
			.map(Step::at)
			.findFirst()
			.orElseGet(() -> Instant.now(this.clock));
		Instant submittedAt = application.history().isEmpty() ? decidedAt : application.history().get(0).at();
		Municipality municipality = this.referenceData.municipality(application.municipalityCode()).orElse(null);
		String addressee = (municipality == null) ? application.municipalityCode() + " 長"
				: municipality.getFullName() + (municipality.isPrefecture() ? "知事" : "長");
		ModelAndView page = new ModelAndView("subsidy/notice");
		page.addObject("notice", application);
		page.addObject("granted", granted);
		page.addObject("title", granted ? "交付決定通知書" : "不交付決定通知書");
		page.addObject("issuedOn", wareki(day(decidedAt)));
		page.addObject("submittedOn", wareki(day(submittedAt)));
		page.addObject("addressee", addressee);
		page.addObject("issuer", ISSUER);
		page.addObject("fiscalYearLabel", fiscalYearLabel(application.fiscalYear()));
		page.addObject("period", wareki(application.periodFrom()) + " から " + wareki(application.periodTo()) + " まで");
		page.addObject("requestedAmount", yen(application.requestedAmount()));
		page.addObject("grantedAmount", granted ? yen(application.grantedAmount()) : null);
		page.addObject("reportDueOn", (application.reportDueOn() != null) ? wareki(application.reportDueOn()) : null);
		return page;
	}

	// ---- helpers

	private ApplicationView find(String number, Authentication authentication) {
		requireLogin(authentication);
		return LocalGovernmentAccount.municipalityCode(authentication)
			.map((code) -> this.subsidies.forMunicipality(number, code))
			.orElseGet(() -> {
				if (!isStaff(authentication)) {
					throw new NotFoundException(NOT_LOCAL_GOVERNMENT);
				}
				return this.subsidies.view(number);
			});
	}

	private static String municipalityOf(Authentication authentication) {
		requireLogin(authentication);
		return LocalGovernmentAccount.municipalityCode(authentication)
			.orElseThrow(() -> new NotFoundException(NOT_LOCAL_GOVERNMENT));
	}

	/** Anonymous callers are asked to log in with HTTP Basic (401). */
	private static void requireLogin(Authentication authentication) {
		if (authentication == null || !authentication.isAuthenticated()
				|| authentication instanceof AnonymousAuthenticationToken) {
			ErrorResponseException unauthorized = refused(HttpStatus.UNAUTHORIZED, "ログインが必要です / Login required",
					"自治体または職員のアカウントで HTTP Basic 認証をしてください / Authenticate with HTTP Basic");
			unauthorized.getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"casework\"");
			throw unauthorized;
		}
	}

	/** Staff: at least one group that is not a local-government group. */
	static boolean isStaff(Authentication authentication) {
		return authentication != null && authentication.isAuthenticated()
				&& !(authentication instanceof AnonymousAuthenticationToken)
				&& authorities(authentication).filter((authority) -> authority.startsWith(ROLE))
					.map((authority) -> authority.substring(ROLE.length()))
					.anyMatch((group) -> !group.startsWith(StaffGroup.LOCAL_GOVERNMENT_PREFIX));
	}

	private static Stream<String> authorities(Authentication authentication) {
		return authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority);
	}

	private static ErrorResponseException refused(HttpStatus status, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(title);
		return new ErrorResponseException(status, problem, null);
	}

	private <T> void validate(T body) {
		Set<ConstraintViolation<T>> violations = this.validator.validate(body);
		if (!violations.isEmpty()) {
			throw new ConstraintViolationException(violations);
		}
	}

	private int fiscalYearOrCurrent(Integer fiscalYear) {
		if (fiscalYear == null) {
			return currentFiscalYear(this.clock);
		}
		if (fiscalYear < 2000 || fiscalYear > 2100) {
			throw new InvalidInputException("fiscalYear", "年度は2000～2100です / The fiscal year is 2000 to 2100");
		}
		return fiscalYear;
	}

	/** The Japanese fiscal year of today: April to March, named by the April. */
	static int currentFiscalYear(Clock clock) {
		return OfficeCalendar.currentFiscalYear(clock);
	}

	static String yen(long amount) {
		return SubsidyAmounts.yen(amount);
	}

	static String wareki(LocalDate day) {
		return WAREKI.format(day);
	}

	static String fiscalYearLabel(int fiscalYear) {
		String era = WAREKI.format(LocalDate.of(fiscalYear, 4, 1));
		return fiscalYear + "年度（" + era.substring(0, era.indexOf('年')) + "年度）";
	}

	private static LocalDate day(Instant at) {
		return at.atZone(OfficeCalendar.JAPAN).toLocalDate();
	}

	/** A programme's rules as process owners send them. */
	record ProgrammeRequest(
			@NotBlank(message = "事業名を入力してください / enter a name") @Size(max = 200,
					message = "事業名は200文字以内です / at most 200 characters") String name,
			@NotBlank(message = "担当課を入力してください / enter the department") String department,
			@NotNull(message = "予算額を入力してください / enter the budget") @PositiveOrZero(
					message = "予算額は0円以上です / the budget is not negative") Long budget,
			@NotBlank(message = "補助率を入力してください（例 1/2） / enter the rate, e.g. 1/2") String rate,
			@NotNull(message = "上限額を入力してください / enter the ceiling") @Positive(
					message = "上限額は1円以上です / the ceiling is at least 1 yen") Long ceiling,
			@NotEmpty(message = "申請できる団体を1つ以上選んでください / choose at least one kind of applicant") Set<@NotNull(
					message = "申請できる団体の種類が正しくありません / invalid kind of applicant") ApplicantType> eligibleApplicantTypes,
			@NotNull(message = "募集開始日を入力してください / enter the first day of the window") LocalDate opensOn,
			@NotNull(message = "募集終了日を入力してください / enter the last day of the window") LocalDate closesOn) {

		ProgrammeRules rules() {
			if (StaffGroup.departments().stream().noneMatch((group) -> group.id().equals(this.department))) {
				throw new InvalidInputException("department",
						"担当課のグループ ID が正しくありません（例 economicExchange） / Unknown department group, e.g. economicExchange");
			}
			SubsidyRate parsed = rate(this.rate);
			if (this.closesOn.isBefore(this.opensOn)) {
				throw new InvalidInputException("closesOn", "募集の終了日は開始日以降にしてください / The window closes before it opens");
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
			String message = "補助率は0より大きく1以下の分数で入力してください（例 1/2、2/3） / The rate is a fraction above 0 and at most 1, e.g. 1/2";
			if (!RATE.matcher(text).matches()) {
				throw new InvalidInputException("rate", message);
			}
			try {
				return SubsidyRate.parse(text);
			}
			catch (IllegalArgumentException ex) {
				throw new InvalidInputException("rate", message);
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
