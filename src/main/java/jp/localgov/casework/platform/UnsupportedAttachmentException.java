package jp.localgov.casework.platform;

/**
 * A file whose bytes are not of an accepted type, or whose name claims another type than
 * its bytes; answered 415 and nothing is stored.
 */
public class UnsupportedAttachmentException extends ExplainedException {

	private final String filename;

	UnsupportedAttachmentException(String filename) {
		super("attachment.error.unsupportedType", new Object[] { filename });
		this.filename = filename;
	}

	public String getFilename() {
		return this.filename;
	}

}
