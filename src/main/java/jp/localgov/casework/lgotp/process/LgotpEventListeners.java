package jp.localgov.casework.lgotp.process;

import jp.localgov.casework.lgotp.LgotpEvents;
import org.camunda.bpm.engine.RuntimeService;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Delivers hosts' monthly reports and withdrawals to the trainee's journey, in the same
 * transaction.
 */
@Component
class LgotpEventListeners {

	private final RuntimeService runtimeService;

	LgotpEventListeners(RuntimeService runtimeService) {
		this.runtimeService = runtimeService;
	}

	@EventListener
	void on(LgotpEvents.MonthlyReportFiled event) {
		this.runtimeService.createMessageCorrelation(LgotpProcess.MESSAGE_MONTHLY_REPORT)
			.processInstanceBusinessKey(event.journeyKey())
			.correlate();
	}

	@EventListener
	void on(LgotpEvents.TraineeWithdrawn event) {
		this.runtimeService.createMessageCorrelation(LgotpProcess.MESSAGE_WITHDRAWN)
			.processInstanceBusinessKey(event.journeyKey())
			.correlate();
	}

}
