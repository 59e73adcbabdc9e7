package jp.localgov.casework.subsidy.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jp.localgov.casework.subsidy.ApplicantType;
import jp.localgov.casework.subsidy.CostLine;
import jp.localgov.casework.subsidy.NewApplication;
import jp.localgov.casework.subsidy.PlanChange;
import jp.localgov.casework.subsidy.SubsidyProgramme.ProgrammeRules;
import jp.localgov.casework.subsidy.SubsidyRate;
import jp.localgov.casework.subsidy.SubsidyService;
import jp.localgov.casework.subsidy.SubsidyStatus;
import jp.localgov.casework.subsidy.SubsidyViews.ApplicationView;
import jp.localgov.casework.subsidy.SubsidyViews.ProgrammeView;
import jp.localgov.casework.support.TestSmtp;
import jp.localgov.casework.support.CaseworkSpringBootTest;
import jp.localgov.casework.support.EngineJobs;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every path of {@code SubsidyApplication}: grant to payment with a change request,
 * rejection, the correction loop and its timeout, send-back at each sign-off, the late
 * report, a grant that would overspend and a reviewer reviewing twice. Each test has a
 * programme of its own, so budgets are exact; time moves by the engine clock.
 */
@CaseworkSpringBootTest
class SubsidyApplicationProcessTests {

	@RegisterExtension
	static GreenMailExtension smtp = TestSmtp.server();

	/** 2026-06-01 10:00 JST, in fiscal year 2026. */
	static final Instant JUNE = Instant.parse("2026-06-01T01:00:00Z");

	static final String HAMAMATSU = "221309";

	@Autowired
	ProcessEngine processEngine;

	@Autowired
	SubsidyService subsidies;

	TaskService tasks;

	EngineJobs jobs;

	String programme;

	@BeforeEach
	void setUp() {
		init(this.processEngine);
		this.tasks = this.processEngine.getTaskService();
		this.jobs = new EngineJobs(this.processEngine.getManagementService());
		this.jobs.clockAt(JUNE);
		this.programme = "TEST_" + System.nanoTime();
		this.subsidies.defineProgramme(this.programme, 2026, "テスト事業", "economicExchange",
				new ProgrammeRules(2_000_000, new SubsidyRate(1, 2), 1_000_000, EnumSet.allOf(ApplicantType.class),
						LocalDate.of(2026, 4, 1), LocalDate.of(2027, 3, 31)),
				false);
	}

	@AfterEach
	void resetClock() {
		EngineJobs.resetClock();
	}

