package jp.localgov.casework.lgotp.process;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jp.localgov.casework.lgotp.LgotpService;
import jp.localgov.casework.lgotp.LgotpViews.HostRequestView;
import jp.localgov.casework.lgotp.LgotpViews.TraineeView;
import jp.localgov.casework.lgotp.ProgrammeYear.Schedule;
import jp.localgov.casework.lgotp.TraineeStage;
import jp.localgov.casework.lgotp.YearStage;
import jp.localgov.casework.platform.mail.MailOutbox;
import jp.localgov.casework.platform.process.FormText;
import jp.localgov.casework.platform.process.MailDirectory;
import jp.localgov.casework.referencedata.Municipality;
import jp.localgov.casework.referencedata.OfficeCalendar;
import jp.localgov.casework.referencedata.ReferenceData;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;

/**
 * The service tasks of {@code LgotpAnnualCycle} and {@code LgotpTraineeJourney}: each
 * reads variables, calls {@link LgotpService}, sets the dates the timers wait for and
 * tells the local governments.
 */
final class LgotpSteps {

	private static final LocalTime MORNING = LocalTime.of(9, 0);

	private static final LocalTime CLOSE = LocalTime.of(17, 15);

	private LgotpSteps() {
	}

	static int fiscalYear(DelegateExecution execution) {
		return ((Number) execution.getVariable(LgotpProcess.FISCAL_YEAR)).intValue();
	}

	static long traineeId(DelegateExecution execution) {
		return ((Number) execution.getVariable(LgotpProcess.TRAINEE_ID)).longValue();
	}

	static Date at(LocalDate day, LocalTime time) {
		return Date.from(day.atTime(time).atZone(OfficeCalendar.JAPAN).toInstant());
	}

	static Schedule schedule(Map<String, Object> rules) {
		return new Schedule(day(rules, "surveyOpensOn"), day(rules, "surveyClosesOn"),
				day(rules, "recruitmentDeadline"), day(rules, "preArrivalDeadline"), day(rules, "arrivalOn"),
				day(rules, "jiamFrom"), day(rules, "jiamTo"), day(rules, "postingOn"));
	}

	private static LocalDate day(Map<String, Object> rules, String name) {
		Object value = rules.get(name);
		if (value == null) {
			throw new IllegalStateException("Decision LgotpSchedule gave no " + name);
		}
		return LocalDate.parse(value.toString());
	}

	/**
	 * Mail to local governments: all accounts of {@code lg-} groups, or the contact of
	 * one host.
	 */
	@Component
	static class LocalGovernmentNotices {

		private final MailDirectory directory;

		private final MailOutbox outbox;

		LocalGovernmentNotices(MailDirectory directory, MailOutbox outbox) {
			this.directory = directory;
			this.outbox = outbox;
		}

		void toAllLocalGovernments(String subject, String body, String reference) {
			this.directory.ofLocalGovernments().forEach((email) -> this.outbox.queue(email, subject, body, reference));
		}

		void toHost(HostRequestView host, String subject, String body, String reference) {
			this.outbox.queue(host.contactEmail(), subject, host.contactName() + " 様\n\n" + body, reference);
		}

		void toTeam(String subject, String body, String reference) {
			this.directory.ofGroup(LgotpProcess.TEAM)
				.forEach((email) -> this.outbox.queue(email, subject, body, reference));
		}

	}

	/**
	 * Serves {@code Task_PrepareYear}: the fiscal year, its business key, no second cycle
	 * of a year.
	 */
	@Component("prepareYearDelegate")
	static class PrepareYear implements JavaDelegate {

		private final RuntimeService runtimeService;

		private final Clock clock;

		PrepareYear(RuntimeService runtimeService, Clock clock) {
			this.runtimeService = runtimeService;
			this.clock = clock;
		}

