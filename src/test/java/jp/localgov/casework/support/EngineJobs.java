package jp.localgov.casework.support;

import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;

/**
 * Drives time and jobs in process tests: moves the engine clock (never sleeps) and runs
 * the jobs that are due, as the job executor would.
 */
public final class EngineJobs {

	private final ManagementService managementService;

	public EngineJobs(ManagementService managementService) {
		this.managementService = managementService;
	}

	/** Moves the engine clock to the given instant. */
	public void clockAt(Instant instant) {
		ClockUtil.setCurrentTime(Date.from(instant));
	}

	public Instant now() {
		return ClockUtil.getCurrentTime().toInstant();
	}

	/**
	 * Runs every job of the process instance that is due now (timers whose time has come,
	 * async steps).
	 */
	public int executeDue(String processInstanceId) {
		int executed = 0;
		List<Job> due;
		do {
			due = this.managementService.createJobQuery()
				.processInstanceId(processInstanceId)
				.executable()
				.list()
				.stream()
				.filter((job) -> job.getDuedate() == null || !job.getDuedate().after(ClockUtil.getCurrentTime()))
				.toList();
			for (Job job : due) {
				this.managementService.executeJob(job.getId());
				executed++;
			}
		}
		while (!due.isEmpty());
		return executed;
	}

	/** Runs the send step of every queued mail (the {@code OutgoingMail} processes). */
	public int sendQueuedMails() {
		int sent = 0;
		for (Job job : this.managementService.createJobQuery()
			.processDefinitionKey("OutgoingMail")
			.executable()
			.list()) {
			this.managementService.executeJob(job.getId());
			sent++;
		}
		return sent;
	}

	/** Puts the engine clock back to the real time. */
	public static void resetClock() {
		ClockUtil.reset();
	}

}
