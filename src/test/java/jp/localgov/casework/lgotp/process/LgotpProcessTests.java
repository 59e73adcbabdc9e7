package jp.localgov.casework.lgotp.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import jp.localgov.casework.lgotp.Candidate;
import jp.localgov.casework.lgotp.HostingPlan;
import jp.localgov.casework.lgotp.LgotpService;
import jp.localgov.casework.lgotp.LgotpViews.Cohort;
import jp.localgov.casework.lgotp.LgotpViews.HostRequestView;
import jp.localgov.casework.lgotp.LgotpViews.TraineeView;
import jp.localgov.casework.lgotp.TraineeStage;
import jp.localgov.casework.lgotp.TrainingField;
import jp.localgov.casework.lgotp.YearStage;
import jp.localgov.casework.platform.BusinessRuleException;
import jp.localgov.casework.support.CaseworkSpringBootTest;
import jp.localgov.casework.support.EngineJobs;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

/**
 * Whole LGOTP programme years in seconds, by the engine clock: the survey opened by the
 * cycle and closed by its deadline or early by staff, selection, three journeys to the
 * alumni network, late monthly reports, withdrawals at each stage group, a year without
 * demand and the yearly timer.
 */
@CaseworkSpringBootTest
class LgotpProcessTests {

	static final ZoneId JST = ZoneId.of("Asia/Tokyo");

	@Autowired
	ProcessEngine processEngine;

	@Autowired
	LgotpService lgotp;

	RuntimeService runtime;

	TaskService tasks;

	EngineJobs jobs;

	@BeforeEach
	void setUp() {
		init(this.processEngine);
		this.runtime = this.processEngine.getRuntimeService();
		this.tasks = this.processEngine.getTaskService();
		this.jobs = new EngineJobs(this.processEngine.getManagementService());
	}

	@AfterEach
	void resetClock() {
		EngineJobs.resetClock();
	}