		@Override
		public void execute(DelegateExecution execution) {
			Object given = execution.getVariable(LgotpProcess.FISCAL_YEAR);
			int year = (given instanceof Number number) ? number.intValue()
					: LocalDate.now(this.clock.withZone(OfficeCalendar.JAPAN)).getYear() + 1;
			String key = "LGOTP-FY" + year;
			long running = this.runtimeService.createProcessInstanceQuery()
				.processDefinitionKey(LgotpProcess.CYCLE_KEY)
				.processInstanceBusinessKey(key)
				.count();
			if (running > 0) {
				throw new BadUserRequestException(
						year + "年度の研修はすでに開始されています / The programme year " + year + " is already running");
			}
			execution.setVariable(LgotpProcess.FISCAL_YEAR, year);
			execution.setProcessBusinessKey(key);
		}

	}

	/**
	 * Serves {@code Task_StartNextYear} of {@code LgotpYearlyStart}: the cycle of the
	 * coming year.
	 */
	@Component("startNextYearDelegate")
	static class StartNextYear implements JavaDelegate {

		private final RuntimeService runtimeService;

		private final Clock clock;

		StartNextYear(RuntimeService runtimeService, Clock clock) {
			this.runtimeService = runtimeService;
			this.clock = clock;
		}

		@Override
		public void execute(DelegateExecution execution) {
			int year = LocalDate.now(this.clock.withZone(OfficeCalendar.JAPAN)).getYear() + 1;
			execution.setVariable(LgotpProcess.FISCAL_YEAR, year);
			this.runtimeService.startProcessInstanceByKey(LgotpProcess.CYCLE_KEY,
					java.util.Map.of(LgotpProcess.FISCAL_YEAR, year));
		}

	}

	/**
	 * Serves {@code Task_OpenSurvey}: the survey opens and the local governments are
	 * told.
	 */
	@Component("openSurveyDelegate")
	static class OpenSurvey implements JavaDelegate {

		private final LgotpService lgotp;

		private final LocalGovernmentNotices notices;

		OpenSurvey(LgotpService lgotp, LocalGovernmentNotices notices) {
			this.lgotp = lgotp;
			this.notices = notices;
		}

		@Override
		public void execute(DelegateExecution execution) {
			int year = fiscalYear(execution);
			@SuppressWarnings("unchecked")
			Schedule schedule = schedule((Map<String, Object>) execution.getVariable(LgotpProcess.SCHEDULE));
			this.lgotp.prepareYear(year, schedule);
			this.lgotp.openSurvey(year);
			execution.removeVariable(LgotpProcess.SCHEDULE);
			execution.setVariable("surveyClosesAt", at(schedule.surveyClosesOn(), LocalTime.of(23, 59)));
			execution.setVariable("recruitmentDeadlineAt", at(schedule.recruitmentDeadline(), CLOSE));
			execution.setVariable("yearLabel", year + "年度（LGOTP-FY" + year + "）");
			execution.setVariable("scheduleSummary", FormText.of(LgotpForms.schedule(schedule)));
			execution.setVariable("demandSummary", FormText.of("（まだありません）"));
			this.notices
				.toAllLocalGovernments("【自治体職員協力交流事業】" + year + "年度 受入要望調査のお知らせ",
						year + "年度（" + year + "年5月来日）の研修員受入要望調査を開始しました。受入を希望される場合は、" + schedule.surveyClosesOn()
								+ " までにポータルから受入要望を提出してください。\n\n" + LgotpForms.schedule(schedule) + "\n",
						"LGOTP-FY" + year);
		}

	}

	/** Serves {@code Task_CloseSurvey}. */
	@Component("closeSurveyDelegate")
	static class CloseSurvey implements JavaDelegate {

		private final LgotpService lgotp;

		CloseSurvey(LgotpService lgotp) {
			this.lgotp = lgotp;
		}

		@Override
		public void execute(DelegateExecution execution) {
			int year = fiscalYear(execution);
			execution.setVariable(LgotpProcess.DEMAND_COUNT, this.lgotp.closeSurvey(year));
			execution.setVariable("demandSummary", FormText.of(LgotpForms.demand(this.lgotp.hostRequests(year))));
		}

	}

	/** Serves {@code Task_RecordNoDemand}. */
	@Component("recordNoDemandDelegate")
	static class RecordNoDemand implements JavaDelegate {

		private final LgotpService lgotp;

		RecordNoDemand(LgotpService lgotp) {
			this.lgotp = lgotp;
		}

