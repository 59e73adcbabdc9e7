package jp.localgov.casework.subsidy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import jp.localgov.casework.subsidy.process.SubsidyProcess;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;

/**
 * Works an application's tasks as staff would in Tasklist, by application number: formal
 * check, the two reviews, the draft and the sign-offs.
 */
public final class SubsidyTasks {

	private final TaskService taskService;

	public SubsidyTasks(TaskService taskService) {
		this.taskService = taskService;
	}

	public Task task(String number, String taskKey) {
		return this.taskService.createTaskQuery()
			.processInstanceBusinessKey(number)
			.taskDefinitionKey(taskKey)
			.singleResult();
	}

	/** Claims the task for the person (unless {@code null}) and completes it. */
	public void complete(String number, String taskKey, String user, Map<String, Object> variables) {
		Task task = task(number, taskKey);
		assertThat(task).as("task %s of %s", taskKey, number).isNotNull();
		if (user != null) {
			this.taskService.claim(task.getId(), user);
		}
		this.taskService.complete(task.getId(), variables);
	}

	/**
	 * Formal check passed by the officer, then both reviews (officer and a second
	 * reviewer) scored 4.
	 */
	public void passFormalCheckAndReviews(String number, String officer, String secondReviewer) {
		complete(number, SubsidyProcess.TASK_FORMAL_CHECK, officer, Map.of(SubsidyProcess.FORMAL_CHECK_RESULT, "OK"));
		List<Task> reviews = this.taskService.createTaskQuery()
			.processInstanceBusinessKey(number)
			.taskDefinitionKey(SubsidyProcess.TASK_REVIEW)
			.list();
		assertThat(reviews).hasSize(SubsidyProcess.REVIEWERS);
		Map<String, Object> scores = Map.of("scoreNecessity", 4, "scoreEffectiveness", 4, "scoreFeasibility", 4,
				"scoreCostValidity", 4, "recommendation", "APPROVE");
		this.taskService.claim(reviews.get(0).getId(), officer);
		this.taskService.complete(reviews.get(0).getId(), scores);
		this.taskService.claim(reviews.get(1).getId(), secondReviewer);
		this.taskService.complete(reviews.get(1).getId(), scores);
	}

	/**
	 * The officer drafts a grant and the section chief approves it; the director's task
	 * is next.
	 */
	public void draftGrantApprovedByChief(String number, String officer, String chief, long amount, String conditions) {
		complete(number, SubsidyProcess.TASK_DRAFT, officer, Map.of(SubsidyProcess.DECISION, "GRANT",
				SubsidyProcess.GRANT_AMOUNT, amount, SubsidyProcess.CONDITIONS, conditions));
		complete(number, SubsidyProcess.TASK_CHIEF, chief, Map.of(SubsidyProcess.CHIEF_APPROVAL, "APPROVE"));
	}

	/** Everything up to and including the director's approval, with the demo staff. */
	public void grantAsDemoStaff(String number, long amount, String conditions) {
		passFormalCheckAndReviews(number, "tanaka", "suzuki");
		draftGrantApprovedByChief(number, "tanaka", "kimura", amount, conditions);
		complete(number, SubsidyProcess.TASK_DIRECTOR, "mori", Map.of(SubsidyProcess.DIRECTOR_APPROVAL, "APPROVE"));
	}

}