	@Test
	void grantChangeReportDeterminationAndPaymentKeepTheBudgetRight() throws Exception {
		// Given an application for 1,600,000 yen of costs (rate 1/2 → 800,000)
		ApplicationView applied = apply(1_600_000);
		ProcessInstance process = instance(applied);
		assertThat(applied.requestedAmount()).isEqualTo(800_000);

		// When it passes formal check, two reviews and all three sign-offs
		reachDirector(process, "GRANT", 800_000);
		complete(process, SubsidyProcess.TASK_DIRECTOR, "mori", Map.of(SubsidyProcess.DIRECTOR_APPROVAL, "APPROVE"));

		// Then the grant reserves 800,000 and the project runs
		assertThat(status(applied)).isEqualTo(SubsidyStatus.GRANTED);
		assertThat(budget().reserved()).isEqualTo(800_000);
		assertThat(process).isWaitingAt(SubsidyProcess.RECEIVE_REPORT);
		assertThat(this.subsidies.view(applied.applicationNumber()).reviews()).hasSize(2);

		// A change request raising the costs to 1,800,000 is approved: 900,000 reserved
		this.subsidies.requestChange(applied.applicationNumber(), HAMAMATSU,
				new PlanChange(List.of(new CostLine("会場費", 1_800_000L)), "会場の変更"));
		assertThat(status(applied)).isEqualTo(SubsidyStatus.CHANGE_REQUESTED);
		complete(process, SubsidyProcess.TASK_REVIEW_CHANGE, "tanaka",
				Map.of(SubsidyProcess.CHANGE_DECISION, "APPROVE", SubsidyProcess.CHANGE_NOTE, "妥当な変更です"));
		assertThat(this.subsidies.view(applied.applicationNumber()).grantedAmount()).isEqualTo(900_000);
		assertThat(budget().reserved()).isEqualTo(900_000);

		// The report shows 1,500,000 actually spent: 750,000 determined, 150,000 released
		this.subsidies.report(applied.applicationNumber(), HAMAMATSU,
				new PlanChange(List.of(new CostLine("会場費", 1_500_000L)), "予定どおり実施しました"));
		assertThat(process).isWaitingAt(SubsidyProcess.TASK_CHECK_REPORT);
		complete(process, SubsidyProcess.TASK_CHECK_REPORT, "tanaka", Map.of("reportAccepted", true));
		assertThat(this.subsidies.view(applied.applicationNumber()).determinedAmount()).isEqualTo(750_000);
		assertThat(budget().reserved()).isEqualTo(750_000);
		complete(process, SubsidyProcess.TASK_RECORD_PAYMENT, "tanaka", Map.of(SubsidyProcess.PAID_ON, "2027-03-10"));

		// Then it is paid and closed
		assertThat(process).hasPassed("Task_Grant", "Task_DecideChange", "Task_DetermineAmount", "Task_RecordPayment")
			.isEnded();
		ApplicationView paid = this.subsidies.view(applied.applicationNumber());
		assertThat(paid.status()).isEqualTo(SubsidyStatus.PAID);
		assertThat(paid.paidAmount()).isEqualTo(750_000);
		assertThat(budget().paid()).isEqualTo(750_000);
		assertThat(budget().remaining()).isEqualTo(1_250_000);
		this.jobs.sendQueuedMails();
		assertThat(subjects("kokusai@hamamatsu.example.jp")).anySatisfy((s) -> assertThat(s).contains("交付決定のお知らせ"))
			.anySatisfy((s) -> assertThat(s).contains("交付額の確定"))
			.anySatisfy((s) -> assertThat(s).contains("お支払い"));
	}

	@Test
	void aRefusedChangeKeepsTheGrantAndTheReservation() {
		ApplicationView applied = apply(1_000_000);
		ProcessInstance process = instance(applied);
		reachDirector(process, "GRANT", 500_000);
		complete(process, SubsidyProcess.TASK_DIRECTOR, "mori", Map.of(SubsidyProcess.DIRECTOR_APPROVAL, "APPROVE"));

		this.subsidies.requestChange(applied.applicationNumber(), HAMAMATSU,
				new PlanChange(List.of(new CostLine("備品", 3_000_000L)), "備品を追加"));
		complete(process, SubsidyProcess.TASK_REVIEW_CHANGE, "tanaka",
				Map.of(SubsidyProcess.CHANGE_DECISION, "REJECT", SubsidyProcess.CHANGE_NOTE, "対象外経費です"));

		ApplicationView kept = this.subsidies.view(applied.applicationNumber());
		assertThat(kept.status()).isEqualTo(SubsidyStatus.GRANTED);
		assertThat(kept.grantedAmount()).isEqualTo(500_000);
		assertThat(kept.proposedCostItems()).isEmpty();
		assertThat(budget().reserved()).isEqualTo(500_000);
	}

	@Test
	void rejectionAfterSignOffReservesNothing() {
		ApplicationView applied = apply(1_000_000);
		ProcessInstance process = instance(applied);
		reachDirector(process, "REJECT", 0);
		complete(process, SubsidyProcess.TASK_DIRECTOR, "mori", Map.of(SubsidyProcess.DIRECTOR_APPROVAL, "APPROVE"));

		assertThat(process).hasPassed("Task_Reject").isEnded();
		ApplicationView rejected = this.subsidies.view(applied.applicationNumber());
		assertThat(rejected.status()).isEqualTo(SubsidyStatus.REJECTED);
		assertThat(rejected.rejectionReasons()).isEqualTo("事業効果が不明確なため");
		assertThat(budget().reserved()).isZero();
	}

