package jp.localgov.casework.platform.process;

import java.util.Map;

/**
 * Case data a process's Tasklist forms show, computed from the domain each time a form is
 * opened and never stored in the engine (no variable, no history): a module registers one
 * Spring bean per process, and its values join the task's form variables on every path
 * Tasklist and the REST API read them ({@code GET /task/{id}/form-variables}), and the
 * data a submission is checked against (a {@code valuesKey} list, a condition).
 *
 * <p>
 * Values are plain Java: strings (any length), numbers, booleans, {@link java.util.Date},
 * and lists or maps of these (sent as JSON, e.g. a {@code valuesKey} list of
 * {@code {label, value}} maps). A value overrides a process variable of the same name.
 * Only ids, routing decisions and gateway inputs stay process variables.
 *
 * <pre>{@code
 * &#64;Component
 * class InquiryFormData implements FormDataProvider {
 *     public boolean supports(String processDefinitionKey) {
 *         return InquiryProcess.PROCESS_KEY.equals(processDefinitionKey);
 *     }
 *     public Map<String, Object> forTask(FormContext task) {
 *         Inquiry inquiry = inquiries.byTrackingNumber(task.businessKey());
 *         return Map.of("subject", inquiry.getSubject(), "body", inquiry.getBody());
 *     }
 * }
 * }</pre>
 */
public interface FormDataProvider {

	/** Whether this provider serves the forms of the process with this key. */
	boolean supports(String processDefinitionKey);

	/** The values a task's form shows, by variable name. */
	Map<String, Object> forTask(FormContext task);

	/**
	 * The values a start form shows before there is a case; none unless overridden.
	 */
	default Map<String, Object> forStart(String processDefinitionKey) {
		return Map.of();
	}

}