	@Test
	void aWholeProgrammeYearFromTheSurveyToTheAlumniNetwork() {
		// Given an operator starts FY2031 by hand on 1 September 2030: the survey opens
		// at once
		ProcessInstance cycle = startYear(2031);
		assertThat(this.lgotp.yearView(2031).surveyOpen()).isTrue();
		assertThat(this.lgotp.yearView(2031).surveyClosesOn()).isEqualTo(LocalDate.of(2030, 11, 30));
		assertThat(cycle).isWaitingAt(LgotpProcess.TASK_SURVEY);
		assertThat(cycle.getBusinessKey()).isEqualTo("LGOTP-FY2031");

		// Three local governments ask to host; one withdraws a second request
		HostRequestView hamamatsu = this.lgotp.fileHostRequest(2031, "221309", plan(TrainingField.TOURISM, 6));
		HostRequestView chiyoda = this.lgotp.fileHostRequest(2031, "131016", plan(TrainingField.ENVIRONMENT, 6));
		HostRequestView yamaguchi = this.lgotp.fileHostRequest(2031, "352039", plan(TrainingField.AGRICULTURE, 6));
		HostRequestView extra = this.lgotp.fileHostRequest(2031, "352039", plan(TrainingField.EDUCATION, 12));
		this.lgotp.withdrawHostRequest(extra.id(), "352039");

		// When 30 November passes, the survey closes by itself
		at(LocalDate.of(2030, 12, 1), 9);
		this.jobs.executeDue(cycle.getId());
		assertThat(cycle).hasPassed("BoundaryEvent_SurveyCloses", "Task_CloseSurvey")
			.isWaitingAt(LgotpProcess.TASK_REVIEW_DEMAND);
		assertThat(this.lgotp.yearView(2031).surveyOpen()).isFalse();
		assertThatThrownBy(() -> this.lgotp.fileHostRequest(2031, "131016", plan(TrainingField.TOURISM, 6)))
			.isInstanceOf(BusinessRuleException.class);

		// Staff review the demand, register four candidates and select three
		complete(cycle, LgotpProcess.TASK_REVIEW_DEMAND, Map.of("demandReviewed", true));
		TraineeView ana = this.lgotp.registerCandidate(2031, candidate("Ana Souza", "ブラジル", false));
		TraineeView minh = this.lgotp.registerCandidate(2031, candidate("Nguyen Minh", "ベトナム", true));
		TraineeView somchai = this.lgotp.registerCandidate(2031, candidate("Somchai Dee", "タイ", false));
		TraineeView other = this.lgotp.registerCandidate(2031, candidate("Li Wei", "中国", false));
		this.lgotp.decide(ana.id(), hamamatsu.id());
		this.lgotp.decide(minh.id(), chiyoda.id());
		this.lgotp.decide(somchai.id(), yamaguchi.id());
		this.lgotp.decide(other.id(), null);

		// The selection deadline passes first: the team is reminded
		at(LocalDate.of(2031, 3, 1), 9);
		this.jobs.executeDue(cycle.getId());
		assertThat(cycle).hasPassed("Task_RemindRecruitment");
		complete(cycle, LgotpProcess.TASK_SELECT, Map.of("selectionComplete", true));

		// Then three journeys run, one per trainee, with business keys LGOTP-FY2031-T00n
		assertThat(cycle).isWaitingAt(LgotpProcess.CALL_JOURNEYS);
		List<ProcessInstance> journeys = journeys(2031);
		assertThat(journeys).extracting(ProcessInstance::getBusinessKey)
			.containsExactlyInAnyOrder("LGOTP-FY2031-T001", "LGOTP-FY2031-T002", "LGOTP-FY2031-T003");
		assertThat(this.lgotp.hostRequest(hamamatsu.id(), "221309").trainee().stage())
			.isEqualTo(TraineeStage.PRE_ARRIVAL);

		// Pre-arrival, arrival in May, orientation in Tokyo, JIAM, posting in late June
		journeys.forEach((journey) -> complete(journey, LgotpProcess.TASK_PRE_ARRIVAL,
				Map.of("coeIssued", true, "visaIssued", true, "flightBooked", true)));
		at(LocalDate.of(2031, 5, 15), 10);
		journeys.forEach((journey) -> this.jobs.executeDue(journey.getId()));
		journeys
			.forEach((journey) -> complete(journey, LgotpProcess.TASK_ORIENTATION, Map.of("orientationDone", true)));
		assertThat(this.lgotp.traineeView(ana.id()).stage()).isEqualTo(TraineeStage.JIAM_TRAINING);
		at(LocalDate.of(2031, 6, 25), 10);
		journeys.forEach((journey) -> this.jobs.executeDue(journey.getId()));
		assertThat(this.lgotp.traineeView(ana.id()).stage()).isEqualTo(TraineeStage.POSTED);

		// Six monthly reports each; Hamamatsu's July report is late and reminded
		at(LocalDate.of(2031, 8, 11), 9);
		journeys.forEach((journey) -> this.jobs.executeDue(journey.getId()));
		assertThat(journeyOf(journeys, "LGOTP-FY2031-T001")).hasPassed("Task_RemindHost");
		report(hamamatsu, "221309");
		report(chiyoda, "131016");
		report(yamaguchi, "352039");

		// When the training period ends, they return home and join the alumni network
		at(LocalDate.of(2031, 12, 25), 10);
		journeys.forEach((journey) -> this.jobs.executeDue(journey.getId()));
		journeys.forEach((journey) -> complete(journey, LgotpProcess.TASK_RECORD_ALUMNI,
				Map.of("alumniEmail", "alumni@example.org")));
		journeys.forEach((journey) -> assertThat(journey).hasPassed("Task_ReturnHome", "Task_JoinAlumni").isEnded());
		assertThat(this.lgotp.traineeView(minh.id()).stages()).extracting("stage")
			.containsSubsequence(TraineeStage.CANDIDATE, TraineeStage.SELECTED, TraineeStage.PRE_ARRIVAL,
					TraineeStage.ORIENTATION, TraineeStage.JIAM_TRAINING, TraineeStage.POSTED, TraineeStage.RETURNED,
					TraineeStage.ALUMNI);
		assertThat(cycle).hasPassed("Task_CompleteYear").isEnded();
		assertThat(this.lgotp.yearView(2031).stage()).isEqualTo(YearStage.COMPLETED);

		Cohort cohort = this.lgotp.cohort(2031);
		assertThat(cohort.byStage()).containsEntry(TraineeStage.ALUMNI, 3L)
			.containsEntry(TraineeStage.NOT_SELECTED, 1L);
		assertThat(cohort.byCountry()).containsKeys("ブラジル", "ベトナム", "タイ");
		assertThat(cohort.byHost()).containsKeys("221309", "131016", "352039");
		assertThat(this.lgotp.traineeView(minh.id()).hostFound()).isTrue();
	}

