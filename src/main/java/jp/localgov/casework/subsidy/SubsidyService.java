package jp.localgov.casework.subsidy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import jp.localgov.casework.platform.BusinessRuleException;
import jp.localgov.casework.platform.InvalidInputException;
import jp.localgov.casework.platform.NotFoundException;
import jp.localgov.casework.platform.TrackingNumbers;
import jp.localgov.casework.referencedata.OfficeCalendar;
import jp.localgov.casework.subsidy.SubsidyApplication.CostItem;
import jp.localgov.casework.subsidy.SubsidyViews.ApplicationView;
import jp.localgov.casework.subsidy.SubsidyViews.ProgrammeSummary;
import jp.localgov.casework.subsidy.SubsidyViews.ProgrammeView;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Subsidy programmes and applications: local governments apply, correct, request changes
 * and report; staff decide, and every grant reserves its amount against the programme's
 * budget so that approvals never exceed it.
 */
@Service
@Transactional
public class SubsidyService {

	/** Prefix of application numbers, e.g. SUB-2026-000042. */
	public static final String NUMBER_PREFIX = "SUB";

	/** Days after the end of the project within which the performance report is due. */
	public static final int REPORT_DUE_DAYS = 30;

	private static final String NOT_FOUND = "申請が見つかりません / Application not found";

	private final SubsidyProgrammeRepository programmes;

	private final SubsidyApplicationRepository applications;

	private final BudgetLedger budget;

	private final TrackingNumbers numbers;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final jakarta.persistence.EntityManager entities;

	SubsidyService(SubsidyProgrammeRepository programmes, SubsidyApplicationRepository applications,
			BudgetLedger budget, TrackingNumbers numbers, ApplicationEventPublisher events, Clock clock,
			jakarta.persistence.EntityManager entities) {
		this.programmes = programmes;
		this.applications = applications;
		this.budget = budget;
		this.numbers = numbers;
		this.events = events;
		this.clock = clock;
		this.entities = entities;
	}

	// ---- programmes

	@Transactional(readOnly = true)
	public List<ProgrammeView> programmes(int fiscalYear) {
		LocalDate today = today();
		return this.programmes.findByFiscalYearOrderByCode(fiscalYear)
			.stream()
			.map((programme) -> ProgrammeView.of(programme, today))
			.toList();
	}

	/** Creates a programme year, or changes its rules (process owners). */
	public ProgrammeView defineProgramme(String code, int fiscalYear, String name, String department,
			SubsidyProgramme.ProgrammeRules rules, boolean demo) {
		SubsidyProgramme programme = this.programmes.findByCodeAndFiscalYear(code, fiscalYear).orElse(null);
		if (programme == null) {
			programme = this.programmes
				.saveAndFlush(new SubsidyProgramme(code, fiscalYear, name, department, rules, demo));
		}
		else {
			this.budget.changeBudget(programme.getId(), rules.budget());
			programme.change(name, department, rules, demo);
			this.programmes.flush();
			this.entities.refresh(programme);
		}
		return ProgrammeView.of(programme, today());
	}

	/** Applications by status and the budget position of each programme of a year. */
	@Transactional(readOnly = true)
	public List<ProgrammeSummary> summary(int fiscalYear) {
		LocalDate today = today();
		return this.programmes.findByFiscalYearOrderByCode(fiscalYear).stream().map((programme) -> {
			Map<SubsidyStatus, Long> byStatus = new EnumMap<>(SubsidyStatus.class);
			this.applications.findByProgramme(programme)
				.forEach((application) -> byStatus.merge(application.getStatus(), 1L, Long::sum));
			return new ProgrammeSummary(ProgrammeView.of(programme, today), byStatus);
		}).toList();
	}

	// ---- applicants

