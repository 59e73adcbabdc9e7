package jp.localgov.casework.inquiry.process;

import static jp.localgov.casework.inquiry.process.InquiryProcess.ANSWER_KIND;
import static jp.localgov.casework.inquiry.process.InquiryProcess.ANSWER_TEXT;
import static jp.localgov.casework.inquiry.process.InquiryProcess.DEPARTMENT;
import static jp.localgov.casework.inquiry.process.InquiryProcess.DEPARTMENT_DECISION;
import static jp.localgov.casework.inquiry.process.InquiryProcess.DEPARTMENT_LEAD;
import static jp.localgov.casework.inquiry.process.InquiryProcess.HANDLING_OUTCOME;
import static jp.localgov.casework.inquiry.process.InquiryProcess.INTERIM_ANSWERED;
import static jp.localgov.casework.inquiry.process.InquiryProcess.PAUSED_AT;
import static jp.localgov.casework.inquiry.process.InquiryProcess.RETURN_REASON;
import static jp.localgov.casework.inquiry.process.InquiryProcess.STAFF_MEMBER;
import static jp.localgov.casework.inquiry.process.InquiryProcess.STAFF_OPTIONS;

import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jp.localgov.casework.inquiry.AnswerKind;
import jp.localgov.casework.inquiry.InquiryService;
import jp.localgov.casework.platform.StaffGroup;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.spin.plugin.variable.SpinValues;

import org.springframework.stereotype.Component;

/**
 * The service tasks of {@code InquiryLifecycle} that move the inquiry from stage to
 * stage; each reads variables, calls {@link InquiryService} and refreshes what the forms
 * show.
 */
final class InquiryStepDelegates {

	private InquiryStepDelegates() {
	}

	static String trackingNumber(DelegateExecution execution) {
		return (String) execution.getVariable(InquiryProcess.TRACKING_NUMBER);
	}

	/** The person who completed the task before this step, as the engine knows them. */
	static String actor(IdentityService identityService, String fallback) {
		Authentication authentication = identityService.getCurrentAuthentication();
		return (authentication != null && authentication.getUserId() != null) ? authentication.getUserId() : fallback;
	}

	/**
	 * Common base: reads the tracking number, runs the step, refreshes what the forms
	 * show.
	 */
	abstract static class Step implements JavaDelegate {

		final InquiryService inquiries;

		final InquiryVariables variables;

		Step(InquiryService inquiries, InquiryVariables variables) {
			this.inquiries = inquiries;
			this.variables = variables;
		}

		@Override
		public void execute(DelegateExecution execution) throws Exception {
			String number = trackingNumber(execution);
			run(execution, number);
			this.variables.refresh(execution, this.inquiries.get(number));
		}

		abstract void run(DelegateExecution execution, String number) throws Exception;

	}

	/** Serves {@code Task_OpenReception}: the inquiry waits for the secretariat desk. */
	@Component("openReceptionDelegate")
	static class OpenReception extends Step {

		OpenReception(InquiryService inquiries, InquiryVariables variables) {
			super(inquiries, variables);
		}

		@Override
		void run(DelegateExecution execution, String number) {
			this.inquiries.openReception(number);
		}

	}

	/**
	 * Serves {@code Task_AssignDepartment}: the inquiry goes to the department the desk
	 * chose.
	 */
	@Component("assignDepartmentDelegate")
	static class AssignDepartment extends Step {

		private final IdentityService identityService;

		private final ObjectMapper json = new ObjectMapper();

		AssignDepartment(InquiryService inquiries, InquiryVariables variables, IdentityService identityService) {
			super(inquiries, variables);
			this.identityService = identityService;
		}

		@Override
		void run(DelegateExecution execution, String number) throws JsonProcessingException {
			String department = (String) execution.getVariable(DEPARTMENT);
			this.inquiries.assignDepartment(number, department);
			execution.setVariable(DEPARTMENT_LEAD, StaffGroup.leadGroupIdOf(department));
			execution.setVariable(STAFF_MEMBER, "");
			execution.setVariable(DEPARTMENT_DECISION, "ASSIGN");
			List<Map<String, String>> options = this.identityService.createUserQuery()
				.memberOfGroup(department)
				.orderByUserLastName()
				.asc()
				.list()
				.stream()
				.map((User user) -> Map.of("label", user.getLastName() + " " + user.getFirstName(), "value",
						user.getId()))
				.toList();
			execution.setVariable(STAFF_OPTIONS, SpinValues.jsonValue(this.json.writeValueAsString(options)).create());
		}

	}

	/**
	 * Serves {@code Task_ReturnToDesk}: the department sends back an inquiry that is not
	 * theirs.
	 */
	@Component("returnToDeskDelegate")
	static class ReturnToDesk extends Step {

		private final IdentityService identityService;

