package jp.localgov.casework.platform.process;

import java.util.Map;

import org.camunda.bpm.engine.impl.TaskServiceImpl;
import org.camunda.bpm.engine.variable.VariableMap;

/**
 * The engine's task service, checking a completion against the task's deployed Camunda
 * Form like a form submission (see {@link CaseForms}): completing a task without its
 * form's required values is refused whichever API does it.
 */
class CaseTaskService extends TaskServiceImpl {

	private final CaseForms forms;

	CaseTaskService(CaseForms forms) {
		this.forms = forms;
	}

	@Override
	public void complete(String taskId, Map<String, Object> variables) {
		this.forms.checkTask(this.commandExecutor, taskId, variables);
		super.complete(taskId, variables);
	}

	@Override
	public VariableMap completeWithVariablesInReturn(String taskId, Map<String, Object> variables,
			boolean deserializeValues) {
		this.forms.checkTask(this.commandExecutor, taskId, variables);
		return super.completeWithVariablesInReturn(taskId, variables, deserializeValues);
	}

}
