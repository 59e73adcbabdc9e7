package jp.localgov.casework.platform;

import org.springframework.context.MessageSourceResolvable;

/**
 * A file whose bytes are not of an accepted type, or whose name claims another type than
 * its bytes; answered 415 and nothing is stored.
 */
public class UnsupportedAttachmentException extends RuntimeException implements MessageSourceResolvable {

	private final String filename;

	UnsupportedAttachmentException(String filename, String detectedType) {
		super("Refused attachment " + filename + " (" + detectedType + ")");
		this.filename = filename;
	}

	public String getFilename() {
		return this.filename;
	}

	@Override
	public String[] getCodes() {
		return new String[] { "attachment.error.unsupportedType" };
	}

	@Override
	public Object[] getArguments() {
		return new Object[] { this.filename };
	}

	@Override
	public String getDefaultMessage() {
		return null;
	}

}
