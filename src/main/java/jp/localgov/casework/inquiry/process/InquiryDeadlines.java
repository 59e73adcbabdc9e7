package jp.localgov.casework.inquiry.process;

import static jp.localgov.casework.inquiry.process.InquiryProcess.DEADLINE_RULES;
import static jp.localgov.casework.inquiry.process.InquiryProcess.DEPARTMENT;
import static jp.localgov.casework.inquiry.process.InquiryProcess.PROPOSED_DEPARTMENT;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jp.localgov.casework.inquiry.Inquiry;
import jp.localgov.casework.inquiry.InquiryService;
import jp.localgov.casework.platform.StaffGroup;
import jp.localgov.casework.platform.mail.MailOutbox;
import jp.localgov.casework.platform.process.MailDirectory;
import jp.localgov.casework.referencedata.OfficeCalendar;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;

import org.springframework.stereotype.Component;

/**
 * Deadlines of an inquiry: computed from the decision table's rules at the start, then a
 * reminder to whoever holds the task before each deadline and, when it passes, a notice
 * to the lead and the task marked overdue.
 */
final class InquiryDeadlines {

	private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private InquiryDeadlines() {
	}

	/**
	 * Which deadline a reminder or breach is about (input parameter {@code deadline}).
	 */
	enum Deadline {

		RECEPTION("受付", InquiryProcess.RECEPTION_DUE), INTERIM("中間回答", InquiryProcess.INTERIM_DUE),
		FINAL("最終回答", InquiryProcess.FINAL_DUE);

		final String label;

		final String dueVariable;

		Deadline(String label, String dueVariable) {
			this.label = label;
			this.dueVariable = dueVariable;
		}

		static Deadline of(DelegateExecution execution) {
			return valueOf((String) execution.getVariable("deadline"));
		}

	}

	/**
	 * Serves {@code Task_ScheduleDeadlines}: reception in calendar days (the desk works
	 * all year), interim and final answers in office days, each with its reminder time;
	 * the proposed department becomes the reception form's default.
	 */
	@Component("scheduleDeadlinesDelegate")
	static class ScheduleDeadlines implements JavaDelegate {

		private final InquiryService inquiries;

		private final OfficeCalendar calendar;

		ScheduleDeadlines(InquiryService inquiries, OfficeCalendar calendar) {
			this.inquiries = inquiries;
			this.calendar = calendar;
		}

		@Override
		public void execute(DelegateExecution execution) {
			@SuppressWarnings("unchecked")
			Map<String, Object> rules = (Map<String, Object>) execution.getVariable(DEADLINE_RULES);
			Instant submitted = this.inquiries.get(InquiryStepDelegates.trackingNumber(execution)).getSubmittedAt();
			Duration lead = Duration.ofHours(number(rules, "reminderHours"));
			Instant reception = submitted.plus(Duration.ofDays(number(rules, "receptionDays")));
			Instant interim = this.calendar.officeDeadline(submitted, number(rules, "interimOfficeDays"));
			Instant finalAnswer = this.calendar.officeDeadline(submitted, number(rules, "finalOfficeDays"));
			execution.setVariable(InquiryProcess.RECEPTION_DUE, Date.from(reception));
			execution.setVariable(InquiryProcess.RECEPTION_REMINDER, Date.from(reception.minus(lead)));
			execution.setVariable(InquiryProcess.INTERIM_DUE, Date.from(interim));
			execution.setVariable(InquiryProcess.INTERIM_REMINDER, Date.from(interim.minus(lead)));
			execution.setVariable(InquiryProcess.FINAL_DUE, Date.from(finalAnswer));
			execution.setVariable(InquiryProcess.FINAL_REMINDER, Date.from(finalAnswer.minus(lead)));
			execution.setVariable(InquiryProcess.INTERIM_ANSWERED, false);
			execution.setVariable(InquiryProcess.HANDLING_OUTCOME, "");
			String proposed = (String) execution.getVariable(PROPOSED_DEPARTMENT);
			execution.setVariable(DEPARTMENT, proposed);
			execution.setVariable("proposedDepartmentLabel", InquiryVariables.departmentLabel(proposed));
			execution.removeVariable(DEADLINE_RULES);
		}

		private static int number(Map<String, Object> rules, String name) {
			Object value = rules.get(name);
			if (!(value instanceof Number number)) {
				throw new IllegalStateException("Decision InquiryDeadlines gave no " + name);
			}
			return number.intValue();
		}

	}

