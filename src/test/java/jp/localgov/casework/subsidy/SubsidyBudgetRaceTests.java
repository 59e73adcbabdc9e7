package jp.localgov.casework.subsidy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jp.localgov.casework.platform.StaffGroup;
import jp.localgov.casework.referencedata.OfficeCalendar;
import jp.localgov.casework.subsidy.SubsidyProgramme.ProgrammeRules;
import jp.localgov.casework.subsidy.SubsidyViews.ApplicationView;
import jp.localgov.casework.subsidy.SubsidyViews.ProgrammeView;
import jp.localgov.casework.subsidy.process.SubsidyProcess;
import jp.localgov.casework.support.CaseworkPostgresTest;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two directors approve two grants at the same moment on a real PostgreSQL while the
 * budget has room for only one: exactly one grant is made, the other director is told the
 * remaining budget and keeps the task, and the reservations never exceed the budget.
 */
@CaseworkPostgresTest
@Order(CaseworkPostgresTest.ORDER)
class SubsidyBudgetRaceTests {

	private static final String MUNICIPALITY = "221309";

	private static final long COST = 600_000;

	/** Room for one application of 600,000 yen but not for two. */
	private static final long ROOM = 1_000_000;

	private static final String[] STAFF = { "raceofficer1", "raceofficer2", "racechief", "racedirector1",
			"racedirector2", "racelg" };

	@Autowired
	SubsidyService subsidies;

	@Autowired
	TaskService taskService;

	@Autowired
	IdentityService identityService;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Clock clock;

	private final List<String> createdGroups = new ArrayList<>();

	private String code;

	private int fiscalYear;

	private LocalDate today;

	private ExecutorService threads;

	@BeforeEach
	void setUp() {
		this.today = LocalDate.now(this.clock.withZone(OfficeCalendar.JAPAN));
		this.fiscalYear = (this.today.getMonthValue() >= 4) ? this.today.getYear() : this.today.getYear() - 1;
		this.code = "RACE_" + System.nanoTime();
		String department = StaffGroup.ECONOMIC_EXCHANGE.id();
		String localGovernment = StaffGroup.localGovernmentGroupId(MUNICIPALITY);
		ensureGroup(localGovernment, "浜松市（テスト）", "LOCAL_GOVERNMENT");
		user("raceofficer1", null, department);
		user("raceofficer2", null, department);
		user("racechief", null, department, StaffGroup.ECONOMIC_EXCHANGE.leadGroupId());
		user("racedirector1", null, StaffGroup.DIRECTORS.id());
		user("racedirector2", null, StaffGroup.DIRECTORS.id());
		user("racelg", "kokusai@race.example.jp", localGovernment);
		define(ROOM);
		this.threads = Executors.newFixedThreadPool(2);
	}

