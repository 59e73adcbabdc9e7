package jp.localgov.casework.lgotp;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

import jp.localgov.casework.lgotp.LgotpViews.Cohort;
import jp.localgov.casework.lgotp.LgotpViews.HostRequestView;
import jp.localgov.casework.lgotp.LgotpViews.Totals;
import jp.localgov.casework.lgotp.LgotpViews.TraineeView;
import jp.localgov.casework.lgotp.LgotpViews.YearView;
import jp.localgov.casework.platform.BusinessRuleException;
import jp.localgov.casework.platform.InvalidInputException;
import jp.localgov.casework.platform.NotFoundException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The programme's years, hosting requests and trainees: local governments file requests
 * while the survey is open and report monthly on their trainee; staff register and select
 * candidates and follow each journey; the yearly cycle and the journeys move the stages.
 */
@Service
@Transactional
public class LgotpService {

	private static final String YEAR_NOT_FOUND = "その年度の研修はありません / No such programme year";

	private static final String REQUEST_NOT_FOUND = "受入要望が見つかりません / Hosting request not found";

	private static final Pattern MONTH = Pattern.compile("\\d{4}-(0[1-9]|1[0-2])");

	private final ProgrammeYearRepository years;

	private final HostRequestRepository requests;

	private final TraineeRepository trainees;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	LgotpService(ProgrammeYearRepository years, HostRequestRepository requests, TraineeRepository trainees,
			ApplicationEventPublisher events, Clock clock) {
		this.years = years;
		this.requests = requests;
		this.trainees = trainees;
		this.events = events;
		this.clock = clock;
	}

	// ---- the year, driven by the annual cycle

	public YearView prepareYear(int fiscalYear, ProgrammeYear.Schedule schedule) {
		ProgrammeYear year = this.years.findById(fiscalYear)
			.orElseGet(() -> this.years.save(new ProgrammeYear(fiscalYear)));
		year.schedule(schedule);
		return YearView.of(year);
	}

	public void openSurvey(int fiscalYear) {
		year(fiscalYear).openSurvey();
	}

	/** Closes the survey; returns the number of hosting requests filed. */
	public int closeSurvey(int fiscalYear) {
		year(fiscalYear).closeSurvey();
		return (int) this.requests.findByFiscalYearOrderById(fiscalYear)
			.stream()
			.filter((request) -> request.getStatus() == HostRequestStatus.SUBMITTED)
			.count();
	}

	public void moveYear(int fiscalYear, YearStage stage) {
		year(fiscalYear).moveTo(stage);
	}

	@Transactional(readOnly = true)
	public YearView yearView(int fiscalYear) {
		return YearView.of(year(fiscalYear));
	}

	// ---- hosting requests, by local governments

	public HostRequestView fileHostRequest(int fiscalYear, String municipalityCode, HostingPlan plan) {
		requireSurveyOpen(fiscalYear);
		HostRequest request = this.requests.save(new HostRequest(fiscalYear, municipalityCode, plan, now()));
		return HostRequestView.of(request, null);
	}

	public HostRequestView updateHostRequest(long id, String municipalityCode, HostingPlan plan) {
		HostRequest request = ownRequest(id, municipalityCode);
		requireSurveyOpen(request.getFiscalYear());
		requireSubmitted(request);
		request.update(plan, now());
		return HostRequestView.of(request, null);
	}

	public void withdrawHostRequest(long id, String municipalityCode) {
		HostRequest request = ownRequest(id, municipalityCode);
		requireSurveyOpen(request.getFiscalYear());
		requireSubmitted(request);
		request.withdraw(now());
	}

	@Transactional(readOnly = true)
	public HostRequestView hostRequest(long id, String municipalityCode) {
		HostRequest request = ownRequest(id, municipalityCode);
		return HostRequestView.of(request, this.trainees.findByHostRequestId(id).orElse(null));
	}

	@Transactional(readOnly = true)
	public List<HostRequestView> hostRequests(int fiscalYear) {
		return this.requests.findByFiscalYearOrderById(fiscalYear)
			.stream()
			.map((request) -> HostRequestView.of(request,
					this.trainees.findByHostRequestId(request.getId()).orElse(null)))
			.toList();
	}

	@Transactional(readOnly = true)
	public List<HostRequestView> hostRequestsOf(int fiscalYear, String municipalityCode) {
		return this.requests.findByFiscalYearAndMunicipalityCodeOrderById(fiscalYear, municipalityCode)
			.stream()
			.map((request) -> HostRequestView.of(request,
					this.trainees.findByHostRequestId(request.getId()).orElse(null)))
			.toList();
	}

