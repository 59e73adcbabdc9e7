package jp.localgov.casework.platform.process;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Extends the engine for process owners and for the case data in forms: the form and task
 * services of {@link CaseForms} (case data from the {@link FormDataProvider}s at form
 * load; submissions checked against the deployed form) and the deploy check
 * {@link ModelReferenceCheck}.
 */
@Component
class CaseworkEnginePlugin extends AbstractProcessEnginePlugin {

	private final ObjectProvider<FormDataProvider> providers;

	private final ListableBeanFactory beans;

	CaseworkEnginePlugin(ObjectProvider<FormDataProvider> providers, ListableBeanFactory beans) {
		this.providers = providers;
		this.beans = beans;
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		CaseForms forms = new CaseForms(() -> this.providers.orderedStream().toList());
		forms.attach(configuration);
		configuration.setFormService(new CaseFormService(forms));
		configuration.setTaskService(new CaseTaskService(forms));
		List<Deployer> preDeployers = new ArrayList<>();
		if (configuration.getCustomPreDeployers() != null) {
			preDeployers.addAll(configuration.getCustomPreDeployers());
		}
		preDeployers.add(new ModelReferenceCheck(this.beans::containsBean));
		configuration.setCustomPreDeployers(preDeployers);
	}

}