	@Test
	void formalCheckAsksForACorrectionAndChecksTheCorrectedApplicationAgain() {
		ApplicationView applied = apply(1_000_000);
		ProcessInstance process = instance(applied);
		complete(process, SubsidyProcess.TASK_FORMAL_CHECK, "tanaka", Map.of(SubsidyProcess.FORMAL_CHECK_RESULT,
				"CORRECTION", SubsidyProcess.CORRECTION_REQUEST, "見積書を添付してください"));
		assertThat(process).isWaitingAt(SubsidyProcess.EVENT_GATEWAY_AWAIT_CORRECTION);
		assertThat(status(applied)).isEqualTo(SubsidyStatus.CORRECTION_REQUESTED);

		this.subsidies.correct(applied.applicationNumber(), HAMAMATSU, application(1_200_000));

		assertThat(process).isWaitingAt(SubsidyProcess.TASK_FORMAL_CHECK);
		assertThat(status(applied)).isEqualTo(SubsidyStatus.FORMAL_CHECK);
		assertThat(this.subsidies.view(applied.applicationNumber()).requestedAmount()).isEqualTo(600_000);
		complete(process, SubsidyProcess.TASK_FORMAL_CHECK, "tanaka", Map.of(SubsidyProcess.FORMAL_CHECK_RESULT, "OK"));
		assertThat(process).isWaitingAt(SubsidyProcess.TASK_REVIEW);
	}

	@Test
	void withoutACorrectionWithin30DaysTheApplicationIsWithdrawn() {
		ApplicationView applied = apply(1_000_000);
		ProcessInstance process = instance(applied);
		complete(process, SubsidyProcess.TASK_FORMAL_CHECK, "tanaka", Map.of(SubsidyProcess.FORMAL_CHECK_RESULT,
				"CORRECTION", SubsidyProcess.CORRECTION_REQUEST, "経費の内訳が不足しています"));

		this.jobs.clockAt(JUNE.plus(Duration.ofDays(30)).plusSeconds(60));
		this.jobs.executeDue(process.getId());

		assertThat(process).hasPassed("Task_Withdraw").isEnded();
		assertThat(status(applied)).isEqualTo(SubsidyStatus.WITHDRAWN);
	}

	@Test
	void chiefAndDirectorCanEachSendTheDraftBack() {
		ApplicationView applied = apply(1_000_000);
		ProcessInstance process = instance(applied);
		passReview(process);
		draft(process, "GRANT", 500_000);
		complete(process, SubsidyProcess.TASK_CHIEF, "kimura",
				Map.of(SubsidyProcess.CHIEF_APPROVAL, "SEND_BACK", "chiefSendBackReason", "条件を明記してください"));
		assertThat(process).isWaitingAt(SubsidyProcess.TASK_DRAFT);
		assertThat(this.processEngine.getRuntimeService()
			.getVariableTyped(process.getId(), "sendBackComment")
			.getValue()
			.toString()).contains("課長").contains("条件を明記");

		draft(process, "GRANT", 500_000);
		complete(process, SubsidyProcess.TASK_CHIEF, "kimura", Map.of(SubsidyProcess.CHIEF_APPROVAL, "APPROVE"));
		complete(process, SubsidyProcess.TASK_DIRECTOR, "mori",
				Map.of(SubsidyProcess.DIRECTOR_APPROVAL, "SEND_BACK", "directorSendBackReason", "金額を再検討"));
		assertThat(process).isWaitingAt(SubsidyProcess.TASK_DRAFT);
		assertThat(this.processEngine.getRuntimeService()
			.getVariableTyped(process.getId(), "sendBackComment")
			.getValue()
			.toString()).contains("部長").contains("金額を再検討");
		assertThat(budget().reserved()).isZero();
	}