	/** The host's report for one month, while its trainee is posted there. */
	public void fileMonthlyReport(long requestId, String municipalityCode, String month, String text) {
		HostRequest request = ownRequest(requestId, municipalityCode);
		if (month == null || !MONTH.matcher(month).matches()) {
			throw new InvalidInputException("month", "月は yyyy-MM の形式で入力してください / month is yyyy-MM");
		}
		if (text == null || text.isBlank() || text.length() > 4000) {
			throw new InvalidInputException("text", "報告を4,000文字以内で入力してください / enter up to 4,000 characters");
		}
		Trainee trainee = this.trainees.findByHostRequestId(request.getId())
			.filter((candidate) -> candidate.getStage() == TraineeStage.POSTED)
			.orElseThrow(() -> new BusinessRuleException(
					"研修員が受入団体に赴任している間だけ報告できます / Reports are filed while the trainee is posted"));
		if (trainee.getTrainingMonths() != null && trainee.getReports().size() >= trainee.getTrainingMonths()) {
			throw new BusinessRuleException("研修期間のすべての月の報告が提出済みです / Every month is already reported");
		}
		if (trainee.getReports().stream().anyMatch((report) -> report.getMonth().equals(month))) {
			throw new BusinessRuleException(month + " の報告は提出済みです / That month is already reported");
		}
		trainee.report(month, text.strip(), now());
		this.events.publishEvent(new LgotpEvents.MonthlyReportFiled(trainee.journeyKey(), month));
	}

	// ---- candidates and trainees, by staff and the journeys

	public TraineeView registerCandidate(int fiscalYear, Candidate candidate) {
		ProgrammeYear year = year(fiscalYear);
		if (year.getStage() != YearStage.RECRUITMENT && year.getStage() != YearStage.DEMAND_REVIEW) {
			throw new BusinessRuleException("候補者は要望の確認から募集・決定の間に登録できます（現在：" + year.getStage().label() + "）");
		}
		Trainee trainee = this.trainees
			.save(new Trainee(fiscalYear, this.trainees.lastSequence(fiscalYear) + 1, candidate, now(), false));
		return TraineeView.of(trainee);
	}

	/** The selection decision: matched to a hosting request, or not selected. */
	public TraineeView decide(long traineeId, Long hostRequestId) {
		Trainee trainee = trainee(traineeId);
		if (trainee.getStage() != TraineeStage.CANDIDATE) {
			throw new BusinessRuleException("この候補者は決定済みです / Already decided");
		}
		if (hostRequestId == null) {
			trainee.moveTo(TraineeStage.NOT_SELECTED, null, now());
			return TraineeView.of(trainee);
		}
		HostRequest request = this.requests.findById(hostRequestId)
			.filter((candidate) -> candidate.getFiscalYear() == trainee.getFiscalYear())
			.orElseThrow(() -> new InvalidInputException("hostRequestId", REQUEST_NOT_FOUND));
		requireSubmitted(request);
		request.match(now());
		trainee.select(request, now());
		return TraineeView.of(trainee);
	}

	/** Selected trainees of a year in order; the cycle starts one journey for each. */
	@Transactional(readOnly = true)
	public List<Long> selectedTrainees(int fiscalYear) {
		return this.trainees.findByFiscalYearAndStageOrderBySequenceNo(fiscalYear, TraineeStage.SELECTED)
			.stream()
			.map(Trainee::getId)
			.toList();
	}

	/**
	 * At the end of recruitment, requests nobody was matched to and undecided candidates
	 * are closed.
	 */
	public void closeRecruitment(int fiscalYear) {
		this.requests.findByFiscalYearOrderById(fiscalYear)
			.stream()
			.filter((request) -> request.getStatus() == HostRequestStatus.SUBMITTED)
			.forEach((request) -> request.unmatched(now()));
		this.trainees.findByFiscalYearAndStageOrderBySequenceNo(fiscalYear, TraineeStage.CANDIDATE)
			.forEach((candidate) -> candidate.moveTo(TraineeStage.NOT_SELECTED, "募集終了", now()));
	}

	public void moveTrainee(long traineeId, TraineeStage stage, String note) {
		trainee(traineeId).moveTo(stage, note, now());
	}

