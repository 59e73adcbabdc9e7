package jp.localgov.casework.platform.process;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Lets PostgreSQL plan Camunda's authorization check of task queries (every Tasklist
 * filter) from what the authorization table really holds: Camunda tests permissions with
 * {@code PERMS_ & n = n}, which PostgreSQL otherwise guesses to match almost no row, so
 * it compares every open task with every authorization of the person's groups and a
 * filter's count grows with the square of the open tasks. Statistics on those expressions
 * keep the plan to one index look-up per task. Only on PostgreSQL (14 or later); created
 * after the engine created its tables, so not a Flyway migration.
 */
@Component
public class AuthorizationQueryStatistics extends AbstractProcessEnginePlugin {

	/** The permission bits Camunda's task queries test: READ (2) and READ_TASK (64). */
	static final List<String> STATEMENTS = List.of(
			"create statistics if not exists casework_auth_perms_read on ((perms_ & 2)) from act_ru_authorization",
			"create statistics if not exists casework_auth_perms_read_task on ((perms_ & 64)) from act_ru_authorization",
			"analyze act_ru_authorization");

	private static final Logger logger = LoggerFactory.getLogger(AuthorizationQueryStatistics.class);

	@Override
	public void postProcessEngineBuild(ProcessEngine processEngine) {
		ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) processEngine
			.getProcessEngineConfiguration();
		if (!"postgres".equals(configuration.getDatabaseType())) {
			return;
		}
		try (Connection connection = configuration.getDataSource().getConnection();
				Statement statement = connection.createStatement()) {
			for (String sql : STATEMENTS) {
				statement.execute(sql);
			}
		}
		catch (SQLException ex) {
			logger.warn("Could not create the statistics for authorization checks; Tasklist filters may be slow", ex);
		}
	}

}