	/**
	 * A local government applies; checks window, eligibility and costs, then starts the
	 * process.
	 */
	public ApplicationView apply(String municipalityCode, NewApplication request) {
		SubsidyProgramme programme = this.programmes
			.findByCodeAndFiscalYear(request.programmeCode(), request.fiscalYear())
			.orElseThrow(() -> new InvalidInputException("programmeCode",
					request.fiscalYear() + "年度の事業「" + request.programmeCode() + "」はありません / No such programme"));
		checkPeriod(request.periodFrom(), request.periodTo());
		if (!programme.isOpenOn(today())) {
			throw new BusinessRuleException("「" + programme.getName() + "」の募集期間（" + programme.getOpensOn() + "～"
					+ programme.getClosesOn() + "）外です / The application window is closed");
		}
		ApplicantType type = ApplicantType.ofMunicipalityCode(municipalityCode);
		if (!programme.accepts(type)) {
			throw new BusinessRuleException("「" + programme.getName() + "」には" + type.label()
					+ "は申請できません / This programme does not accept this kind of applicant");
		}
		Instant now = now();
		String number = this.numbers.next(NUMBER_PREFIX, Year.from(now.atZone(OfficeCalendar.JAPAN)));
		SubsidyApplication application = this.applications.save(
				new SubsidyApplication(number, programme, municipalityCode, request.title().strip(), request.summary(),
						request.periodFrom(), request.periodTo(), items(CostItem.PLANNED, request.costItems()), now));
		this.events.publishEvent(new SubsidyEvents.Applied(number, programme.getDepartment()));
		return ApplicationView.of(application);
	}

	@Transactional(readOnly = true)
	public ApplicationView forMunicipality(String number, String municipalityCode) {
		return ApplicationView.of(ofMunicipality(number, municipalityCode));
	}

	@Transactional(readOnly = true)
	public List<ApplicationView> ofMunicipality(String municipalityCode) {
		return this.applications.findByMunicipalityCodeOrderBySubmittedAtDesc(municipalityCode)
			.stream()
			.map(ApplicationView::of)
			.toList();
	}

	/** The applicant corrects the application after a request for correction (補正). */
	public ApplicationView correct(String number, String municipalityCode, NewApplication corrected) {
		SubsidyApplication application = ofMunicipality(number, municipalityCode);
		requireStatus(application, SubsidyStatus.CORRECTION_REQUESTED, "補正の依頼はありません / No correction was requested");
		checkPeriod(corrected.periodFrom(), corrected.periodTo());
		application.correct(corrected.title().strip(), corrected.summary(), corrected.periodFrom(),
				corrected.periodTo(), items(CostItem.PLANNED, corrected.costItems()), now());
		this.events.publishEvent(new SubsidyEvents.Corrected(number));
		return ApplicationView.of(application);
	}

	/** A change of the approved plan while the project runs (変更承認申請). */
	public ApplicationView requestChange(String number, String municipalityCode, PlanChange change) {
		SubsidyApplication application = ofMunicipality(number, municipalityCode);
		requireStatus(application, SubsidyStatus.GRANTED,
				"交付決定後、実績報告の前にのみ変更を申請できます / Changes can be requested after the grant and before the report");
		application.proposeChange(items(CostItem.PROPOSED, change.actualCostItems()), change.summary(), now());
		this.events.publishEvent(new SubsidyEvents.ChangeRequested(number));
		return ApplicationView.of(application);
	}

	/** The performance report after the project (実績報告). */
	public ApplicationView report(String number, String municipalityCode, PlanChange report) {
		SubsidyApplication application = ofMunicipality(number, municipalityCode);
		requireStatus(application, SubsidyStatus.GRANTED,
				"交付決定後（変更申請の審査中を除く）に報告してください / Report after the grant, not while a change is under review");
		application.report(items(CostItem.ACTUAL, report.actualCostItems()), report.summary(), now());
		this.events.publishEvent(new SubsidyEvents.ReportFiled(number));
		return ApplicationView.of(application);
	}

	// ---- staff, through the process

	/** The application itself; for the process steps, which run inside a transaction. */
	@Transactional(readOnly = true)
	public SubsidyApplication get(String number) {
		return this.applications.findByApplicationNumber(number).orElseThrow(() -> new NotFoundException(NOT_FOUND));
	}

	@Transactional(readOnly = true)
	public ApplicationView view(String number) {
		return ApplicationView.of(get(number));
	}

	public void moveTo(String number, SubsidyStatus status, String note) {
		get(number).record(status, note, now());
	}

	/** Records one reviewer's scores; each reviewer reviews an application once. */
	public void recordReview(String number, String reviewer, int[] scores, String recommendation, String comments) {
		SubsidyApplication application = get(number);
		if (application.getReviews().stream().anyMatch((review) -> review.getReviewer().equals(reviewer))) {
			throw new BusinessRuleException("この申請はすでに審査済みです。審査は別の職員が行ってください。 / You already reviewed this application");
		}
		for (int score : scores) {
			if (score < 1 || score > 5) {
				throw new InvalidInputException("score", "評点は1～5です / scores are 1 to 5");
			}
		}
		application.addReview(new SubsidyApplication.Review(reviewer, scores, recommendation, comments, now()));
	}

