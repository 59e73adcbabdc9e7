package jp.localgov.casework.platform.process;

import jp.localgov.casework.platform.StoredQueryInspector;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.FilterEntity;
import org.camunda.bpm.engine.query.Query;

import org.springframework.stereotype.Component;

/**
 * Reads a stored filter straight from the engine's tables, without authorization checks
 * and without evaluating anything, and reports whether its task query holds an
 * expression.
 */
@Component
class EngineStoredQueryInspector implements StoredQueryInspector {

	private final ProcessEngineConfigurationImpl configuration;

	EngineStoredQueryInspector(ProcessEngineConfigurationImpl configuration) {
		this.configuration = configuration;
	}

	@Override
	public boolean carriesExpression(String filterId) {
		return this.configuration.getCommandExecutorTxRequired().execute((commandContext) -> {
			FilterEntity filter = commandContext.getFilterManager().findFilterById(filterId);
			if (filter == null) {
				return false;
			}
			Query<?, ?> query = filter.getQuery();
			return query instanceof TaskQueryImpl taskQuery
					&& taskQuery.getQueries().stream().anyMatch((part) -> !part.getExpressions().isEmpty());
		});
	}

}
