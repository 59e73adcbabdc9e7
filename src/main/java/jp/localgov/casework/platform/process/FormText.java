package jp.localgov.casework.platform.process;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.plugin.variable.SpinValues;

/**
 * Long texts for Tasklist forms: a plain string variable holds at most 4,000 characters,
 * so texts that may be longer (an inquiry's body, a conversation, summaries) go in as a
 * JSON string, which the forms show like any text.
 */
public final class FormText {

	private static final ObjectMapper JSON = new ObjectMapper();

	private FormText() {
	}

	public static TypedValue of(String text) {
		try {
			return SpinValues.jsonValue(JSON.writeValueAsString(text == null ? "" : text)).create();
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("Cannot encode a form text", ex);
		}
	}

}
