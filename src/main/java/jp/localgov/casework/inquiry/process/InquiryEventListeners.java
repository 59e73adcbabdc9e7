package jp.localgov.casework.inquiry.process;

import jp.localgov.casework.inquiry.ApplicantReplied;
import jp.localgov.casework.inquiry.InquirySubmitted;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Starts an inquiry's lifecycle when it is submitted and resumes it when the applicant
 * replies, in the same transaction as the change, so neither can be lost.
 */
@Component
class InquiryEventListeners {

	private final RuntimeService runtimeService;

	InquiryEventListeners(RuntimeService runtimeService) {
		this.runtimeService = runtimeService;
	}

	@EventListener
	void on(InquirySubmitted event) {
		this.runtimeService.startProcessInstanceByKey(InquiryProcess.PROCESS_KEY, event.trackingNumber(),
				Variables.createVariables()
					.putValue(InquiryProcess.TRACKING_NUMBER, event.trackingNumber())
					.putValue(InquiryProcess.FIELD, event.field().name()));
	}

	@EventListener
	void on(ApplicantReplied event) {
		this.runtimeService.createMessageCorrelation(InquiryProcess.MESSAGE_APPLICANT_REPLIED)
			.processInstanceBusinessKey(event.trackingNumber())
			.correlate();
	}

}
