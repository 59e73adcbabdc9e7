package jp.localgov.casework.platform.process;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.stereotype.Component;

/**
 * Extends the engine for process owners: the deploy check {@link ModelReferenceCheck}.
 */
@Component
class CaseworkEnginePlugin extends AbstractProcessEnginePlugin {

	private final ListableBeanFactory beans;

	CaseworkEnginePlugin(ListableBeanFactory beans) {
		this.beans = beans;
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		List<Deployer> preDeployers = new ArrayList<>();
		if (configuration.getCustomPreDeployers() != null) {
			preDeployers.addAll(configuration.getCustomPreDeployers());
		}
		preDeployers.add(new ModelReferenceCheck(this.beans::containsBean));
		configuration.setCustomPreDeployers(preDeployers);
	}

}
