package jp.localgov.casework.platform.process;

import java.util.Map;

/**
 * The task whose form is being opened or submitted, as a {@link FormDataProvider} sees
 * it.
 *
 * @param processDefinitionKey key of the task's process (e.g. {@code InquiryLifecycle})
 * @param businessKey the case's business key (e.g. {@code INQ-2026-000123})
 * @param processInstanceId the process instance of the task
 * @param taskDefinitionKey id of the user task in the model (e.g.
 * {@code UserTask_AssignStaff})
 * @param taskId the task
 * @param variables the task's process variables as plain Java values (ids and routing
 * decisions), read-only
 */
public record FormContext(String processDefinitionKey, String businessKey, String processInstanceId,
		String taskDefinitionKey, String taskId, Map<String, Object> variables) {

	public FormContext {
		variables = Map.copyOf(variables.entrySet()
			.stream()
			.filter((entry) -> entry.getValue() != null)
			.collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
	}

	/** A process variable's value, or {@code null}. */
	public Object variable(String name) {
		return this.variables.get(name);
	}

}
