package jp.localgov.casework.platform.cases;

import java.time.Instant;
import java.util.List;

/**
 * Everything the case page shows of one case that only its module knows; the tasks (who,
 * when, how long) and the mails are added by the staff pages from the engine's history
 * and the mail outbox (by {@link CaseSummary#processInstanceId()} and the case number).
 *
 * @param summary the case's line in the search
 * @param data the case's data as label/value pairs in display order (Japanese labels)
 * @param stages the stages the case went through, oldest first
 * @param attachments files attached to the case
 * @param portalPath the case's page in the local-government portal, or null
 */
public record CaseStory(CaseSummary summary, List<Field> data, List<Stage> stages, List<Attachment> attachments,
		String portalPath) {

	/** One datum: a Japanese label and its value as text. */
	public record Field(String label, String value) {

	}

	/**
	 * A stage reached: its name in Japanese, when, by whom (user id or a description),
	 * and a note.
	 */
	public record Stage(String label, Instant at, String by, String note) {

	}

	/** An attached file: its name, size, when, and the staff download path (or null). */
	public record Attachment(String filename, long sizeBytes, Instant at, String downloadPath) {

	}

}