		@Override
		public void execute(DelegateExecution execution) {
			this.lgotp.moveYear(fiscalYear(execution), YearStage.NO_DEMAND);
		}

	}

	/** Serves {@code Task_StartRecruitment}. */
	@Component("startRecruitmentDelegate")
	static class StartRecruitment implements JavaDelegate {

		private final LgotpService lgotp;

		StartRecruitment(LgotpService lgotp) {
			this.lgotp = lgotp;
		}

		@Override
		public void execute(DelegateExecution execution) {
			this.lgotp.moveYear(fiscalYear(execution), YearStage.RECRUITMENT);
			execution.setVariable("candidateSummary",
					FormText.of("候補者は API で登録します（POST /api/lgotp/years/" + fiscalYear(execution) + "/candidates）。"));
		}

	}

	/** Serves {@code Task_RemindRecruitment}. */
	@Component("remindRecruitmentDelegate")
	static class RemindRecruitment implements JavaDelegate {

		private final LocalGovernmentNotices notices;

		RemindRecruitment(LocalGovernmentNotices notices) {
			this.notices = notices;
		}

		@Override
		public void execute(DelegateExecution execution) {
			int year = fiscalYear(execution);
			this.notices.toTeam("【LGOTP】研修員決定の期限です（" + year + "年度）",
					year + "年度の研修員の決定期限になりました。タスク「研修員の募集・決定」を完了してください。\n", "LGOTP-FY" + year);
		}

	}

	/** Serves {@code Task_PrepareJourneys}: one journey per selected trainee. */
	@Component("prepareJourneysDelegate")
	static class PrepareJourneys implements JavaDelegate {

		private final LgotpService lgotp;

		PrepareJourneys(LgotpService lgotp) {
			this.lgotp = lgotp;
		}

		@Override
		public void execute(DelegateExecution execution) {
			int year = fiscalYear(execution);
			this.lgotp.closeRecruitment(year);
			List<Long> selected = this.lgotp.selectedTrainees(year);
			execution.setVariable(LgotpProcess.TRAINEE_IDS,
					selected.stream().map(String::valueOf).collect(Collectors.joining(",")));
			execution.setVariable(LgotpProcess.TRAINEE_COUNT, selected.size());
			this.lgotp.moveYear(year, YearStage.JOURNEYS);
		}

	}

	/** Serves {@code Task_CompleteYear}. */
	@Component("completeYearDelegate")
	static class CompleteYear implements JavaDelegate {

		private final LgotpService lgotp;

		CompleteYear(LgotpService lgotp) {
			this.lgotp = lgotp;
		}

		@Override
		public void execute(DelegateExecution execution) {
			this.lgotp.moveYear(fiscalYear(execution), YearStage.COMPLETED);
		}

	}

	/** Common base of the journey steps: move the stage, refresh the form variables. */
	abstract static class JourneyStep implements JavaDelegate {

		final LgotpService lgotp;

		final LocalGovernmentNotices notices;

		final ReferenceData referenceData;

		JourneyStep(LgotpService lgotp, LocalGovernmentNotices notices, ReferenceData referenceData) {
			this.lgotp = lgotp;
			this.notices = notices;
			this.referenceData = referenceData;
		}

		@Override
		public void execute(DelegateExecution execution) {
			long id = traineeId(execution);
			run(execution, id);
			TraineeView trainee = this.lgotp.traineeView(id);
			execution.setVariable("traineeName", trainee.name());
			execution.setVariable("traineeCountry", trainee.country());
			execution.setVariable("homeGovernment", trainee.homeGovernment());
			execution.setVariable("hostName",
					this.referenceData.municipality(trainee.hostMunicipality())
						.map(Municipality::getFullName)
						.orElse(String.valueOf(trainee.hostMunicipality())));
			execution.setVariable("journeySummary",
					FormText.of(trainee.stages()
						.stream()
						.map((step) -> LgotpForms.AT.format(step.at().atZone(OfficeCalendar.JAPAN)) + " "
								+ step.stage().label() + (step.note() == null ? "" : "（" + step.note() + "）"))
						.collect(Collectors.joining("\n"))));
		}

