package jp.localgov.casework.subsidy.process;

import static jp.localgov.casework.subsidy.process.SubsidyVariables.yen;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Date;

import jp.localgov.casework.platform.BusinessRuleException;
import jp.localgov.casework.platform.InvalidInputException;
import jp.localgov.casework.platform.process.FormText;
import jp.localgov.casework.referencedata.OfficeCalendar;
import jp.localgov.casework.subsidy.SubsidyService;
import jp.localgov.casework.subsidy.SubsidyStatus;
import jp.localgov.casework.subsidy.SubsidyViews.ApplicationView;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;

import org.springframework.stereotype.Component;

/**
 * The service tasks and task listeners of {@code SubsidyApplication}: each reads
 * variables, calls {@link SubsidyService}, refreshes what the forms show and tells the
 * applicant. A rule the service refuses (an overspent budget, a second review by the same
 * person) reaches the person in Tasklist as a message, and their task stays open.
 */
final class SubsidySteps {

	private SubsidySteps() {
	}

	static String number(DelegateExecution execution) {
		return (String) execution.getVariable(SubsidyProcess.APPLICATION_NUMBER);
	}

	static String text(DelegateExecution execution, String name) {
		Object value = execution.getVariable(name);
		return (value == null) ? "" : value.toString();
	}

	/** Runs a service call; refusals become a 400 with the service's message. */
	static void refusable(Runnable call) {
		try {
			call.run();
		}
		catch (BusinessRuleException | InvalidInputException ex) {
			throw new BadUserRequestException(ex.getMessage(), ex);
		}
	}

	/** Common base: the service, the form variables and the applicant's mail. */
	abstract static class Step implements JavaDelegate {

		final SubsidyService subsidies;

		final SubsidyVariables variables;

		final LocalGovernmentMail mail;

		Step(SubsidyService subsidies, SubsidyVariables variables, LocalGovernmentMail mail) {
			this.subsidies = subsidies;
			this.variables = variables;
			this.mail = mail;
		}

		@Override
		public void execute(DelegateExecution execution) {
			String number = number(execution);
			run(execution, number);
			this.variables.refresh(execution, number);
		}

		abstract void run(DelegateExecution execution, String number);

		ApplicationView view(String number) {
			return this.subsidies.view(number);
		}

	}

	/** Serves {@code Task_OpenFormalCheck}. */
	@Component("openFormalCheckDelegate")
	static class OpenFormalCheck extends Step {

		OpenFormalCheck(SubsidyService subsidies, SubsidyVariables variables, LocalGovernmentMail mail) {
			super(subsidies, variables, mail);
		}

		@Override
		void run(DelegateExecution execution, String number) {
			this.subsidies.moveTo(number, SubsidyStatus.FORMAL_CHECK, null);
		}

	}

	/** Serves {@code Task_RequestCorrection}: the applicant is asked to correct (補正). */
	@Component("requestCorrectionDelegate")
	static class RequestCorrection extends Step {

		RequestCorrection(SubsidyService subsidies, SubsidyVariables variables, LocalGovernmentMail mail) {
			super(subsidies, variables, mail);
		}

		@Override
		void run(DelegateExecution execution, String number) {
			String request = text(execution, SubsidyProcess.CORRECTION_REQUEST);
			this.subsidies.moveTo(number, SubsidyStatus.CORRECTION_REQUESTED, request);
			this.mail.toApplicant(view(number), "補正のお願い",
					"申請内容について、次の点の補正をお願いします。30日以内に補正がない場合は取下げとして扱います。\n\n" + request);
		}

	}

	/** Serves {@code Task_Withdraw}: no correction within 30 days. */
	@Component("withdrawDelegate")
	static class Withdraw extends Step {

		Withdraw(SubsidyService subsidies, SubsidyVariables variables, LocalGovernmentMail mail) {
			super(subsidies, variables, mail);
		}

