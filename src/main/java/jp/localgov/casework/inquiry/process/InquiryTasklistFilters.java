package jp.localgov.casework.inquiry.process;

import jp.localgov.casework.platform.process.TasklistFilters;
import org.camunda.bpm.engine.TaskService;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/** The secretariat desk's Tasklist filter 受付待ち: inquiries waiting for reception. */
@Component
class InquiryTasklistFilters implements InitializingBean {

	/** Name of the filter as Tasklist shows it. */
	static final String WAITING_FOR_RECEPTION = "受付待ち";

	private final TasklistFilters filters;

	private final TaskService taskService;

	InquiryTasklistFilters(TasklistFilters filters, TaskService taskService) {
		this.filters = filters;
		this.taskService = taskService;
	}

	@Override
	public void afterPropertiesSet() {
		this.filters.ensureShared(WAITING_FOR_RECEPTION, "受付を待っている問い合わせ / Inquiries waiting for reception", -12,
				this.taskService.createTaskQuery()
					.processDefinitionKey(InquiryProcess.PROCESS_KEY)
					.taskDefinitionKey(InquiryProcess.TASK_RECEIVE));
	}

}