	/**
	 * A withdrawal or early return at any stage; the journey ends and the host is told.
	 */
	public TraineeView withdraw(long traineeId, String reason) {
		Trainee trainee = trainee(traineeId);
		if (trainee.getStage() == TraineeStage.WITHDRAWN || trainee.getStage() == TraineeStage.ALUMNI
				|| trainee.getStage() == TraineeStage.RETURNED || trainee.getStage() == TraineeStage.NOT_SELECTED) {
			throw new BusinessRuleException("この研修員の研修は終了しています / The journey is over");
		}
		if (reason == null || reason.isBlank() || reason.length() > 2000) {
			throw new InvalidInputException("reason",
					"理由を2,000文字以内で入力してください / enter the reason, up to 2,000 characters");
		}
		boolean journeyStarted = trainee.getStage() != TraineeStage.CANDIDATE;
		trainee.withdraw(reason.strip(), now());
		if (journeyStarted) {
			this.events.publishEvent(new LgotpEvents.TraineeWithdrawn(trainee.journeyKey()));
		}
		return TraineeView.of(trainee);
	}

	@Transactional(readOnly = true)
	public TraineeView traineeView(long traineeId) {
		return TraineeView.of(trainee(traineeId));
	}

	@Transactional(readOnly = true)
	public List<TraineeView> trainees(int fiscalYear) {
		return this.trainees.findByFiscalYearOrderBySequenceNo(fiscalYear).stream().map(TraineeView::of).toList();
	}

	/** The contact of the host of a trainee (for mails about the trainee). */
	@Transactional(readOnly = true)
	public HostRequestView hostOf(long traineeId) {
		Trainee trainee = trainee(traineeId);
		return this.requests.findById(trainee.getHostRequestId())
			.map((request) -> HostRequestView.of(request, trainee))
			.orElseThrow(() -> new NotFoundException(REQUEST_NOT_FOUND));
	}

	/**
	 * Trainees of a year by stage, country and host, and the totals since the first year.
	 */
	@Transactional(readOnly = true)
	public Cohort cohort(int fiscalYear) {
		Map<TraineeStage, Long> byStage = new TreeMap<>();
		Map<String, Long> byCountry = new TreeMap<>();
		Map<String, Long> byHost = new TreeMap<>();
		long total = 0;
		long allTrainees = 0;
		Set<String> countries = new HashSet<>();
		Set<String> hosts = new HashSet<>();
		int first = Integer.MAX_VALUE;
		int last = Integer.MIN_VALUE;
		for (Object[] row : this.trainees.cohortCounts()) {
			int year = (Integer) row[0];
			TraineeStage stage = (TraineeStage) row[1];
			String country = (String) row[2];
			String host = (String) row[3];
			long count = (Long) row[4];
			if (year == fiscalYear) {
				byStage.merge(stage, count, Long::sum);
				byCountry.merge(country, count, Long::sum);
				if (host != null) {
					byHost.merge(host, count, Long::sum);
				}
				total += count;
			}
			if (stage != TraineeStage.CANDIDATE && stage != TraineeStage.NOT_SELECTED) {
				allTrainees += count;
				countries.add(country);
				if (host != null) {
					hosts.add(host);
				}
				first = Math.min(first, year);
				last = Math.max(last, year);
			}
		}
		Totals totals = new Totals(allTrainees, countries.size(), hosts.size(), (allTrainees == 0) ? fiscalYear : first,
				(allTrainees == 0) ? fiscalYear : last);
		return new Cohort(fiscalYear, total, byStage, byCountry, byHost, totals);
	}

	private ProgrammeYear year(int fiscalYear) {
		return this.years.findById(fiscalYear).orElseThrow(() -> new NotFoundException(YEAR_NOT_FOUND));
	}

	private Trainee trainee(long id) {
		return this.trainees.findById(id).orElseThrow(() -> new NotFoundException("研修員が見つかりません / Trainee not found"));
	}

	private HostRequest ownRequest(long id, String municipalityCode) {
		return this.requests.findById(id)
			.filter((request) -> request.getMunicipalityCode().equals(municipalityCode))
			.orElseThrow(() -> new NotFoundException(REQUEST_NOT_FOUND));
	}

	private void requireSurveyOpen(int fiscalYear) {
		ProgrammeYear year = this.years.findById(fiscalYear).orElse(null);
		if (year == null || !year.isSurveyOpen()) {
			throw new BusinessRuleException(fiscalYear + "年度の受入要望調査は受付期間外です"
					+ ((year != null && year.schedule().surveyClosesOn() != null)
							? "（締切：" + year.schedule().surveyClosesOn() + "）" : "")
					+ " / The demand survey is not open");
		}
	}

	private static void requireSubmitted(HostRequest request) {
		if (request.getStatus() != HostRequestStatus.SUBMITTED) {
			throw new BusinessRuleException(
					"この受入要望は変更できません（" + request.getStatus().label() + "） / The request can no longer change");
		}
	}

	private Instant now() {
		return Instant.now(this.clock);
	}

}