		ReturnToDesk(InquiryService inquiries, InquiryVariables variables, IdentityService identityService) {
			super(inquiries, variables);
			this.identityService = identityService;
		}

		@Override
		void run(DelegateExecution execution, String number) {
			String returnedBy = actor(this.identityService, (String) execution.getVariable(DEPARTMENT_LEAD));
			this.inquiries.returnToDesk(number, (String) execution.getVariable(RETURN_REASON), returnedBy);
			execution.setVariable(HANDLING_OUTCOME, InquiryProcess.OUTCOME_RETURNED);
			execution.removeVariable(RETURN_REASON);
		}

	}

	/** Serves {@code Task_AssignStaff}: the lead's choice of staff member is recorded. */
	@Component("assignStaffDelegate")
	static class AssignStaff extends Step {

		AssignStaff(InquiryService inquiries, InquiryVariables variables) {
			super(inquiries, variables);
		}

		@Override
		void run(DelegateExecution execution, String number) {
			this.inquiries.assignStaff(number, (String) execution.getVariable(STAFF_MEMBER));
		}

	}

	/** Serves {@code Task_PublishInterimAnswer} and {@code Task_PublishFinalAnswer}. */
	@Component("publishAnswerDelegate")
	static class PublishAnswer extends Step {

		private final IdentityService identityService;

		PublishAnswer(InquiryService inquiries, InquiryVariables variables, IdentityService identityService) {
			super(inquiries, variables);
			this.identityService = identityService;
		}

		@Override
		void run(DelegateExecution execution, String number) {
			AnswerKind kind = InquiryProcess.KIND_FINAL.equals(execution.getVariable(ANSWER_KIND)) ? AnswerKind.FINAL
					: AnswerKind.INTERIM;
			String by = actor(this.identityService, (String) execution.getVariable(STAFF_MEMBER));
			this.inquiries.answer(number, kind, (String) execution.getVariable(ANSWER_TEXT), by);
			execution.setVariable(INTERIM_ANSWERED, true);
			if (kind == AnswerKind.FINAL) {
				execution.setVariable(HANDLING_OUTCOME, InquiryProcess.OUTCOME_ANSWERED);
			}
			execution.removeVariable(ANSWER_TEXT);
			execution.removeVariable(ANSWER_KIND);
		}

	}

	/**
	 * Serves {@code Task_RequestInformation}: the applicant is asked; the clock pauses.
	 */
	@Component("requestInformationDelegate")
	static class RequestInformation extends Step {

		private final IdentityService identityService;

		private final Clock clock;

		RequestInformation(InquiryService inquiries, InquiryVariables variables, IdentityService identityService,
				Clock clock) {
			super(inquiries, variables);
			this.identityService = identityService;
			this.clock = clock;
		}

		@Override
		void run(DelegateExecution execution, String number) {
			String by = actor(this.identityService, (String) execution.getVariable(STAFF_MEMBER));
			this.inquiries.requestInformation(number, (String) execution.getVariable(ANSWER_TEXT), by);
			execution.setVariable(PAUSED_AT, Date.from(this.clock.instant()));
			execution.setVariable(HANDLING_OUTCOME, InquiryProcess.OUTCOME_WAITING);
			execution.removeVariable(ANSWER_TEXT);
			execution.removeVariable(ANSWER_KIND);
		}

	}

	/**
	 * Serves {@code Task_ResumeAfterReply}: the applicant replied; interim and final
	 * deadlines move by the time spent waiting.
	 */
	@Component("resumeAfterReplyDelegate")
	static class ResumeAfterReply extends Step {

		private final Clock clock;

		ResumeAfterReply(InquiryService inquiries, InquiryVariables variables, Clock clock) {
			super(inquiries, variables);
			this.clock = clock;
		}

		@Override
		void run(DelegateExecution execution, String number) {
			Date pausedAt = (Date) execution.getVariable(PAUSED_AT);
			Duration paused = Duration.between(pausedAt.toInstant(), this.clock.instant());
			for (String deadline : List.of(InquiryProcess.INTERIM_DUE, InquiryProcess.INTERIM_REMINDER,
					InquiryProcess.FINAL_DUE, InquiryProcess.FINAL_REMINDER)) {
				Date due = (Date) execution.getVariable(deadline);
				execution.setVariable(deadline, Date.from(due.toInstant().plus(paused)));
			}
			execution.removeVariable(PAUSED_AT);
			execution.setVariable(HANDLING_OUTCOME, "");
		}

	}

	/**
	 * Serves {@code Task_CloseUnanswered}: no reply within 14 days; the applicant is
	 * told.
	 */
	@Component("closeUnansweredDelegate")
	static class CloseUnanswered extends Step {

		CloseUnanswered(InquiryService inquiries, InquiryVariables variables) {
			super(inquiries, variables);
		}

		@Override
		void run(DelegateExecution execution, String number) {
			this.inquiries.closeUnanswered(number);
		}

	}

}
