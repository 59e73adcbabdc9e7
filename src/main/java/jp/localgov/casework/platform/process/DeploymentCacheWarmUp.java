package jp.localgov.casework.platform.process;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.RepositoryServiceImpl;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Loads the latest version of every process and decision into the engine's deployment
 * cache before the node takes requests. A node that did not deploy the models itself (the
 * second node of a cluster, or any restart) would otherwise parse a definition on its
 * first use, and two requests parsing the same definition at the same moment can leave it
 * without its job definitions: an asynchronous step then fails with "Invalid process
 * definition id".
 */
@Component
class DeploymentCacheWarmUp implements SmartInitializingSingleton {

	private static final Logger log = LoggerFactory.getLogger(DeploymentCacheWarmUp.class);

	private final RepositoryService repositoryService;

	DeploymentCacheWarmUp(RepositoryService repositoryService, ModelDeployer deployer) {
		this.repositoryService = repositoryService;
	}

	@Override
	public void afterSingletonsInstantiated() {
		long started = System.nanoTime();
		int count = 0;
		for (ProcessDefinition definition : this.repositoryService.createProcessDefinitionQuery()
			.latestVersion()
			.list()) {
			((RepositoryServiceImpl) this.repositoryService).getDeployedProcessDefinition(definition.getId());
			count++;
		}
		for (DecisionDefinition definition : this.repositoryService.createDecisionDefinitionQuery()
			.latestVersion()
			.list()) {
			this.repositoryService.getDecisionDefinition(definition.getId());
			count++;
		}
		log.info("Deployment cache: {} latest definitions loaded in {} ms", count,
				(System.nanoTime() - started) / 1_000_000);
	}

}