	@Test
	void aLateReportIsRemindedFourteenDaysBeforeAndEscalatedAfterTheDueDate() {
		ApplicationView applied = apply(1_000_000);
		ProcessInstance process = instance(applied);
		reachDirector(process, "GRANT", 500_000);
		complete(process, SubsidyProcess.TASK_DIRECTOR, "mori", Map.of(SubsidyProcess.DIRECTOR_APPROVAL, "APPROVE"));
		LocalDate due = this.subsidies.view(applied.applicationNumber()).reportDueOn();
		assertThat(due).isEqualTo(LocalDate.of(2026, 12, 31).plusDays(30));

		// 14 days before the due date the applicant is reminded
		this.jobs.clockAt(due.minusDays(13).atStartOfDay(java.time.ZoneId.of("Asia/Tokyo")).toInstant());
		this.jobs.executeDue(process.getId());
		assertThat(process).hasPassed("Task_RemindReport").isWaitingAt(SubsidyProcess.RECEIVE_REPORT);

		// After the due date the chief is told and the applicant reminded again
		this.jobs.clockAt(due.plusDays(1).atStartOfDay(java.time.ZoneId.of("Asia/Tokyo")).toInstant());
		this.jobs.executeDue(process.getId());
		assertThat(process).hasPassed("Task_EscalateReport").isWaitingAt(SubsidyProcess.RECEIVE_REPORT);
		this.jobs.sendQueuedMails();
		assertThat(subjects("kokusai@hamamatsu.example.jp")).anySatisfy((s) -> assertThat(s).contains("期限が近づいています"))
			.anySatisfy((s) -> assertThat(s).contains("未提出"));
		assertThat(subjects("kimura@casework.example.jp")).anySatisfy((s) -> assertThat(s).contains("期限超過"));

		// The late report is still accepted
		this.subsidies.report(applied.applicationNumber(), HAMAMATSU,
				new PlanChange(List.of(new CostLine("会場費", 1_000_000L)), "遅れて提出します"));
		assertThat(process).isWaitingAt(SubsidyProcess.TASK_CHECK_REPORT);
	}

	@Test
	void aGrantThatWouldOverspendIsRefusedAndTheDirectorsTaskStaysOpen() {
		ApplicationView first = apply(2_000_000);
		ApplicationView second = apply(2_000_000);
		ProcessInstance one = instance(first);
		ProcessInstance two = instance(second);
		reachDirector(one, "GRANT", 1_000_000);
		reachDirector(two, "GRANT", 1_000_000);
		complete(one, SubsidyProcess.TASK_DIRECTOR, "mori", Map.of(SubsidyProcess.DIRECTOR_APPROVAL, "APPROVE"));
		this.subsidies.defineProgramme(this.programme, 2026, "テスト事業", "economicExchange",
				new ProgrammeRules(1_500_000, new SubsidyRate(1, 2), 1_000_000, EnumSet.allOf(ApplicantType.class),
						LocalDate.of(2026, 4, 1), LocalDate.of(2027, 3, 31)),
				false);

		assertThatThrownBy(() -> this.subsidies
			.defineProgramme(this.programme, 2026, "テスト事業", "economicExchange",
					new ProgrammeRules(900_000, new SubsidyRate(1, 2), 1_000_000, EnumSet.allOf(ApplicantType.class),
							LocalDate.of(2026, 4, 1), LocalDate.of(2027, 3, 31)),
					false))
			.hasMessageContaining("下回れません");
		assertThat(budget().budget()).isEqualTo(1_500_000);

		Task director = task(two, SubsidyProcess.TASK_DIRECTOR);
		assertThatThrownBy(
				() -> this.tasks.complete(director.getId(), Map.of(SubsidyProcess.DIRECTOR_APPROVAL, "APPROVE")))
			.hasMessageContaining("予算残額")
			.hasMessageContaining("500,000円");

		assertThat(this.tasks.createTaskQuery().taskId(director.getId()).count()).isEqualTo(1);
		assertThat(status(second)).isEqualTo(SubsidyStatus.DECISION_PENDING);
		assertThat(budget().reserved()).isEqualTo(1_000_000);
	}

	@Test
	void theSameReviewerCannotReviewTwice() {
		ApplicationView applied = apply(1_000_000);
		ProcessInstance process = instance(applied);
		complete(process, SubsidyProcess.TASK_FORMAL_CHECK, "tanaka", Map.of(SubsidyProcess.FORMAL_CHECK_RESULT, "OK"));
		List<Task> reviews = this.tasks.createTaskQuery()
			.processInstanceId(process.getId())
			.taskDefinitionKey(SubsidyProcess.TASK_REVIEW)
			.list();
		assertThat(reviews).hasSize(2);
		this.tasks.claim(reviews.get(0).getId(), "suzuki");
		this.tasks.complete(reviews.get(0).getId(), scores());
		this.tasks.claim(reviews.get(1).getId(), "suzuki");

		assertThatThrownBy(() -> this.tasks.complete(reviews.get(1).getId(), scores())).hasMessageContaining("すでに審査済み");
		assertThat(this.tasks.createTaskQuery().taskId(reviews.get(1).getId()).count()).isEqualTo(1);
	}