	@AfterEach
	void tearDown() throws InterruptedException {
		this.threads.shutdownNow();
		assertThat(this.threads.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
		for (String userId : STAFF) {
			for (Group group : this.identityService.createGroupQuery().groupMember(userId).list()) {
				this.identityService.deleteMembership(userId, group.getId());
			}
			this.identityService.deleteUser(userId);
		}
		this.createdGroups.forEach(this.identityService::deleteGroup);
	}

	@Test
	void simultaneousApprovalsNeverOverspendTheBudget() throws Exception {
		for (int round = 1; round <= 3; round++) {
			if (round > 1) {
				// Make room for exactly one more 600,000 yen grant
				define(programme().reserved() + ROOM);
			}
			ProgrammeView before = programme();
			ApplicationView first = apply("第" + round + "回 多言語観光案内の整備（A）");
			ApplicationView second = apply("第" + round + "回 多言語観光案内の整備（B）");
			Task firstDirector = reachDirector(first.applicationNumber());
			Task secondDirector = reachDirector(second.applicationNumber());

			// Both directors press 承認 at the same moment
			CountDownLatch ready = new CountDownLatch(2);
			CountDownLatch start = new CountDownLatch(1);
			Future<Throwable> firstResult = this.threads
				.submit(() -> approve(firstDirector.getId(), "racedirector1", ready, start));
			Future<Throwable> secondResult = this.threads
				.submit(() -> approve(secondDirector.getId(), "racedirector2", ready, start));
			assertThat(ready.await(30, TimeUnit.SECONDS)).isTrue();
			start.countDown();
			Throwable firstFailure = firstResult.get(30, TimeUnit.SECONDS);
			Throwable secondFailure = secondResult.get(30, TimeUnit.SECONDS);

			// Exactly one approval goes through
			assertThat(List.of(firstFailure == null, secondFailure == null)).as("round %d", round)
				.containsExactlyInAnyOrder(true, false);
			boolean firstWon = firstFailure == null;
			ApplicationView winner = firstWon ? first : second;
			ApplicationView loser = firstWon ? second : first;
			Task loserTask = firstWon ? secondDirector : firstDirector;
			Throwable failure = firstWon ? secondFailure : firstFailure;

			// The other director learns the remaining budget and keeps the task
			assertThat(messages(failure)).as("round %d", round).contains("予算残額");
			assertThat(this.taskService.createTaskQuery().taskId(loserTask.getId()).count()).isOne();
			assertThat(this.taskService.createTaskQuery()
				.processInstanceBusinessKey(loser.applicationNumber())
				.taskDefinitionKey(SubsidyProcess.TASK_DIRECTOR)
				.count()).isOne();
			assertThat(this.subsidies.view(winner.applicationNumber()).status()).isEqualTo(SubsidyStatus.GRANTED);
			assertThat(this.subsidies.view(winner.applicationNumber()).grantedAmount()).isEqualTo(COST);
			assertThat(this.subsidies.view(loser.applicationNumber()).status())
				.isEqualTo(SubsidyStatus.DECISION_PENDING);
			assertThat(this.subsidies.view(loser.applicationNumber()).grantedAmount()).isNull();

			// One reservation of 600,000, within the budget
			ProgrammeView after = programme();
			assertThat(after.reserved()).as("round %d", round).isEqualTo(before.reserved() + COST);
			assertThat(after.reserved()).isEqualTo(COST * round).isLessThanOrEqualTo(after.budget());
			assertThat(this.jdbc.queryForObject(
					"select count(*) from subsidy_programme where code = ? and reserved > budget", Long.class,
					this.code))
				.isZero();

			// Only the winner's applicant is told of a grant
			assertThat(grantMails(winner.applicationNumber())).isOne();
			assertThat(grantMails(loser.applicationNumber())).isZero();
		}
	}

	private Throwable approve(String taskId, String director, CountDownLatch ready, CountDownLatch start)
			throws InterruptedException {
		ready.countDown();
		if (!start.await(30, TimeUnit.SECONDS)) {
			return new IllegalStateException("The start signal never came");
		}
		this.identityService.setAuthentication(director, List.of(StaffGroup.DIRECTORS.id()));
		try {
			this.taskService.complete(taskId, Map.of(SubsidyProcess.DIRECTOR_APPROVAL, "APPROVE"));
			return null;
		}
		catch (RuntimeException ex) {
			return ex;
		}
		finally {
			this.identityService.clearAuthentication();
		}
	}

	private Task reachDirector(String number) {
		SubsidyTasks tasks = new SubsidyTasks(this.taskService);
		tasks.passFormalCheckAndReviews(number, "raceofficer1", "raceofficer2");
		tasks.draftGrantApprovedByChief(number, "raceofficer1", "racechief", COST, "事業の成果を公表すること。");
		assertThat(this.subsidies.view(number).status()).isEqualTo(SubsidyStatus.DECISION_PENDING);
		return Objects.requireNonNull(tasks.task(number, SubsidyProcess.TASK_DIRECTOR), "director task");
	}

	private ApplicationView apply(String title) {
		ApplicationView application = this.subsidies.apply(MUNICIPALITY,
				new NewApplication(this.code, this.fiscalYear, title, "外国人観光客向けの案内を多言語化する。", this.today.plusDays(7),
						this.today.plusDays(90), List.of(new CostLine("翻訳費", COST))));
		assertThat(application.requestedAmount()).isEqualTo(COST);
		return application;
	}

	private void define(long budget) {
		this.subsidies.defineProgramme(this.code, this.fiscalYear, "予算競合テスト事業", StaffGroup.ECONOMIC_EXCHANGE.id(),
				new ProgrammeRules(budget, new SubsidyRate(1, 1), 1_000_000, EnumSet.allOf(ApplicantType.class),
						this.today.minusDays(1), this.today.plusDays(30)),
				false);
	}

	private ProgrammeView programme() {
		return this.subsidies.programmes(this.fiscalYear)
			.stream()
			.filter((candidate) -> candidate.code().equals(this.code))
			.findFirst()
			.orElseThrow();
	}

	private long grantMails(String number) {
		return this.jdbc.queryForObject(
				"select count(*) from outgoing_mail where reference = ? and recipient = ? and subject like ?",
				Long.class, number, "kokusai@race.example.jp", "%交付決定%");
	}

	private void user(String id, String email, String... groupIds) {
		User user = this.identityService.newUser(id);
		user.setFirstName(id);
		user.setLastName("テスト");
		user.setEmail(email);
		user.setPassword("Race-Test-Password-2026");
		this.identityService.saveUser(user);
		for (String groupId : groupIds) {
			this.identityService.createMembership(id, groupId);
		}
	}

	private void ensureGroup(String id, String name, String type) {
		if (this.identityService.createGroupQuery().groupId(id).count() > 0) {
			return;
		}
		Group group = this.identityService.newGroup(id);
		group.setName(name);
		group.setType(type);
		this.identityService.saveGroup(group);
		this.createdGroups.add(id);
	}

	private static String messages(Throwable failure) {
		StringBuilder messages = new StringBuilder();
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			messages.append(cause.getClass().getSimpleName()).append(": ").append(cause.getMessage()).append('\n');
			if (cause.getCause() == cause) {
				break;
			}
		}
		return messages.toString();
	}

}
