package jp.localgov.casework.platform.process;

import java.util.Collection;
import java.util.Map;

import org.camunda.bpm.engine.impl.FormServiceImpl;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.VariableMap;

/**
 * The engine's form service with the application's two additions (see {@link CaseForms}):
 * form variables carry the case data of the process's {@link FormDataProvider}s, and a
 * submitted task or start form is checked against its deployed Camunda Form before the
 * engine writes anything. Serves the Java API, the engine REST API and the web
 * applications' engine API alike.
 */
class CaseFormService extends FormServiceImpl {

	private final CaseForms forms;

	CaseFormService(CaseForms forms) {
		this.forms = forms;
	}

	@Override
	public VariableMap getTaskFormVariables(String taskId, Collection<String> formVariables,
			boolean deserializeObjectValues) {
		VariableMap variables = super.getTaskFormVariables(taskId, formVariables, deserializeObjectValues);
		CaseForms.addTo(variables, this.forms.taskFormData(this.commandExecutor, taskId), formVariables);
		return variables;
	}

	@Override
	public VariableMap getStartFormVariables(String processDefinitionId, Collection<String> formVariables,
			boolean deserializeObjectValues) {
		VariableMap variables = super.getStartFormVariables(processDefinitionId, formVariables,
				deserializeObjectValues);
		CaseForms.addTo(variables, this.forms.startFormData(this.commandExecutor, processDefinitionId), formVariables);
		return variables;
	}

	@Override
	public void submitTaskForm(String taskId, Map<String, Object> properties) {
		this.forms.checkTask(this.commandExecutor, taskId, properties);
		super.submitTaskForm(taskId, properties);
	}

	@Override
	public VariableMap submitTaskFormWithVariablesInReturn(String taskId, Map<String, Object> properties,
			boolean deserializeValues) {
		this.forms.checkTask(this.commandExecutor, taskId, properties);
		return super.submitTaskFormWithVariablesInReturn(taskId, properties, deserializeValues);
	}

	@Override
	public ProcessInstance submitStartForm(String processDefinitionId, Map<String, Object> properties) {
		this.forms.checkStart(this.commandExecutor, processDefinitionId, properties);
		return super.submitStartForm(processDefinitionId, properties);
	}

	@Override
	public ProcessInstance submitStartForm(String processDefinitionId, String businessKey,
			Map<String, Object> properties) {
		this.forms.checkStart(this.commandExecutor, processDefinitionId, properties);
		return super.submitStartForm(processDefinitionId, businessKey, properties);
	}

	@Override
	public ProcessInstance submitStartFormData(String processDefinitionId, Map<String, String> properties) {
		this.forms.checkStart(this.commandExecutor, processDefinitionId, properties);
		return super.submitStartFormData(processDefinitionId, properties);
	}

	@Override
	public ProcessInstance submitStartFormData(String processDefinitionId, String businessKey,
			Map<String, String> properties) {
		this.forms.checkStart(this.commandExecutor, processDefinitionId, properties);
		return super.submitStartFormData(processDefinitionId, businessKey, properties);
	}

}