		@Override
		void run(DelegateExecution execution, String number) {
			this.subsidies.moveTo(number, SubsidyStatus.WITHDRAWN, "補正期限（30日）経過");
			this.mail.toApplicant(view(number), "申請の取下げ", "補正の依頼から30日以内に補正がなかったため、申請を取下げとして扱いました。");
		}

	}

	/** Serves {@code Task_StartReview}. */
	@Component("startReviewDelegate")
	static class StartReview extends Step {

		StartReview(SubsidyService subsidies, SubsidyVariables variables, LocalGovernmentMail mail) {
			super(subsidies, variables, mail);
		}

		@Override
		void run(DelegateExecution execution, String number) {
			this.subsidies.moveTo(number, SubsidyStatus.UNDER_REVIEW, null);
		}

	}

	/**
	 * Serves {@code Task_StartDecision}: the draft starts from the largest amount the
	 * rules allow.
	 */
	@Component("startDecisionDelegate")
	static class StartDecision extends Step {

		StartDecision(SubsidyService subsidies, SubsidyVariables variables, LocalGovernmentMail mail) {
			super(subsidies, variables, mail);
		}

		@Override
		void run(DelegateExecution execution, String number) {
			this.subsidies.moveTo(number, SubsidyStatus.DECISION_PENDING, null);
			execution.setVariable(SubsidyProcess.GRANT_AMOUNT, this.subsidies.maximumGrant(number));
		}

	}

	/** Serves {@code Task_Reject}: 不交付決定 with its reasons. */
	@Component("rejectDelegate")
	static class Reject extends Step {

		Reject(SubsidyService subsidies, SubsidyVariables variables, LocalGovernmentMail mail) {
			super(subsidies, variables, mail);
		}

		@Override
		void run(DelegateExecution execution, String number) {
			String reasons = text(execution, SubsidyProcess.REJECTION_REASONS);
			this.subsidies.reject(number, reasons);
			this.mail.toApplicant(view(number), "不交付決定のお知らせ",
					"審査の結果、不交付と決定しました。理由は次のとおりです。通知書はポータルから印刷できます。\n\n" + reasons);
		}

	}

	/**
	 * Serves {@code Task_Grant}: 交付決定 reserves the amount against the budget; when it
	 * would overspend, the director's approval is refused with the remaining budget and
	 * stays open.
	 */
	@Component("grantDelegate")
	static class Grant extends Step {

		Grant(SubsidyService subsidies, SubsidyVariables variables, LocalGovernmentMail mail) {
			super(subsidies, variables, mail);
		}

		@Override
		void run(DelegateExecution execution, String number) {
			long amount = ((Number) execution.getVariable(SubsidyProcess.GRANT_AMOUNT)).longValue();
			String conditions = text(execution, SubsidyProcess.CONDITIONS);
			refusable(() -> this.subsidies.grant(number, amount, conditions));
			ApplicationView application = view(number);
			LocalDate due = application.reportDueOn();
			execution.setVariable(SubsidyProcess.REPORT_DUE, endOfDay(due));
			execution.setVariable(SubsidyProcess.REPORT_REMINDER, endOfDay(due.minusDays(14)));
			this.mail.toApplicant(application, "交付決定のお知らせ",
					"交付額 " + yen(amount) + " で交付を決定しました。実績報告は " + SubsidyVariables.day(due)
							+ " までに提出してください。通知書はポータルから印刷できます。"
							+ (conditions.isBlank() ? "" : "\n\n交付の条件：\n" + conditions));
		}

		private static Date endOfDay(LocalDate day) {
			return Date.from(day.atTime(LocalTime.of(23, 59)).atZone(OfficeCalendar.JAPAN).toInstant());
		}

	}

	/** Serves {@code Task_RemindReport}: 14 days before the report is due. */
	@Component("reportReminderDelegate")
	static class RemindReport extends Step {