		abstract void run(DelegateExecution execution, long traineeId);

		void tellHost(long traineeId, String subject, String body) {
			TraineeView trainee = this.lgotp.traineeView(traineeId);
			this.notices.toHost(this.lgotp.hostOf(traineeId), "【自治体職員協力交流事業】" + subject + "（" + trainee.name() + "）",
					body + "\n\n研修員：" + trainee.name() + "（" + trainee.country() + "）\n", trainee.journeyKey());
		}

	}

	/**
	 * Serves {@code Task_StartPreArrival}: the journey's dates from the year's schedule.
	 */
	@Component("startPreArrivalDelegate")
	static class StartPreArrival extends JourneyStep {

		StartPreArrival(LgotpService lgotp, LocalGovernmentNotices notices, ReferenceData referenceData) {
			super(lgotp, notices, referenceData);
		}

		@Override
		void run(DelegateExecution execution, long traineeId) {
			TraineeView trainee = this.lgotp.traineeView(traineeId);
			Schedule schedule = this.lgotp.yearView(trainee.fiscalYear()).schedule();
			execution.setVariable("preArrivalDue", at(schedule.preArrivalDeadline(), CLOSE));
			execution.setVariable("arrivalAt", at(schedule.arrivalOn(), MORNING));
			execution.setVariable("postingAt", at(schedule.postingOn(), MORNING));
			execution.setVariable(LgotpProcess.TRAINING_MONTHS, trainee.trainingMonths());
			execution.setVariable("trainingEndsAt",
					at(schedule.postingOn().plusMonths(trainee.trainingMonths()).minusDays(1), CLOSE));
			execution.setVariable(LgotpProcess.REPORTS_FILED, 0);
			this.lgotp.moveTrainee(traineeId, TraineeStage.PRE_ARRIVAL, null);
		}

	}

	/** Serves {@code Task_RecordArrival}. */
	@Component("recordArrivalDelegate")
	static class RecordArrival extends JourneyStep {

		RecordArrival(LgotpService lgotp, LocalGovernmentNotices notices, ReferenceData referenceData) {
			super(lgotp, notices, referenceData);
		}

		@Override
		void run(DelegateExecution execution, long traineeId) {
			this.lgotp.moveTrainee(traineeId, TraineeStage.ORIENTATION, "東京");
		}

	}

	/** Serves {@code Task_StartJiam}. */
	@Component("startJiamDelegate")
	static class StartJiam extends JourneyStep {

		StartJiam(LgotpService lgotp, LocalGovernmentNotices notices, ReferenceData referenceData) {
			super(lgotp, notices, referenceData);
		}

		@Override
		void run(DelegateExecution execution, long traineeId) {
			this.lgotp.moveTrainee(traineeId, TraineeStage.JIAM_TRAINING, "全国市町村国際文化研修所");
		}

	}

	/** Serves {@code Task_Post}: the trainee arrives at the host, who is told. */
	@Component("postTraineeDelegate")
	static class Post extends JourneyStep {

		Post(LgotpService lgotp, LocalGovernmentNotices notices, ReferenceData referenceData) {
			super(lgotp, notices, referenceData);
		}

		@Override
		void run(DelegateExecution execution, long traineeId) {
			this.lgotp.moveTrainee(traineeId, TraineeStage.POSTED, null);
			tellHost(traineeId, "研修員の赴任", "本日、研修員が貴団体に赴任します。毎月の研修の状況を、翌月10日までにポータルから報告してください。");
		}

	}

	/**
	 * Serves {@code Task_ScheduleReport}: the next month to report and its due date (10th
	 * of the month after).
	 */
	@Component("scheduleReportDelegate")
	static class ScheduleReport extends JourneyStep {

		ScheduleReport(LgotpService lgotp, LocalGovernmentNotices notices, ReferenceData referenceData) {
			super(lgotp, notices, referenceData);
		}

