package jp.localgov.casework.platform;

/**
 * Something asked for does not exist, or exists but is not the asker's to see; both
 * answer 404 so that nobody learns which of the two it was.
 */
public class NotFoundException extends RuntimeException {

	public NotFoundException(String message) {
		super(message);
	}

}
