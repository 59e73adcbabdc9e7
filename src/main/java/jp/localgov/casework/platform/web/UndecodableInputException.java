package jp.localgov.casework.platform.web;

/**
 * A request whose parameters were not valid UTF-8 (they arrived with U+FFFD in place of
 * the bytes that could not be read); answered 400 and nothing is stored.
 */
public class UndecodableInputException extends RuntimeException {

	UndecodableInputException(String parameter) {
		super("Parameter " + parameter + " is not valid UTF-8");
	}

}
