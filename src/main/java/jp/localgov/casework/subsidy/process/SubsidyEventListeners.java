package jp.localgov.casework.subsidy.process;

import jp.localgov.casework.platform.StaffGroup;
import jp.localgov.casework.subsidy.SubsidyEvents;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Starts an application's process when it arrives and delivers the applicant's
 * corrections, change requests and reports to it, in the same transaction as the change
 * itself.
 */
@Component
class SubsidyEventListeners {

	private final RuntimeService runtimeService;

	SubsidyEventListeners(RuntimeService runtimeService) {
		this.runtimeService = runtimeService;
	}

	@EventListener
	void on(SubsidyEvents.Applied event) {
		this.runtimeService.startProcessInstanceByKey(SubsidyProcess.PROCESS_KEY, event.applicationNumber(),
				Variables.createVariables()
					.putValue(SubsidyProcess.APPLICATION_NUMBER, event.applicationNumber())
					.putValue(SubsidyProcess.DEPARTMENT, event.department())
					.putValue(SubsidyProcess.DEPARTMENT_LEAD, StaffGroup.leadGroupIdOf(event.department()))
					.putValue(SubsidyProcess.REVIEWER_COUNT, SubsidyProcess.REVIEWERS));
	}

	@EventListener
	void on(SubsidyEvents.Corrected event) {
		correlate(SubsidyProcess.MESSAGE_CORRECTED, event.applicationNumber());
	}

	@EventListener
	void on(SubsidyEvents.ChangeRequested event) {
		correlate(SubsidyProcess.MESSAGE_CHANGE_REQUESTED, event.applicationNumber());
	}

	@EventListener
	void on(SubsidyEvents.ReportFiled event) {
		correlate(SubsidyProcess.MESSAGE_REPORT_FILED, event.applicationNumber());
	}

	private void correlate(String message, String applicationNumber) {
		this.runtimeService.createMessageCorrelation(message).processInstanceBusinessKey(applicationNumber).correlate();
	}

}