	@Test
	void aYearWithoutDemandEndsAfterTheSurvey() {
		ProcessInstance cycle = startYear(2032);
		at(LocalDate.of(2031, 12, 1), 9);
		this.jobs.executeDue(cycle.getId());

		assertThat(cycle).hasPassed("Task_RecordNoDemand", "EndEvent_NoDemand").isEnded();
		assertThat(this.lgotp.yearView(2032).stage()).isEqualTo(YearStage.NO_DEMAND);
	}

	@Test
	void staffCloseTheSurveyEarlyAndNobodyIsSelected() {
		ProcessInstance cycle = startYear(2033);
		this.lgotp.fileHostRequest(2033, "221309", plan(TrainingField.TOURISM, 6));
		complete(cycle, LgotpProcess.TASK_SURVEY, Map.of("closeEarly", true));
		assertThat(this.lgotp.yearView(2033).surveyOpen()).isFalse();

		complete(cycle, LgotpProcess.TASK_REVIEW_DEMAND, Map.of("demandReviewed", true));
		complete(cycle, LgotpProcess.TASK_SELECT, Map.of("selectionComplete", true));

		assertThat(cycle).hasPassed("Gateway_YearEndMerge", "Task_CompleteYear").isEnded();
		assertThat(this.lgotp.hostRequests(2033)).extracting(HostRequestView::status)
			.containsOnly(jp.localgov.casework.lgotp.HostRequestStatus.UNMATCHED);
	}

	@Test
	void withdrawalsEndAJourneyAtEachStageGroupAndTheHostIsTold() {
		ProcessInstance cycle = startYear(2034);
		HostRequestView[] requests = new HostRequestView[3];
		TraineeView[] trainees = new TraineeView[3];
		String[] codes = { "221309", "131016", "352039" };
		for (int i = 0; i < 3; i++) {
			requests[i] = this.lgotp.fileHostRequest(2034, codes[i], plan(TrainingField.FIRE_SERVICES, 6));
		}
		complete(cycle, LgotpProcess.TASK_SURVEY, Map.of("closeEarly", true));
		complete(cycle, LgotpProcess.TASK_REVIEW_DEMAND, Map.of("demandReviewed", true));
		for (int i = 0; i < 3; i++) {
			trainees[i] = this.lgotp.registerCandidate(2034, candidate("Trainee " + i, "フィリピン", false));
			this.lgotp.decide(trainees[i].id(), requests[i].id());
		}
		complete(cycle, LgotpProcess.TASK_SELECT, Map.of("selectionComplete", true));
		List<ProcessInstance> journeys = journeys(2034);

		// Before arrival
		this.lgotp.withdraw(trainees[0].id(), "家庭の事情により辞退");
		assertThat(journeyOf(journeys, "LGOTP-FY2034-T001")).hasPassed("Task_RecordWithdrawal").isEnded();

		// During the JIAM training
		complete(journeyOf(journeys, "LGOTP-FY2034-T002"), LgotpProcess.TASK_PRE_ARRIVAL,
				Map.of("coeIssued", true, "visaIssued", true, "flightBooked", true));
		complete(journeyOf(journeys, "LGOTP-FY2034-T003"), LgotpProcess.TASK_PRE_ARRIVAL,
				Map.of("coeIssued", true, "visaIssued", true, "flightBooked", true));
		at(LocalDate.of(2034, 5, 15), 10);
		journeys.forEach((journey) -> this.jobs.executeDue(journey.getId()));
		complete(journeyOf(journeys, "LGOTP-FY2034-T002"), LgotpProcess.TASK_ORIENTATION,
				Map.of("orientationDone", true));
		complete(journeyOf(journeys, "LGOTP-FY2034-T003"), LgotpProcess.TASK_ORIENTATION,
				Map.of("orientationDone", true));
		this.lgotp.withdraw(trainees[1].id(), "健康上の理由");
		assertThat(journeyOf(journeys, "LGOTP-FY2034-T002")).isEnded();

		// At the host: an early return
		at(LocalDate.of(2034, 6, 25), 10);
		this.jobs.executeDue(journeyOf(journeys, "LGOTP-FY2034-T003").getId());
		assertThat(this.lgotp.traineeView(trainees[2].id()).stage()).isEqualTo(TraineeStage.POSTED);
		this.lgotp.withdraw(trainees[2].id(), "本国の要請により途中帰国");

		journeys.forEach((journey) -> assertThat(journey).hasPassed("EndEvent_Withdrawn").isEnded());
		assertThat(this.lgotp.traineeView(trainees[2].id()).stage()).isEqualTo(TraineeStage.WITHDRAWN);
		assertThat(this.lgotp.traineeView(trainees[2].id()).withdrawalReason()).contains("途中帰国");
		assertThat(cycle).isEnded();
		assertThat(this.processEngine.getRuntimeService()
			.createProcessInstanceQuery()
			.processDefinitionKey("OutgoingMail")
			.processInstanceBusinessKey("LGOTP-FY2034-T003")
			.count()).as("mails to the host about T003").isGreaterThanOrEqualTo(2);
	}