	/**
	 * Serves the reminder tasks: whoever holds the open task is reminded of the coming
	 * deadline.
	 */
	@Component("deadlineReminderDelegate")
	static class Reminder implements JavaDelegate {

		private final StaffMail staffMail;

		Reminder(StaffMail staffMail) {
			this.staffMail = staffMail;
		}

		@Override
		public void execute(DelegateExecution execution) {
			Deadline deadline = Deadline.of(execution);
			Date due = (Date) execution.getVariable(deadline.dueVariable);
			for (Task task : this.staffMail.openTasks(execution)) {
				this.staffMail.send(this.staffMail.holdersOf(task), execution,
						"【期限間近】" + deadline.label + "の期限が近づいています",
						"次の問い合わせの" + deadline.label + "期限は " + AT.format(due.toInstant().atZone(OfficeCalendar.JAPAN))
								+ " です。タスク「" + task.getName() + "」の対応をお願いします。");
			}
		}

	}

	/**
	 * Serves the escalation tasks: the lead is told and the open task is marked overdue.
	 */
	@Component("deadlineBreachDelegate")
	static class Breach implements JavaDelegate {

		private final StaffMail staffMail;

		private final TaskService taskService;

		Breach(StaffMail staffMail, TaskService taskService) {
			this.staffMail = staffMail;
			this.taskService = taskService;
		}

		@Override
		public void execute(DelegateExecution execution) {
			Deadline deadline = Deadline.of(execution);
			String leadGroup = (deadline == Deadline.RECEPTION) ? StaffGroup.SECRETARIAT.leadGroupId()
					: StaffGroup.leadGroupIdOf((String) execution.getVariable(DEPARTMENT));
			for (Task task : this.staffMail.openTasks(execution)) {
				this.taskService.setVariableLocal(task.getId(), InquiryProcess.OVERDUE, true);
				this.taskService.setPriority(task.getId(), 90);
				this.staffMail.send(this.staffMail.membersOf(leadGroup), execution,
						"【期限超過】" + deadline.label + "の期限を過ぎました",
						"次の問い合わせの" + deadline.label + "期限を過ぎています。タスク「" + task.getName() + "」（担当："
								+ (task.getAssignee() == null ? "未割当" : task.getAssignee()) + "）の状況を確認してください。");
			}
		}

	}

	/** Mail to staff about an inquiry, addressed through Camunda's user directory. */
	@Component
	static class StaffMail {

		private final TaskService taskService;

		private final MailDirectory directory;

		private final InquiryService inquiries;

		private final MailOutbox outbox;

		StaffMail(TaskService taskService, MailDirectory directory, InquiryService inquiries, MailOutbox outbox) {
			this.taskService = taskService;
			this.directory = directory;
			this.inquiries = inquiries;
			this.outbox = outbox;
		}

		List<Task> openTasks(DelegateExecution execution) {
			return this.taskService.createTaskQuery().processInstanceId(execution.getProcessInstanceId()).list();
		}

		/**
		 * The assignee, or else the candidate users and the members of the candidate
		 * groups.
		 */
		Set<String> holdersOf(Task task) {
			Set<String> emails = new LinkedHashSet<>();
			if (task.getAssignee() != null) {
				emails.addAll(this.directory.ofUsers(List.of(task.getAssignee())));
				return emails;
			}
			List<String> users = new ArrayList<>();
			for (IdentityLink link : this.taskService.getIdentityLinksForTask(task.getId())) {
				if (IdentityLinkType.CANDIDATE.equals(link.getType())) {
					if (link.getUserId() != null) {
						users.add(link.getUserId());
					}
					else {
						emails.addAll(membersOf(link.getGroupId()));
					}
				}
			}
			emails.addAll(this.directory.ofUsers(users));
			return emails;
		}

		Set<String> membersOf(String groupId) {
			return this.directory.ofGroup(groupId);
		}

		void send(Set<String> recipients, DelegateExecution execution, String subject, String message) {
			Inquiry inquiry = this.inquiries.get(InquiryStepDelegates.trackingNumber(execution));
			String body = message + "\n\n受付番号：" + inquiry.getTrackingNumber() + "\n件名：" + inquiry.getSubject()
					+ "\nサービス分野：" + inquiry.getField().label("ja") + "\n\nタスクリストで確認してください。\n";
			for (String recipient : recipients) {
				this.outbox.queue(recipient, subject + "（" + inquiry.getTrackingNumber() + "）", body,
						inquiry.getTrackingNumber());
			}
		}

	}

}