		@Override
		void run(DelegateExecution execution, long traineeId) {
			TraineeView trainee = this.lgotp.traineeView(traineeId);
			int filed = trainee.reportedMonths().size();
			execution.setVariable(LgotpProcess.REPORTS_FILED, filed);
			Date posting = (Date) execution.getVariable("postingAt");
			YearMonth month = YearMonth.from(posting.toInstant().atZone(OfficeCalendar.JAPAN)).plusMonths(filed);
			execution.setVariable("reportMonth", month.toString());
			execution.setVariable("reportDueAt", at(month.plusMonths(1).atDay(10), CLOSE));
		}

	}

	/** Serves {@code Task_RemindHost}: the monthly report is late. */
	@Component("remindHostDelegate")
	static class RemindHost extends JourneyStep {

		RemindHost(LgotpService lgotp, LocalGovernmentNotices notices, ReferenceData referenceData) {
			super(lgotp, notices, referenceData);
		}

		@Override
		void run(DelegateExecution execution, long traineeId) {
			tellHost(traineeId, "月例報告の督促", execution.getVariable("reportMonth") + " の月例報告がまだ届いていません。ポータルから提出してください。");
		}

	}

	/** Serves {@code Task_ReturnHome}. */
	@Component("returnHomeDelegate")
	static class ReturnHome extends JourneyStep {

		ReturnHome(LgotpService lgotp, LocalGovernmentNotices notices, ReferenceData referenceData) {
			super(lgotp, notices, referenceData);
		}

		@Override
		void run(DelegateExecution execution, long traineeId) {
			this.lgotp.moveTrainee(traineeId, TraineeStage.RETURNED, null);
			tellHost(traineeId, "研修の終了と帰国", "研修期間が終了し、研修員は帰国します。受入にご協力いただき、ありがとうございました。");
		}

	}

	/** Serves {@code Task_JoinAlumni}. */
	@Component("joinAlumniDelegate")
	static class JoinAlumni extends JourneyStep {

		JoinAlumni(LgotpService lgotp, LocalGovernmentNotices notices, ReferenceData referenceData) {
			super(lgotp, notices, referenceData);
		}

		@Override
		void run(DelegateExecution execution, long traineeId) {
			Object email = execution.getVariable("alumniEmail");
			this.lgotp.moveTrainee(traineeId, TraineeStage.ALUMNI,
					(email == null || email.toString().isBlank()) ? null : "連絡先：" + email);
		}

	}

	/**
	 * Serves {@code Task_RecordWithdrawal}: the host is told of a withdrawal or early
	 * return.
	 */
	@Component("recordWithdrawalDelegate")
	static class RecordWithdrawal extends JourneyStep {

		RecordWithdrawal(LgotpService lgotp, LocalGovernmentNotices notices, ReferenceData referenceData) {
			super(lgotp, notices, referenceData);
		}

		@Override
		void run(DelegateExecution execution, long traineeId) {
			tellHost(traineeId, "研修員の辞退・途中帰国",
					"研修員の辞退または途中帰国が決まりました。理由：" + this.lgotp.traineeView(traineeId).withdrawalReason());
		}

	}

	/** Form texts of the LGOTP tasks. */
	static final class LgotpForms {

		static final java.time.format.DateTimeFormatter AT = java.time.format.DateTimeFormatter
			.ofPattern("yyyy-MM-dd HH:mm");

		private LgotpForms() {
		}

		static String schedule(Schedule schedule) {
			return "受入要望調査：" + schedule.surveyOpensOn() + " ～ " + schedule.surveyClosesOn() + "\n研修員の決定："
					+ schedule.recruitmentDeadline() + " まで\n来日手続き：" + schedule.preArrivalDeadline()
					+ " まで\n来日・オリエンテーション：" + schedule.arrivalOn() + "\n全体研修（JIAM）：" + schedule.jiamFrom() + " ～ "
					+ schedule.jiamTo() + "\n赴任：" + schedule.postingOn();
		}

		static String demand(List<HostRequestView> requests) {
			if (requests.isEmpty()) {
				return "（受入要望はありません）";
			}
			return requests.stream()
				.map((request) -> "#" + request.id() + " " + request.municipalityCode() + " " + request.field().label()
						+ " / " + request.preferredCountry() + " / " + request.preferredLanguage() + " / "
						+ request.months() + "か月 / " + request.status().label())
				.collect(Collectors.joining("\n"));
		}

	}

}
