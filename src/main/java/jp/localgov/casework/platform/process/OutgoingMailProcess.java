package jp.localgov.casework.platform.process;

import java.time.Clock;
import java.time.ZoneId;

import jp.localgov.casework.platform.mail.MailOutbox;
import jp.localgov.casework.platform.mail.MailQueued;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Sends every queued mail from its own small process ({@code OutgoingMail}), so a mail
 * server outage never holds up or rolls back a case: the send step is asynchronous and
 * retried, then shows as an incident in Cockpit, and retrying it sends the mail once.
 */
@Configuration(proxyBeanMethods = false)
public class OutgoingMailProcess {

	/** Key of the mail process. */
	public static final String PROCESS_KEY = "OutgoingMail";

	/** The asynchronous send step. */
	public static final String TASK_SEND = "Task_SendMail";

	/** Variable holding the id of the queued mail. */
	public static final String MAIL_ID = "mailId";

	/** The engine's clock, shared with the application (see {@link EngineClock}). */
	@Bean
	Clock clock() {
		return new EngineClock(ZoneId.of("Asia/Tokyo"));
	}

	/** Starts the send process in the transaction that queued the mail. */
	@Component
	static class MailQueuedListener {

		private final RuntimeService runtimeService;

		MailQueuedListener(RuntimeService runtimeService) {
			this.runtimeService = runtimeService;
		}

		@EventListener
		void on(MailQueued event) {
			this.runtimeService.startProcessInstanceByKey(PROCESS_KEY, event.reference(),
					Variables.createVariables().putValue(MAIL_ID, event.mailId()));
		}

	}

	/** Serves {@code Task_SendMail}: sends the queued mail. */
	@Component("sendMailDelegate")
	static class SendMailDelegate implements JavaDelegate {

		private final MailOutbox outbox;

		SendMailDelegate(MailOutbox outbox) {
			this.outbox = outbox;
		}

		@Override
		public void execute(DelegateExecution execution) {
			this.outbox.send(((Number) execution.getVariable(MAIL_ID)).longValue());
		}

	}

}
