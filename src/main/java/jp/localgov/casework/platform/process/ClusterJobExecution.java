package jp.localgov.casework.platform.process;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.TaskExecutor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The job executor of one node among several on one database: its jobs are locked under
 * the node's name (visible in {@code ACT_RU_JOB.LOCK_OWNER_}), so a node that dies leaves
 * locks that expire after {@code camunda.bpm.job-execution.lock-time-in-millis} and are
 * then taken over by the others; on SIGTERM the node stops acquiring jobs and finishes
 * the ones it holds before the engine and the database connections close.
 */
@Configuration(proxyBeanMethods = false)
public class ClusterJobExecution {

	private static final Logger log = LoggerFactory.getLogger(ClusterJobExecution.class);

	/** Bean name of the job executor's thread pool in the Camunda starter. */
	static final String TASK_EXECUTOR = "camundaTaskExecutor";

	/**
	 * Names the job executor's locks after the node, and keeps its thread pool accepting
	 * jobs until {@link JobDrain} has stopped the acquisition (otherwise jobs acquired in
	 * between would stay locked until their lock expires).
	 */
	@Bean
	static BeanPostProcessor clusterJobExecutorSettings(@Value("${casework.node-name:}") String nodeName) {
		String lockOwner = lockOwner(nodeName);
		return new BeanPostProcessor() {
			@Override
			public Object postProcessBeforeInitialization(Object bean, String beanName) {
				if (bean instanceof JobExecutor jobExecutor) {
					jobExecutor.setLockOwner(lockOwner);
					log.info("Job executor of node {}: lock time {} ms", lockOwner, jobExecutor.getLockTimeInMillis());
				}
				if (bean instanceof ThreadPoolTaskExecutor executor && TASK_EXECUTOR.equals(beanName)) {
					executor.setAcceptTasksAfterContextClose(true);
				}
				return bean;
			}
		};
	}

	@Bean
	JobDrain jobDrain(ObjectProvider<JobExecutor> jobExecutor,
			@Qualifier(TASK_EXECUTOR) ObjectProvider<TaskExecutor> taskExecutor,
			@Value("${spring.lifecycle.timeout-per-shutdown-phase:30s}") Duration phaseTimeout) {
		return new JobDrain(jobExecutor, taskExecutor, phaseTimeout.minusSeconds(5));
	}

	/** The node's name as given, or the host name and process id. */
	static String lockOwner(String nodeName) {
		if (nodeName != null && !nodeName.isBlank()) {
			return nodeName.strip();
		}
		String host;
		try {
			host = InetAddress.getLocalHost().getHostName();
		}
		catch (UnknownHostException ex) {
			host = "node";
		}
		return host + "-" + ProcessHandle.current().pid();
	}

	/**
	 * On shutdown, in the same phase as the web server's graceful shutdown: stops the job
	 * acquisition and waits for the jobs this node holds (running or queued) to finish.
	 */
	static class JobDrain implements SmartLifecycle {

		/** The phase of Spring Boot's graceful web server shutdown. */
		static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 1024;

		private final ObjectProvider<JobExecutor> jobExecutor;

		private final ObjectProvider<TaskExecutor> taskExecutor;

		private final Duration timeout;

		private volatile boolean running;

		JobDrain(ObjectProvider<JobExecutor> jobExecutor, ObjectProvider<TaskExecutor> taskExecutor, Duration timeout) {
			this.jobExecutor = jobExecutor;
			this.taskExecutor = taskExecutor;
			this.timeout = timeout.isNegative() ? Duration.ZERO : timeout;
		}

		@Override
		public void start() {
			this.running = true;
		}

		@Override
		public void stop() {
			this.running = false;
			this.jobExecutor.ifAvailable((executor) -> {
				if (executor.isActive()) {
					executor.shutdown();
				}
			});
			if (this.taskExecutor.getIfAvailable() instanceof ThreadPoolTaskExecutor pool) {
				ThreadPoolExecutor threads = pool.getThreadPoolExecutor();
				int holding = threads.getActiveCount() + threads.getQueue().size();
				threads.shutdown();
				try {
					if (!threads.awaitTermination(this.timeout.toMillis(), TimeUnit.MILLISECONDS)) {
						log.warn("Job executor: jobs still running after {}; their locks expire and another node"
								+ " takes them over", this.timeout);
					}
					else if (holding > 0) {
						log.info("Job executor: the {} job(s) this node held finished before shutdown", holding);
					}
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			}
		}

		@Override
		public void stop(Runnable callback) {
			new Thread(() -> {
				try {
					stop();
				}
				finally {
					callback.run();
				}
			}, "job-drain").start();
		}

		@Override
		public boolean isRunning() {
			return this.running;
		}

		@Override
		public int getPhase() {
			return PHASE;
		}

	}

}
