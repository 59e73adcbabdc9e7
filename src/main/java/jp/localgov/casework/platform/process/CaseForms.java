package jp.localgov.casework.platform.process;

import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jp.localgov.casework.platform.InvalidInputException;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.engine.form.CamundaFormRef;
import org.camunda.bpm.engine.form.FormData;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.GetCamundaFormDefinitionCmd;
import org.camunda.bpm.engine.impl.cmd.GetStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskFormCmd;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.repository.CamundaFormDefinition;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.ObjectValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.json.SpinJsonNode;
import org.camunda.spin.plugin.variable.SpinValues;

/**
 * The two things the engine's form API does for the application beyond Camunda: it adds
 * the case data of the {@link FormDataProvider}s to the form variables when a form is
 * opened (transient, never stored), and it checks a submission against the task's or
 * process's deployed Camunda Form before anything is written, refusing it with an
 * {@link InvalidInputException} (400) that names the field by its label.
 */
class CaseForms {

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final String CAMUNDA_FORMS_DEPLOYMENT = "camunda-forms:deployment:";

	private final Supplier<List<FormDataProvider>> providers;

	private final Map<String, DeployedForm> forms = new ConcurrentHashMap<>();

	private ProcessEngineConfigurationImpl configuration;

	CaseForms(Supplier<List<FormDataProvider>> providers) {
		this.providers = providers;
	}

	void attach(ProcessEngineConfigurationImpl configuration) {
		this.configuration = configuration;
	}

	/** The providers' values for a task's form; empty when none serves its process. */
	Map<String, Object> taskFormData(CommandExecutor executor, String taskId) {
		Snapshot snapshot = executor.execute((context) -> snapshotOfTask(context, taskId, false));
		return (snapshot == null) ? Map.of() : provided(snapshot.task());
	}

	/** The providers' values for a process's start form. */
	Map<String, Object> startFormData(CommandExecutor executor, String processDefinitionId) {
		String key = executor.execute((context) -> definitionKey(context, processDefinitionId));
		return (key == null) ? Map.of() : provided(key, (provider) -> provider.forStart(key));
	}

	/**
	 * Refuses a task submission that the task's form would not accept.
	 * @param submitted the variables submitted with the completion
	 */
	void checkTask(CommandExecutor executor, String taskId, Map<String, ?> submitted) {
		Snapshot snapshot = executor.execute((context) -> snapshotOfTask(context, taskId, true));
		if (snapshot == null || snapshot.form() == null) {
			return;
		}
		Map<String, Object> data = new HashMap<>(snapshot.task().variables());
		data.putAll(provided(snapshot.task()));
		data.putAll(plainValues(submitted));
		refuseIfInvalid(snapshot.form(), data);
	}

	/** Refuses a start form submission that the process's start form would not accept. */
	void checkStart(CommandExecutor executor, String processDefinitionId, Map<String, ?> submitted) {
		StartSnapshot snapshot = executor.execute((context) -> snapshotOfStart(context, processDefinitionId));
		if (snapshot == null || snapshot.form() == null) {
			return;
		}
		Map<String, Object> data = new HashMap<>(provided(snapshot.processDefinitionKey(),
				(provider) -> provider.forStart(snapshot.processDefinitionKey())));
		data.putAll(plainValues(submitted));
		refuseIfInvalid(snapshot.form(), data);
	}

	/** Adds provider values to form variables, as transient values. */
	static void addTo(VariableMap variables, Map<String, Object> values, Collection<String> requestedNames) {
		values.forEach((name, value) -> {
			if (requestedNames == null || requestedNames.isEmpty() || requestedNames.contains(name)) {
				variables.putValueTyped(name, transientValue(value));
			}
		});
	}

	private void refuseIfInvalid(DeployedForm form, Map<String, Object> data) {
		List<DeployedForm.Refusal> refusals = form.check(data, this::evaluateFeel);
		if (!refusals.isEmpty()) {
			throw new InvalidInputException(refusals.get(0).field(),
					refusals.stream().map(DeployedForm.Refusal::message).distinct().collect(Collectors.joining("\n")));
		}
	}

	private Object evaluateFeel(String expression, Map<String, Object> context) {
		FeelEngine feel = this.configuration.getDmnEngineConfiguration().getFeelEngine();
		return feel.evaluateSimpleExpression(expression, Variables.fromMap(context).asVariableContext());
	}

	private Snapshot snapshotOfTask(CommandContext context, String taskId, boolean withForm) {
		TaskEntity task = context.getTaskManager().findTaskById(taskId);
		if (task == null || task.getProcessDefinitionId() == null) {
			return null;
		}
		ProcessDefinitionEntity definition = task.getProcessDefinition();
		boolean served = !servingProviders(definition.getKey()).isEmpty();
		DeployedForm form = withForm ? formOf(context, context.runWithoutAuthorization(new GetTaskFormCmd(taskId)))
				: null;
		if (!served && form == null) {
			return null;
		}
		ExecutionEntity instance = task.getProcessInstance();
		return new Snapshot(form,
				new FormContext(definition.getKey(), (instance == null) ? null : instance.getBusinessKey(),
						task.getProcessInstanceId(), task.getTaskDefinitionKey(), taskId,
						plainValues(task.getVariables())));
	}

