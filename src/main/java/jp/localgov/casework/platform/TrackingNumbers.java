package jp.localgov.casework.platform;

import java.time.Year;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Hands out the numbers people quote on the phone: {@code PREFIX-YEAR-NNNNNN}, counting
 * from 1 each year per prefix, without gaps from concurrent requests (the counter row is
 * locked).
 */
@Service
public class TrackingNumbers {

	private final JdbcTemplate jdbc;

	TrackingNumbers(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * @param prefix e.g. {@code INQ} or {@code SUB}
	 * @param year the year shown in the number
	 * @return the next number, e.g. {@code INQ-2026-000123}
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public String next(String prefix, Year year) {
		int updated = this.jdbc.update(
				"update tracking_sequence set last_value = last_value + 1 where prefix = ? and seq_year = ?", prefix,
				year.getValue());
		if (updated == 0) {
			this.jdbc.update("insert into tracking_sequence (prefix, seq_year, last_value) values (?, ?, 1)", prefix,
					year.getValue());
		}
		Long value = this.jdbc.queryForObject(
				"select last_value from tracking_sequence where prefix = ? and seq_year = ?", Long.class, prefix,
				year.getValue());
		return "%s-%d-%06d".formatted(prefix, year.getValue(), value);
	}

}
