package jp.localgov.casework.platform.process;

import org.camunda.bpm.engine.BadUserRequestException;

/** A variable value the engine must not store, because it could never be read again. */
public class RefusedVariableException extends BadUserRequestException {

	public RefusedVariableException(String message) {
		super(message);
	}

}