		RemindReport(SubsidyService subsidies, SubsidyVariables variables, LocalGovernmentMail mail) {
			super(subsidies, variables, mail);
		}

		@Override
		void run(DelegateExecution execution, String number) {
			ApplicationView application = view(number);
			this.mail.toApplicant(application, "実績報告の期限が近づいています",
					"実績報告の提出期限は " + SubsidyVariables.day(application.reportDueOn()) + " です。期限までに提出してください。");
		}

	}

	/**
	 * Serves {@code Task_EscalateReport}: the report is overdue; chief and applicant are
	 * told.
	 */
	@Component("reportOverdueDelegate")
	static class EscalateReport extends Step {

		EscalateReport(SubsidyService subsidies, SubsidyVariables variables, LocalGovernmentMail mail) {
			super(subsidies, variables, mail);
		}

		@Override
		void run(DelegateExecution execution, String number) {
			ApplicationView application = view(number);
			this.mail.toApplicant(application, "実績報告が未提出です",
					"実績報告の提出期限（" + SubsidyVariables.day(application.reportDueOn()) + "）を過ぎています。至急提出してください。");
			this.mail.toGroup(text(execution, SubsidyProcess.DEPARTMENT_LEAD), application, "実績報告の期限超過",
					"次の申請の実績報告が期限を過ぎても提出されていません。");
		}

	}

	/**
	 * Serves {@code Task_DecideChange}: the change is approved or refused; the budget
	 * follows.
	 */
	@Component("decideChangeDelegate")
	static class DecideChange extends Step {

		DecideChange(SubsidyService subsidies, SubsidyVariables variables, LocalGovernmentMail mail) {
			super(subsidies, variables, mail);
		}

		@Override
		void run(DelegateExecution execution, String number) {
			boolean approved = "APPROVE".equals(execution.getVariable(SubsidyProcess.CHANGE_DECISION));
			String note = text(execution, SubsidyProcess.CHANGE_NOTE);
			refusable(() -> this.subsidies.decideChange(number, approved, note));
			ApplicationView application = view(number);
			this.mail.toApplicant(application, approved ? "変更を承認しました" : "変更を承認しませんでした",
					(approved ? "変更後の交付額は " + yen(application.grantedAmount()) + " です。" : "計画の変更は承認されませんでした。") + "\n\n"
							+ note);
		}

	}

	/** Serves {@code Task_DetermineAmount}: 額の確定. */
	@Component("determineAmountDelegate")
	static class DetermineAmount extends Step {

		DetermineAmount(SubsidyService subsidies, SubsidyVariables variables, LocalGovernmentMail mail) {
			super(subsidies, variables, mail);
		}

		@Override
		void run(DelegateExecution execution, String number) {
			long determined = this.subsidies.determine(number);
			this.mail.toApplicant(view(number), "交付額の確定", "実績報告に基づき、交付額を " + yen(determined) + " に確定しました。");
		}

	}

	/** Serves {@code Task_RecordPayment}: 支払. */
	@Component("recordPaymentDelegate")
	static class RecordPayment extends Step {

		RecordPayment(SubsidyService subsidies, SubsidyVariables variables, LocalGovernmentMail mail) {
			super(subsidies, variables, mail);
		}

		@Override
		void run(DelegateExecution execution, String number) {
			LocalDate paidOn = LocalDate.parse(text(execution, SubsidyProcess.PAID_ON).substring(0, 10));
			this.subsidies.pay(number, paidOn);
			ApplicationView application = view(number);
			this.mail.toApplicant(application, "お支払いのお知らせ",
					SubsidyVariables.day(paidOn) + " に " + yen(application.paidAmount()) + " を支払いました。");
		}

	}

	/** Listens on {@code UserTask_Review} completion: stores the reviewer's scores. */
	@Component("reviewCompletedListener")
	static class ReviewCompleted implements TaskListener {

		private final SubsidyService subsidies;

		private final IdentityService identityService;

