package jp.localgov.casework.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.List;

import jp.localgov.casework.platform.process.ModelDeployer;
import jp.localgov.casework.support.CaseworkSpringBootTest;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ScriptTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaScript;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

/**
 * The models in {@code bpmn/} and {@code forms/} are deployed under their bare file names
 * (as Camunda Modeler deploys them), only when a file changed, and follow the project's
 * modelling rules.
 */
@CaseworkSpringBootTest
class ModelDeploymentTests {

	@Autowired
	RepositoryService repositoryService;

	@Autowired
	ModelDeployer modelDeployer;

	@Test
	void modelsAndFormsAreDeployedUnderTheirBareFileNames() {
		List<String> names = this.repositoryService.createDeploymentQuery()
			.deploymentName(ModelDeployer.DEPLOYMENT_NAME)
			.deploymentSource(ModelDeployer.DEPLOYMENT_SOURCE)
			.list()
			.stream()
			.flatMap((deployment) -> this.repositoryService.getDeploymentResourceNames(deployment.getId()).stream())
			.toList();

		assertThat(names).contains("system-check.bpmn", "system-check.form", "system-check-start.form",
				"inquiry-routing.dmn", "inquiry-lifecycle.bpmn");
		assertThat(names).allSatisfy((name) -> assertThat(name).matches("[a-z0-9-]+\\.(bpmn|dmn|form)"));
	}

	@Test
	void deployingUnchangedModelsAgainCreatesNoNewVersion() {
		long deployments = this.repositoryService.createDeploymentQuery().count();
		long definitions = this.repositoryService.createProcessDefinitionQuery().count();

		ModelDeployer.Outcome outcome = this.modelDeployer.deploy();

		assertThat(outcome.deployedResources()).isEmpty();
		assertThat(outcome.getId()).isEqualTo(latestDeployment().getId());
		assertThat(this.repositoryService.createDeploymentQuery().count()).isEqualTo(deployments);
		assertThat(this.repositoryService.createProcessDefinitionQuery().count()).isEqualTo(definitions);
	}

	@Test
	void everyProcessHasHistoryTimeToLiveVersionTagAndNoScripts() {
		for (ProcessDefinition definition : this.repositoryService.createProcessDefinitionQuery()
			.latestVersion()
			.list()) {
			assertThat(definition.getHistoryTimeToLive()).as(definition.getKey() + " historyTimeToLive").isNotNull();
			assertThat(definition.getVersionTag()).as(definition.getKey() + " versionTag").isNotBlank();

			BpmnModelInstance model = this.repositoryService.getBpmnModelInstance(definition.getId());
			assertThat(model.getModelElementsByType(ScriptTask.class)).as(definition.getKey() + " script tasks")
				.isEmpty();
			assertThat(model.getModelElementsByType(CamundaScript.class)).as(definition.getKey() + " scripts")
				.isEmpty();
			model.getModelElementsByType(CamundaExecutionListener.class)
				.forEach((listener) -> assertThat(listener.getCamundaClass()).as("camunda:class").isNull());
			model.getModelElementsByType(CamundaTaskListener.class)
				.forEach((listener) -> assertThat(listener.getCamundaClass()).as("camunda:class").isNull());
			model.getModelElementsByType(Process.class)
				.forEach((process) -> assertThat(process.getName()).as("process name").isNotBlank());
		}
	}

	@Test
	void formsDeclareTheIdTheirFileIsNamedAfter() throws Exception {
		for (Deployment deployment : ownDeployments()) {
			for (String name : this.repositoryService.getDeploymentResourceNames(deployment.getId())) {
				if (!name.endsWith(".form")) {
					continue;
				}
				try (InputStream in = this.repositoryService.getResourceAsStream(deployment.getId(), name)) {
					String id = new com.fasterxml.jackson.databind.ObjectMapper().readTree(in).path("id").asText();
					assertThat(name).isEqualTo(id + ".form");
				}
			}
		}
	}

	@Test
	void bpmnFilesParseAsCamundaModels() throws Exception {
		for (Deployment deployment : ownDeployments()) {
			for (String name : this.repositoryService.getDeploymentResourceNames(deployment.getId())) {
				if (name.endsWith(".bpmn")) {
					try (InputStream in = this.repositoryService.getResourceAsStream(deployment.getId(), name)) {
						Bpmn.validateModel(Bpmn.readModelFromStream(in));
					}
				}
			}
		}
	}

	@Test
	void onlyTheSystemCheckAndTheLgotpYearAreStartedByHandFromTasklistWithAStartForm() {
		List<ProcessDefinition> startable = this.repositoryService.createProcessDefinitionQuery()
			.startableInTasklist()
			.latestVersion()
			.list();
		assertThat(startable).extracting(ProcessDefinition::getKey)
			.containsExactlyInAnyOrder("SystemCheck", "LgotpAnnualCycle");
		assertThat(startable)
			.allSatisfy((definition) -> assertThat(this.repositoryService.getBpmnModelInstance(definition.getId())
				.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.StartEvent.class))
				.anySatisfy((start) -> assertThat(start.getCamundaFormRef()).as(definition.getKey() + " start form")
					.isNotBlank()));
	}

	private Deployment latestDeployment() {
		return ownDeployments().get(0);
	}

	private List<Deployment> ownDeployments() {
		return this.repositoryService.createDeploymentQuery()
			.deploymentName(ModelDeployer.DEPLOYMENT_NAME)
			.deploymentSource(ModelDeployer.DEPLOYMENT_SOURCE)
			.orderByDeploymentTime()
			.desc()
			.list();
	}

}
