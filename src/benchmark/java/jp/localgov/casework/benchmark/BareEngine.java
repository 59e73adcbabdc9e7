package jp.localgov.casework.benchmark;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.StrongUuidGenerator;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.builder.AbstractFlowNodeBuilder;

/**
 * The bare Camunda 7 engine beside the application: Java API, history FULL,
 * authorizations off, a process of the inquiry's shape (a start and five user tasks of a
 * candidate group), on its own database of the same server.
 */
final class BareEngine implements AutoCloseable {

	static final String PROCESS_KEY = "BareCase";

	static final String TIMER_PROCESS_KEY = "BenchmarkTimer";

	static final int USER_TASKS = 5;

	private final ProcessEngine engine;

	private BareEngine(ProcessEngine engine) {
		this.engine = engine;
	}

	/**
	 * An engine on the given database; {@code schemaUpdate} false joins an existing
	 * schema.
	 */
	static BareEngine start(String name, DataSource dataSource, boolean schemaUpdate) {
		ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) ProcessEngineConfiguration
			.createStandaloneProcessEngineConfiguration();
		configuration.setProcessEngineName(name);
		configuration.setDataSource(dataSource);
		configuration.setDatabaseSchemaUpdate(schemaUpdate ? ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE
				: ProcessEngineConfiguration.DB_SCHEMA_UPDATE_FALSE);
		configuration.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
		configuration.setJobExecutorActivate(false);
		configuration.setIdGenerator(new StrongUuidGenerator());
		configuration.setMetricsEnabled(false);
		configuration.setEnforceHistoryTimeToLive(true);
		return new BareEngine(configuration.buildProcessEngine());
	}

	void deployCaseModel() {
		AbstractFlowNodeBuilder<?, ?> builder = Bpmn.createExecutableProcess(PROCESS_KEY)
			.camundaHistoryTimeToLive(1)
			.startEvent("Start");
		for (int step = 1; step <= USER_TASKS; step++) {
			builder = builder.userTask("UserTask_" + step).camundaCandidateGroups(step == 1 ? "secretariat" : "staff");
		}
		BpmnModelInstance model = builder.endEvent("End").done();
		this.engine.getRepositoryService().createDeployment().addModelInstance("bare-case.bpmn", model).deploy();
	}

	/** A start event, a timer catch event and an end: one timer job per instance. */
	void deployTimerModel() {
		BpmnModelInstance model = Bpmn.createExecutableProcess(TIMER_PROCESS_KEY)
			.camundaHistoryTimeToLive(1)
			.startEvent()
			.intermediateCatchEvent("Timer_Due")
			.timerWithDuration("P1D")
			.endEvent()
			.done();
		this.engine.getRepositoryService()
			.createDeployment()
			.name("benchmark-timers")
			.addModelInstance("benchmark-timer.bpmn", model)
			.deploy();
	}

	/** Starts {@code count} timer instances, many per transaction. */
	void startTimerInstances(int from, int count) {
		int batch = 250;
		for (int done = 0; done < count; done += batch) {
			int size = Math.min(batch, count - done);
			int offset = from + done;
			((ProcessEngineConfigurationImpl) this.engine.getProcessEngineConfiguration())
				.getCommandExecutorTxRequired()
				.execute((context) -> {
					for (int i = 0; i < size; i++) {
						this.engine.getRuntimeService()
							.startProcessInstanceByKey(TIMER_PROCESS_KEY, "TIMER-" + (offset + i));
					}
					return null;
				});
		}
	}

	/** One case of the bare process, claimed and completed task by task. */
	void runCase(String businessKey) {
		String instance = this.engine.getRuntimeService()
			.startProcessInstanceByKey(PROCESS_KEY, businessKey)
			.getProcessInstanceId();
		for (int step = 1; step <= USER_TASKS; step++) {
			Task task = this.engine.getTaskService()
				.createTaskQuery()
				.processInstanceId(instance)
				.listPage(0, 15)
				.get(0);
			this.engine.getTaskService().claim(task.getId(), "user");
			this.engine.getFormService()
				.submitTaskForm(task.getId(), Variables.createVariables().putValue("decision" + step, "OK"));
		}
	}

	/**
	 * Two open cases to copy for the filter sizes: one waiting at the first task
	 * ({@code secretariat}), one at the second ({@code staff}).
	 */
	List<String> openTemplateTasks() {
		List<String> ids = new ArrayList<>();
		for (int step = 1; step <= 2; step++) {
			String instance = this.engine.getRuntimeService()
				.startProcessInstanceByKey(PROCESS_KEY, "OPEN-" + step)
				.getProcessInstanceId();
			Task task = this.engine.getTaskService().createTaskQuery().processInstanceId(instance).singleResult();
			if (step == 2) {
				this.engine.getTaskService().complete(task.getId());
				task = this.engine.getTaskService().createTaskQuery().processInstanceId(instance).singleResult();
			}
			ids.add(task.getId());
		}
		return ids;
	}

	long candidateGroupPage() {
		return this.engine.getTaskService()
			.createTaskQuery()
			.taskCandidateGroup("secretariat")
			.active()
			.orderByTaskCreateTime()
			.desc()
			.listPage(0, 15)
			.size();
	}

	long candidateGroupCount() {
		return this.engine.getTaskService().createTaskQuery().taskCandidateGroup("secretariat").active().count();
	}

	long finishedInstances() {
		return this.engine.getHistoryService().createHistoricProcessInstanceQuery().finished().count();
	}

	/**
	 * Moves every finished case past its time to live and runs history cleanup until
	 * nothing is left to remove, executing the jobs in this thread.
	 * @return instances removed
	 */
	long cleanUpFinished(Date removalTime, java.util.function.LongSupplier historyRows) {
		long before = finishedInstances();
		this.engine.getHistoryService()
			.setRemovalTimeToHistoricProcessInstances()
			.absoluteRemovalTime(removalTime)
			.byQuery(this.engine.getHistoryService().createHistoricProcessInstanceQuery().finished())
			.hierarchical()
			.executeAsync();
		runDueJobs();
		this.engine.getHistoryService().cleanUpHistoryAsync(true);
		int idle = 0;
		for (int round = 0; idle < 2 && round < 10_000; round++) {
			long left = historyRows.getAsLong();
			for (Job job : this.engine.getManagementService().createJobQuery().list()) {
				this.engine.getManagementService().executeJob(job.getId());
			}
			idle = historyRows.getAsLong() == left ? idle + 1 : 0;
		}
		return before - finishedInstances();
	}

	private void runDueJobs() {
		for (int round = 0; round < 10_000; round++) {
			List<Job> jobs = this.engine.getManagementService().createJobQuery().executable().listPage(0, 100);
			if (jobs.isEmpty()) {
				return;
			}
			for (Job job : jobs) {
				this.engine.getManagementService().executeJob(job.getId());
			}
		}
	}

	@Override
	public void close() {
		this.engine.close();
	}

}