		ReviewCompleted(SubsidyService subsidies, IdentityService identityService) {
			this.subsidies = subsidies;
			this.identityService = identityService;
		}

		@Override
		public void notify(DelegateTask task) {
			Authentication authentication = this.identityService.getCurrentAuthentication();
			String reviewer = (task.getAssignee() != null) ? task.getAssignee()
					: (authentication != null) ? authentication.getUserId() : "unknown";
			int[] scores = { score(task, "scoreNecessity"), score(task, "scoreEffectiveness"),
					score(task, "scoreFeasibility"), score(task, "scoreCostValidity") };
			refusable(() -> this.subsidies.recordReview((String) task.getVariable(SubsidyProcess.APPLICATION_NUMBER),
					reviewer, scores, String.valueOf(task.getVariable("recommendation")),
					(String) task.getVariable("reviewComments")));
		}

		private static int score(DelegateTask task, String name) {
			Object value = task.getVariable(name);
			if (!(value instanceof Number number)) {
				throw new BadUserRequestException("評点を入力してください（1～5） / Enter a score 1-5: " + name);
			}
			return number.intValue();
		}

	}

	/**
	 * Listens on the creation of the decision, approval and checking tasks: refreshes the
	 * summaries they show (reviews, the draft, the budget, a send-back reason, the
	 * change, the report).
	 */
	@Component("decisionFormListener")
	static class DecisionForm implements TaskListener {

		private final SubsidyService subsidies;

		private final SubsidyVariables variables;

		DecisionForm(SubsidyService subsidies, SubsidyVariables variables) {
			this.subsidies = subsidies;
			this.variables = variables;
		}

		@Override
		public void notify(DelegateTask task) {
			String number = (String) task.getVariable(SubsidyProcess.APPLICATION_NUMBER);
			this.variables.refresh(task.getExecution(), number);
			String decision = String.valueOf(task.getVariable(SubsidyProcess.DECISION));
			Object amount = task.getVariable(SubsidyProcess.GRANT_AMOUNT);
			String draft = "REJECT".equals(decision)
					? "不交付\n理由：" + String.valueOf(task.getVariable(SubsidyProcess.REJECTION_REASONS))
					: "交付　交付額：" + (amount instanceof Number given ? yen(given.longValue()) : "（未入力）") + "\n条件："
							+ valueOrNone(task.getVariable(SubsidyProcess.CONDITIONS));
			task.getExecution().setVariable("decisionSummary", FormText.of(draft));
			task.getExecution().setVariable("sendBackComment", FormText.of(sendBack(task)));
			task.getExecution().setVariable("changeGrantLabel", yen(this.subsidies.changePreview(number)));
			task.getExecution()
				.setVariable("determinedAmountPreview", yen(this.subsidies.determinationPreview(number)));
			if (SubsidyProcess.TASK_DRAFT.equals(task.getTaskDefinitionKey())) {
				for (String stale : new String[] { SubsidyProcess.CHIEF_APPROVAL, SubsidyProcess.DIRECTOR_APPROVAL,
						"chiefSendBackReason", "directorSendBackReason" }) {
					task.getExecution().removeVariable(stale);
				}
			}
		}

		private static String sendBack(DelegateTask task) {
			String chief = valueOrNone(task.getVariable("chiefSendBackReason"));
			String director = valueOrNone(task.getVariable("directorSendBackReason"));
			if ("SEND_BACK".equals(task.getVariable(SubsidyProcess.DIRECTOR_APPROVAL))) {
				return "部長から差し戻し：" + director;
			}
			if ("SEND_BACK".equals(task.getVariable(SubsidyProcess.CHIEF_APPROVAL))) {
				return "課長から差し戻し：" + chief;
			}
			return "";
		}

		private static String valueOrNone(Object value) {
			return (value == null || value.toString().isBlank()) ? "（なし）" : value.toString();
		}

	}

}
