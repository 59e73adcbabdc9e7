package jp.localgov.casework.platform;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.time.Year;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Hands out the numbers people quote on the phone: {@code PREFIX-YEAR-NNNNNN}, counting
 * from 1 each year per prefix, unique across every node sharing the database.
 *
 * <p>
 * <b>Unique and increasing, not gapless.</b> Each prefix and year has its own database
 * sequence ({@code tracking_inq_2026}); taking a number is one {@code nextval} that holds
 * no lock, so submissions never wait for one another, on one node or on several. A
 * gapless series would need the counter locked until the submission commits, which makes
 * every submission wait for the one before it; a tracking number is a reference to find a
 * case, not an accounting serial, and nothing counts cases by their numbers. So a number
 * stays unused when the transaction that took it does not commit: a submission refused or
 * failing after its number was taken, or a node stopping in the middle of one. Each such
 * number is logged at WARN ({@code Tracking number … unused}); only a node killed
 * mid-submission cannot log it.
 *
 * <p>
 * A year's sequence is created by the first submission of that year: on PostgreSQL inside
 * the submission's transaction (concurrent first submissions wait until it commits and
 * then use it), elsewhere (H2, single node) in a short transaction of its own. It
 * continues a counter of the earlier {@code tracking_sequence} table where one exists.
 */
@Service
public class TrackingNumbers {

	private static final Logger log = LoggerFactory.getLogger(TrackingNumbers.class);

	private static final Pattern PREFIX = Pattern.compile("[A-Z]{2,8}");

	/** PostgreSQL's unique_violation and duplicate_table: a concurrent creation won. */
	private static final Set<String> CREATED_CONCURRENTLY = Set.of("23505", "42P07");

	private final JdbcTemplate jdbc;

	private final DataSource dataSource;

	private final TransactionTemplate ownTransaction;

	private final Set<String> knownSequences = ConcurrentHashMap.newKeySet();

	private volatile Boolean postgres;

	TrackingNumbers(JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
		this.jdbc = jdbc;
		this.dataSource = jdbc.getDataSource();
		this.ownTransaction = new TransactionTemplate(transactionManager);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/**
	 * Takes the next number; if the calling transaction does not commit, the number stays
	 * unused and is logged.
	 * @param prefix e.g. {@code INQ} or {@code SUB}
	 * @param year the year shown in the number
	 * @return the next number, e.g. {@code INQ-2026-000123}
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public String next(String prefix, Year year) {
		if (!PREFIX.matcher(prefix).matches()) {
			throw new IllegalArgumentException("Tracking number prefix must be 2-8 capital letters: " + prefix);
		}
		String sequence = "tracking_" + prefix.toLowerCase(Locale.ROOT) + "_" + year.getValue();
		if (!this.knownSequences.contains(sequence)) {
			ensureSequence(sequence, prefix, year);
		}
		Long value = this.jdbc.queryForObject(
				isPostgres() ? "select nextval('" + sequence + "')" : "select next value for " + sequence, Long.class);
		String number = "%s-%d-%06d".formatted(prefix, year.getValue(), value);
		TransactionSynchronizationManager.registerSynchronization(new UnusedNumberLog(number));
		return number;
	}

	/**
	 * Makes sure the sequence exists; it is remembered as existing once that is committed
	 * (a sequence created in a transaction that rolls back is gone again).
	 */
	private void ensureSequence(String sequence, String prefix, Year year) {
		if (sequenceExists(sequence)) {
			this.knownSequences.add(sequence);
			return;
		}
		long start = continuedCounter(prefix, year) + 1;
		String create = "create sequence if not exists " + sequence + " start with " + start + " cache 1";
		if (isPostgres()) {
			createInCurrentTransaction(create);
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					TrackingNumbers.this.knownSequences.add(sequence);
				}
			});
		}
		else {
			// H2 commits the open transaction on DDL, so the sequence gets its own; H2
			// may
			// report a concurrent creation as an error despite "if not exists".
			synchronized (this) {
				try {
					this.ownTransaction.executeWithoutResult((status) -> this.jdbc.execute(create));
				}
				catch (DataAccessException ex) {
					if (!sequenceExists(sequence)) {
						throw ex;
					}
				}
			}
			this.knownSequences.add(sequence);
		}
		log.info("Tracking numbers {}-{}: sequence {} in place, starting at {}", prefix, year, sequence, start);
	}

	/**
	 * Creates the sequence within the submission's transaction under a savepoint: a
	 * concurrent creator makes this wait until it commits and then fail, after which the
	 * sequence exists for everyone.
	 */
	private void createInCurrentTransaction(String create) {
		Connection connection = DataSourceUtils.getConnection(this.dataSource);
		try {
			Savepoint savepoint = connection.setSavepoint();
			try (Statement statement = connection.createStatement()) {
				statement.execute(create);
				connection.releaseSavepoint(savepoint);
			}
			catch (SQLException ex) {
				connection.rollback(savepoint);
				if (!CREATED_CONCURRENTLY.contains(ex.getSQLState())) {
					throw ex;
				}
			}
		}
		catch (SQLException ex) {
			throw new DataAccessResourceFailureException("Cannot create the tracking number sequence", ex);
		}
		finally {
			DataSourceUtils.releaseConnection(connection, this.dataSource);
		}
	}

	private boolean sequenceExists(String sequence) {
		Long count = this.jdbc.queryForObject(
				"select count(*) from information_schema.sequences"
						+ " where sequence_schema = current_schema() and upper(sequence_name) = ?",
				Long.class, sequence.toUpperCase(Locale.ROOT));
		return count != null && count > 0;
	}

	/** The last number of the year in the earlier counter table, 0 if none. */
	private long continuedCounter(String prefix, Year year) {
		return this.jdbc
			.queryForList("select last_value from tracking_sequence where prefix = ? and seq_year = ?", Long.class,
					prefix, year.getValue())
			.stream()
			.findFirst()
			.orElse(0L);
	}

	private boolean isPostgres() {
		Boolean result = this.postgres;
		if (result == null) {
			result = this.jdbc.execute((ConnectionCallback<Boolean>) (connection) -> connection.getMetaData()
				.getDatabaseProductName()
				.toLowerCase(Locale.ROOT)
				.contains("postgres"));
			this.postgres = result;
		}
		return result;
	}

	/** Logs a number whose transaction did not commit: it will never name a case. */
	private record UnusedNumberLog(String number) implements TransactionSynchronization {

		@Override
		public void afterCompletion(int status) {
			if (status != STATUS_COMMITTED) {
				log.warn("Tracking number {} unused: the transaction that took it did not commit (a gap in the series)",
						this.number);
			}
		}

	}

}
