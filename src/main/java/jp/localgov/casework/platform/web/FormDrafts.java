package jp.localgov.casework.platform.web;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What an applicant entered on a portal form between 入力 and 完了: kept in the database (so
 * any node can show the confirmation and send it) under a random token, and consumed
 * exactly once — a second press of 送信 finds nothing to send. Drafts are kept two hours.
 */
@Component
public class FormDrafts {

	/** How long an applicant may stay on the confirmation page. */
	static final Duration LIFETIME = Duration.ofHours(2);

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final ObjectMapper json;

	FormDrafts(JdbcTemplate jdbc, TransactionTemplate transactions, ObjectMapper json) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.json = json;
	}

	/** Keeps a draft and its files; the token names it. */
	public String save(Object payload, List<DraftFile> files) {
		String token = newToken();
		Instant now = Instant.now();
		this.transactions.executeWithoutResult((status) -> {
			this.jdbc.update("delete from form_draft where created_at < ?", Timestamp.from(now.minus(LIFETIME)));
			this.jdbc.update("insert into form_draft (token, payload, created_at) values (?, ?, ?)", token,
					write(payload), Timestamp.from(now));
			for (int i = 0; i < files.size(); i++) {
				DraftFile file = files.get(i);
				this.jdbc.update(
						"insert into form_draft_file (token, position, filename, content_type, content) values (?, ?, ?, ?, ?)",
						token, i, file.filename(), file.contentType(), file.content());
			}
		});
		return token;
	}

	/** The draft's entries, while it has not been sent or expired. */
	public <T> Optional<T> find(String token, Class<T> type) {
		if (token == null) {
			return Optional.empty();
		}
		return this.jdbc
			.query("select payload from form_draft where token = ? and created_at >= ?",
					(row, number) -> row.getString(1), token, Timestamp.from(Instant.now().minus(LIFETIME)))
			.stream()
			.findFirst()
			.map((payload) -> read(payload, type));
	}

	/** The names of the draft's files, in the order they were chosen. */
	public List<String> fileNames(String token) {
		return this.jdbc.queryForList("select filename from form_draft_file where token = ? order by position",
				String.class, token);
	}

	/** The draft's files, in the order they were chosen. */
	public List<DraftFile> files(String token) {
		return this.jdbc.query(
				"select filename, content_type, content from form_draft_file where token = ? order by position",
				(row, number) -> new DraftFile(row.getString(1), row.getString(2), row.getBytes(3)), token);
	}

	/**
	 * Sends a draft once: in one transaction the draft is removed and {@code send} runs;
	 * if {@code send} fails, the draft stays. Empty when the draft was already sent (or
	 * expired).
	 */
	public <T, R> Optional<R> consume(String token, Class<T> type, BiFunction<T, List<DraftFile>, R> send) {
		return Optional.ofNullable(this.transactions.execute((status) -> {
			Optional<T> draft = find(token, type);
			List<DraftFile> files = files(token);
			if (draft.isEmpty() || this.jdbc.update("delete from form_draft where token = ?", token) != 1) {
				return null;
			}
			return send.apply(draft.get(), files);
		}));
	}

	private String write(Object payload) {
		try {
			return this.json.writeValueAsString(payload);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalArgumentException("A draft must be plain data", ex);
		}
	}

	private <T> T read(String payload, Class<T> type) {
		try {
			return this.json.readValue(payload, type);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("A stored draft cannot be read", ex);
		}
	}

	private static String newToken() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	/**
	 * A file chosen on a form, checked and kept with the draft.
	 *
	 * @param filename as the applicant's computer named it
	 * @param contentType as read from its bytes
	 * @param content the bytes
	 */
	public record DraftFile(String filename, String contentType, byte[] content) {

		public long size() {
			return this.content.length;
		}

	}

}