	private StartSnapshot snapshotOfStart(CommandContext context, String processDefinitionId) {
		String key = definitionKey(context, processDefinitionId);
		if (key == null) {
			return null;
		}
		return new StartSnapshot(key,
				formOf(context, context.runWithoutAuthorization(new GetStartFormCmd(processDefinitionId))));
	}

	private static String definitionKey(CommandContext context, String processDefinitionId) {
		ProcessDefinitionEntity definition = context.getProcessDefinitionManager()
			.findLatestDefinitionById(processDefinitionId);
		return (definition == null) ? null : definition.getKey();
	}

	/** The deployed Camunda Form a form reference or key names, parsed once. */
	private DeployedForm formOf(CommandContext context, FormData formData) {
		if (formData == null) {
			return null;
		}
		CamundaFormRef reference = formData.getCamundaFormRef();
		if (reference != null && reference.getKey() != null) {
			CamundaFormDefinition definition = context
				.runWithoutAuthorization(new GetCamundaFormDefinitionCmd(reference, formData.getDeploymentId()));
			return (definition == null) ? null
					: form(context, definition.getDeploymentId(), definition.getResourceName());
		}
		String formKey = formData.getFormKey();
		if (formKey != null && formKey.startsWith(CAMUNDA_FORMS_DEPLOYMENT)) {
			return form(context, formData.getDeploymentId(), formKey.substring(CAMUNDA_FORMS_DEPLOYMENT.length()));
		}
		return null;
	}

	private DeployedForm form(CommandContext context, String deploymentId, String resourceName) {
		return this.forms.computeIfAbsent(deploymentId + "/" + resourceName, (cacheKey) -> {
			ResourceEntity resource = context.getResourceManager()
				.findResourceByDeploymentIdAndResourceName(deploymentId, resourceName);
			return (resource == null) ? null : DeployedForm.parse(resource.getBytes());
		});
	}

	private List<FormDataProvider> servingProviders(String processDefinitionKey) {
		return this.providers.get().stream().filter((provider) -> provider.supports(processDefinitionKey)).toList();
	}

	private Map<String, Object> provided(FormContext task) {
		return provided(task.processDefinitionKey(), (provider) -> provider.forTask(task));
	}

	private Map<String, Object> provided(String processDefinitionKey,
			java.util.function.Function<FormDataProvider, Map<String, Object>> values) {
		Map<String, Object> provided = new LinkedHashMap<>();
		for (FormDataProvider provider : servingProviders(processDefinitionKey)) {
			provided.putAll(values.apply(provider));
		}
		return provided;
	}

	/** Variables as plain Java values (JSON as lists, maps and strings). */
	static Map<String, Object> plainValues(Map<String, ?> variables) {
		Map<String, Object> plain = new HashMap<>();
		if (variables instanceof VariableMap typed) {
			// The map view of a VariableMap deserializes every value; read the typed
			// ones.
			typed.keySet().forEach((name) -> plain.put(name, plain(typed.getValueTyped(name))));
		}
		else if (variables != null) {
			variables.forEach((name, value) -> plain.put(name, plain(value)));
		}
		return plain;
	}

	private static Object plain(Object value) {
		if (value instanceof ObjectValue object && !object.isDeserialized()) {
			// Not a form field's value; whether it may be stored at all is the engine's
			// (and the serialized-object guard's) decision.
			return object.getValueSerialized();
		}
		Object unwrapped = (value instanceof TypedValue typed) ? typed.getValue() : value;
		if (unwrapped instanceof SpinJsonNode json) {
			try {
				return JSON.readValue(json.toString(), Object.class);
			}
			catch (JsonProcessingException ex) {
				return json.toString();
			}
		}
		return unwrapped;
	}

	private static TypedValue transientValue(Object value) {
		if (value instanceof TypedValue typed) {
			return typed;
		}
		if (value == null || value instanceof String) {
			return Variables.stringValue((String) value, true);
		}
		if (value instanceof Integer number) {
			return Variables.integerValue(number, true);
		}
		if (value instanceof Long number) {
			return Variables.longValue(number, true);
		}
		if (value instanceof Number number) {
			return Variables.doubleValue(number.doubleValue(), true);
		}
		if (value instanceof Boolean flag) {
			return Variables.booleanValue(flag, true);
		}
		if (value instanceof Date date) {
			return Variables.dateValue(date, true);
		}
		if (value instanceof Collection<?> || value instanceof Map<?, ?>) {
			try {
				return SpinValues.jsonValue(JSON.writeValueAsString(value), true).create();
			}
			catch (JsonProcessingException ex) {
				throw new IllegalArgumentException("Form data is not JSON: " + value, ex);
			}
		}
		return Variables.stringValue(String.valueOf(value), true);
	}

	private record Snapshot(DeployedForm form, FormContext task) {

	}

	private record StartSnapshot(String processDefinitionKey, DeployedForm form) {

	}

}