	/** The most that may be granted: the amount rule on the planned costs. */
	@Transactional(readOnly = true)
	public long maximumGrant(String number) {
		SubsidyApplication application = get(number);
		SubsidyProgramme programme = application.getProgramme();
		return SubsidyAmounts.granted(application.plannedCost(), programme.rate(), programme.getCeiling());
	}

	/** What a change request would grant: the amount rule on the proposed costs. */
	@Transactional(readOnly = true)
	public long changePreview(String number) {
		SubsidyApplication application = get(number);
		SubsidyProgramme programme = application.getProgramme();
		return SubsidyAmounts.granted(application.proposedCost(), programme.rate(), programme.getCeiling());
	}

	/** What 額の確定 would determine from the reported actual costs. */
	@Transactional(readOnly = true)
	public long determinationPreview(String number) {
		SubsidyApplication application = get(number);
		return (application.getGrantedAmount() == null) ? 0 : SubsidyAmounts.determined(application.getGrantedAmount(),
				application.actualCost(), application.getProgramme().rate());
	}

	/** 交付決定: reserves the amount against the budget, or refuses if it would overspend. */
	public void grant(String number, long amount, String conditions) {
		SubsidyApplication application = get(number);
		long maximum = maximumGrant(number);
		if (amount <= 0 || amount > maximum || amount % 1000 != 0) {
			throw new BusinessRuleException("交付額は1,000円単位で " + BudgetLedger.yen(maximum)
					+ " 以下にしてください / The amount must be in thousands and at most " + maximum + " yen");
		}
		this.budget.reserve(application.getProgramme().getId(), amount);
		application.grant(amount, conditions, application.getPeriodTo().plusDays(REPORT_DUE_DAYS), now());
	}

	/** 不交付決定 with its reasons. */
	public void reject(String number, String reasons) {
		get(number).reject(reasons, now());
	}

	/** 変更承認: the granted amount follows the new plan; an increase must fit the budget. */
	public void decideChange(String number, boolean approved, String note) {
		SubsidyApplication application = get(number);
		if (!approved) {
			application.rejectChange(note, now());
			return;
		}
		SubsidyProgramme programme = application.getProgramme();
		long newGranted = SubsidyAmounts.granted(application.proposedCost(), programme.rate(), programme.getCeiling());
		long difference = newGranted - application.getGrantedAmount();
		if (difference > 0) {
			this.budget.reserve(programme.getId(), difference);
		}
		else if (difference < 0) {
			this.budget.release(programme.getId(), -difference);
		}
		application.approveChange(newGranted, note, now());
	}

	/**
	 * 額の確定: the determined amount; the rest of the reservation goes back to the budget.
	 */
	public long determine(String number) {
		SubsidyApplication application = get(number);
		SubsidyProgramme programme = application.getProgramme();
		long determined = SubsidyAmounts.determined(application.getGrantedAmount(), application.actualCost(),
				programme.rate());
		this.budget.release(programme.getId(), application.getGrantedAmount() - determined);
		application.determine(determined, now());
		return determined;
	}

	/** 支払: the determined amount is paid. */
	public void pay(String number, LocalDate paidOn) {
		SubsidyApplication application = get(number);
		this.budget.pay(application.getProgramme().getId(), application.getDeterminedAmount());
		application.pay(paidOn, now());
	}

	private SubsidyApplication ofMunicipality(String number, String municipalityCode) {
		return this.applications.findByApplicationNumber(number)
			.filter((application) -> application.getMunicipalityCode().equals(municipalityCode))
			.orElseThrow(() -> new NotFoundException(NOT_FOUND));
	}

	private static void requireStatus(SubsidyApplication application, SubsidyStatus status, String message) {
		if (application.getStatus() != status) {
			throw new BusinessRuleException(message + "（現在：" + application.getStatus().label() + "）");
		}
	}

	private static void checkPeriod(LocalDate from, LocalDate to) {
		if (to.isBefore(from)) {
			throw new InvalidInputException("periodTo", "事業終了日は開始日以降にしてください / The last day is before the first day");
		}
	}

	private static List<CostItem> items(String kind, List<CostLine> lines) {
		return lines.stream().map((line) -> new CostItem(kind, line.description().strip(), line.amount())).toList();
	}

	private LocalDate today() {
		return LocalDate.now(this.clock.withZone(OfficeCalendar.JAPAN));
	}

	private Instant now() {
		return Instant.now(this.clock);
	}

}
