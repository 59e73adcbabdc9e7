package jp.localgov.casework.platform;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.BeansException;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringApplicationRunListener;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

/**
 * Lets one node at a time do what every node does once at start, so that nodes starting
 * at the same moment on one database never create anything twice: the engine's tables and
 * its administrator, the model deployment, groups, authorizations, Tasklist filters,
 * reference and demo data.
 *
 * <p>
 * Right after Flyway has migrated the database, the node locks the row of
 * {@code startup_lock} ({@code SELECT … FOR UPDATE}, on PostgreSQL and H2 alike) on a
 * connection of its own, and keeps that transaction open until the application is ready
 * (after every {@code ApplicationReadyEvent} listener) or its start failed. A second node
 * waits at that point and then finds everything in place. If the node holding the lock
 * dies, the database ends its session and the lock with it.
 */
@Component
public class StartupLock implements BeanPostProcessor, BeanFactoryAware, DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(StartupLock.class);

	/** Longest wait for another node's start before this one gives up. */
	static final Duration MAXIMUM_WAIT = Duration.ofMinutes(10);

	private BeanFactory beanFactory;

	private Connection connection;

	private long lockedAt;

	@Override
	public void setBeanFactory(BeanFactory beanFactory) {
		this.beanFactory = beanFactory;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) throws BeansException {
		if (bean instanceof FlywayMigrationInitializer) {
			acquire(this.beanFactory.getBean(Flyway.class).getConfiguration().getDataSource());
		}
		return bean;
	}

	/** Waits until no other node is starting, then holds the lock. */
	synchronized void acquire(DataSource dataSource) {
		if (this.connection != null) {
			return;
		}
		long started = System.nanoTime();
		long deadline = started + MAXIMUM_WAIT.toNanos();
		try {
			Connection candidate = dataSource.getConnection();
			candidate.setAutoCommit(false);
			while (!lockRow(candidate, deadline)) {
				candidate.rollback();
			}
			this.connection = candidate;
			this.lockedAt = System.nanoTime();
			long waited = (this.lockedAt - started) / 1_000_000;
			if (waited > 1000) {
				log.info("Start-up lock taken after waiting {} ms for another node's start", waited);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("起動時のロックを取得できません / Cannot take the start-up lock: " + ex.getMessage(), ex);
		}
	}

	/**
	 * Locks the row; {@code false} after a lock time-out (H2 gives up after a second)
	 * while the deadline allows another try.
	 */
	private static boolean lockRow(Connection connection, long deadline) throws SQLException {
		long remainingSeconds = (deadline - System.nanoTime()) / 1_000_000_000;
		if (remainingSeconds <= 0) {
			throw new SQLException("Another node has held the start-up lock for " + MAXIMUM_WAIT);
		}
		try (PreparedStatement select = connection
			.prepareStatement("select name from startup_lock where name = 'startup' for update")) {
			select.setQueryTimeout((int) Math.min(Integer.MAX_VALUE, remainingSeconds));
			try (ResultSet row = select.executeQuery()) {
				if (!row.next()) {
					throw new SQLException("The row 'startup' of startup_lock is missing");
				}
				return true;
			}
		}
		catch (SQLException ex) {
			if (isLockTimeout(ex) && System.nanoTime() < deadline) {
				return false;
			}
			throw ex;
		}
	}

	private static boolean isLockTimeout(SQLException ex) {
		// H2: LOCK_TIMEOUT_1 (50200); PostgreSQL: lock_not_available (55P03)
		return ex.getErrorCode() == 50200 || "55P03".equals(ex.getSQLState()) || "HYT00".equals(ex.getSQLState());
	}

	/** Ends the start-up: other nodes may start now. */
	public synchronized void release() {
		if (this.connection == null) {
			return;
		}
		try (Connection held = this.connection) {
			held.commit();
			log.info("Start-up lock released after {} ms", (System.nanoTime() - this.lockedAt) / 1_000_000);
		}
		catch (SQLException ex) {
			log.warn("Start-up lock: the connection holding it ended with an error (the lock is released either way)",
					ex);
		}
		finally {
			this.connection = null;
		}
	}

	@Override
	public void destroy() {
		release();
	}

	/**
	 * Releases the lock once the application is ready, that is after every listener of
	 * {@code ApplicationReadyEvent}, or when the start failed.
	 */
	public static class Release implements SpringApplicationRunListener, Ordered {

		public Release(SpringApplication application, String[] args) {
		}

		@Override
		public void ready(ConfigurableApplicationContext context, Duration timeTaken) {
			release(context);
		}

		@Override
		public void failed(ConfigurableApplicationContext context, Throwable exception) {
			release(context);
		}

		private static void release(ConfigurableApplicationContext context) {
			if (context != null && context.isActive()) {
				context.getBeanProvider(StartupLock.class).ifAvailable(StartupLock::release);
			}
		}

		/** After the run listener that publishes the application's events. */
		@Override
		public int getOrder() {
			return 1;
		}

	}

}