	// ---- helpers

	private void reachDirector(ProcessInstance process, String decision, long amount) {
		passReview(process);
		draft(process, decision, amount);
		complete(process, SubsidyProcess.TASK_CHIEF, "kimura", Map.of(SubsidyProcess.CHIEF_APPROVAL, "APPROVE"));
		assertThat(process).isWaitingAt(SubsidyProcess.TASK_DIRECTOR);
	}

	private void passReview(ProcessInstance process) {
		complete(process, SubsidyProcess.TASK_FORMAL_CHECK, "tanaka", Map.of(SubsidyProcess.FORMAL_CHECK_RESULT, "OK"));
		List<Task> reviews = this.tasks.createTaskQuery()
			.processInstanceId(process.getId())
			.taskDefinitionKey(SubsidyProcess.TASK_REVIEW)
			.list();
		assertThat(reviews).hasSize(SubsidyProcess.REVIEWERS);
		this.tasks.claim(reviews.get(0).getId(), "tanaka");
		this.tasks.complete(reviews.get(0).getId(), scores());
		this.tasks.claim(reviews.get(1).getId(), "suzuki");
		this.tasks.complete(reviews.get(1).getId(), scores());
		assertThat(process).isWaitingAt(SubsidyProcess.TASK_DRAFT);
	}

	private void draft(ProcessInstance process, String decision, long amount) {
		Map<String, Object> variables = new HashMap<>();
		variables.put(SubsidyProcess.DECISION, decision);
		if ("GRANT".equals(decision)) {
			variables.put(SubsidyProcess.GRANT_AMOUNT, amount);
			variables.put(SubsidyProcess.CONDITIONS, "実績報告に領収書の写しを添付すること");
		}
		else {
			variables.put(SubsidyProcess.REJECTION_REASONS, "事業効果が不明確なため");
		}
		complete(process, SubsidyProcess.TASK_DRAFT, "tanaka", variables);
	}

	private static Map<String, Object> scores() {
		return Map.of("scoreNecessity", 4, "scoreEffectiveness", 5, "scoreFeasibility", 4, "scoreCostValidity", 3,
				"recommendation", "APPROVE", "reviewComments", "効果が見込める");
	}

	private void complete(ProcessInstance process, String taskKey, String user, Map<String, Object> variables) {
		Task task = task(process, taskKey);
		this.tasks.claim(task.getId(), user);
		this.tasks.complete(task.getId(), variables);
	}

	private Task task(ProcessInstance process, String taskKey) {
		return this.tasks.createTaskQuery()
			.processInstanceId(process.getId())
			.taskDefinitionKey(taskKey)
			.singleResult();
	}

	private ApplicationView apply(long cost) {
		return this.subsidies.apply(HAMAMATSU, application(cost));
	}

	private NewApplication application(long cost) {
		return new NewApplication(this.programme, 2026, "多言語観光案内の整備", "外国人観光客向けの案内を整備する。", LocalDate.of(2026, 7, 1),
				LocalDate.of(2026, 12, 31), List.of(new CostLine("翻訳費", cost)));
	}

	private ProcessInstance instance(ApplicationView application) {
		return this.processEngine.getRuntimeService()
			.createProcessInstanceQuery()
			.processInstanceBusinessKey(application.applicationNumber())
			.processDefinitionKey(SubsidyProcess.PROCESS_KEY)
			.singleResult();
	}

	private SubsidyStatus status(ApplicationView application) {
		return this.subsidies.view(application.applicationNumber()).status();
	}

	private ProgrammeView budget() {
		return this.subsidies.programmes(2026)
			.stream()
			.filter((candidate) -> candidate.code().equals(this.programme))
			.findFirst()
			.orElseThrow();
	}

	private static List<String> subjects(String recipient) {
		return Arrays.stream(smtp.getReceivedMessages()).filter((message) -> {
			try {
				return Arrays.stream(message.getAllRecipients())
					.anyMatch((address) -> address.toString().equals(recipient));
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		}).map((message) -> {
			try {
				return message.getSubject();
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		}).toList();
	}

}