	@Test
	void theSameYearCannotRunTwice() {
		startYear(2035);
		assertThatThrownBy(
				() -> this.runtime.startProcessInstanceByKey(LgotpProcess.CYCLE_KEY, Map.of("fiscalYear", 2035)))
			.hasMessageContaining("すでに開始");
	}

	@Test
	void everyFirstOfSeptemberTheNextYearStartsByItself() {
		at(LocalDate.of(2036, 9, 1), 0);
		Job yearly = this.processEngine.getManagementService()
			.createJobQuery()
			.processDefinitionKey("LgotpYearlyStart")
			.timers()
			.list()
			.stream()
			.filter((job) -> job.getProcessInstanceId() == null)
			.findFirst()
			.orElseThrow();
		this.processEngine.getManagementService().executeJob(yearly.getId());

		ProcessInstance cycle = this.runtime.createProcessInstanceQuery()
			.processDefinitionKey(LgotpProcess.CYCLE_KEY)
			.processInstanceBusinessKey("LGOTP-FY2037")
			.singleResult();
		assertThat(cycle).isNotNull();
		assertThat(cycle).isWaitingAt(LgotpProcess.TASK_SURVEY);
		assertThat(this.lgotp.yearView(2037).surveyOpen()).isTrue();
	}

	// ---- helpers

	private ProcessInstance startYear(int fiscalYear) {
		at(LocalDate.of(fiscalYear - 1, 9, 1), 10);
		return this.runtime.startProcessInstanceByKey(LgotpProcess.CYCLE_KEY, Map.of("fiscalYear", fiscalYear));
	}

	private void report(HostRequestView request, String code) {
		for (int month = 0; month < 6; month++) {
			this.lgotp.fileMonthlyReport(request.id(), code,
					java.time.YearMonth.of(2031, 6).plusMonths(month).toString(), "研修は順調です。");
		}
	}

	private void at(LocalDate day, int hour) {
		this.jobs.clockAt(day.atTime(LocalTime.of(hour, 0)).atZone(JST).toInstant());
	}

	private void complete(ProcessInstance instance, String taskKey, Map<String, Object> variables) {
		String taskId = this.tasks.createTaskQuery()
			.processInstanceId(instance.getId())
			.taskDefinitionKey(taskKey)
			.singleResult()
			.getId();
		this.tasks.complete(taskId, variables);
	}

	private List<ProcessInstance> journeys(int fiscalYear) {
		return this.runtime.createProcessInstanceQuery()
			.processDefinitionKey(LgotpProcess.JOURNEY_KEY)
			.processInstanceBusinessKeyLike("LGOTP-FY" + fiscalYear + "-T%")
			.list();
	}

	private static ProcessInstance journeyOf(List<ProcessInstance> journeys, String key) {
		return journeys.stream().filter((journey) -> journey.getBusinessKey().equals(key)).findFirst().orElseThrow();
	}

	private static HostingPlan plan(TrainingField field, int months) {
		return new HostingPlan(field, "東南アジア", "英語", months, "観光部局での実務研修と地域行事への参加", "国際課 山田", "kokusai@example.jp");
	}

	private static Candidate candidate(String name, String country, boolean hostFound) {
		return new Candidate(name, country, "本国の市役所", "主任", "英語", hostFound);
	}

}
