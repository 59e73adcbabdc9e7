package jp.localgov.casework.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * One PostgreSQL server (binaries from Maven) holding the application's database and the
 * bare engine's, with durable commits as in production, and the SQL the benchmark needs
 * to look into both: sizes, row counts and bulk copies of open tasks.
 */
final class BenchmarkDatabase implements AutoCloseable {

	static final String APPLICATION = "casework";

	static final String BARE = "bare";

	static final String POSTGRES = "postgres";

	private final EmbeddedPostgres postgres;

	private final Path logDirectory;

	private final Map<String, HikariDataSource> pools = new LinkedHashMap<>();

	private BenchmarkDatabase(EmbeddedPostgres postgres, Path logDirectory) {
		this.postgres = postgres;
		this.logDirectory = logDirectory;
	}

	static BenchmarkDatabase start(Path outputDirectory) throws IOException, SQLException {
		Path data = outputDirectory.resolve("pgdata");
		Path logs = outputDirectory.resolve("postgres-log");
		Files.createDirectories(logs);
		if (Files.exists(data)) {
			try (var files = Files.walk(data)) {
				files.sorted(java.util.Comparator.reverseOrder()).forEach((file) -> file.toFile().delete());
			}
		}
		EmbeddedPostgres postgres = EmbeddedPostgres.builder()
			.setDataDirectory(data)
			.setCleanDataDirectory(!Boolean.getBoolean("benchmark.keep-database"))
			.setServerConfig("fsync", "on")
			.setServerConfig("synchronous_commit", "on")
			.setServerConfig("full_page_writes", "on")
			.setServerConfig("logging_collector", "on")
			.setServerConfig("log_directory", logs.toString())
			.setServerConfig("log_filename", "postgresql.log")
			.setServerConfig("log_lock_waits", "on")
			.setServerConfig("shared_preload_libraries", "pg_stat_statements")
			.start();
		BenchmarkDatabase database = new BenchmarkDatabase(postgres, logs);
		try (Connection connection = postgres.getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute("create database " + APPLICATION);
			statement.execute("create database " + BARE);
		}
		return database;
	}

	int port() {
		return this.postgres.getPort();
	}

	String jdbcUrl(String database) {
		return "jdbc:postgresql://localhost:" + port() + "/" + database;
	}

	Path logFile() {
		return this.logDirectory.resolve("postgresql.log");
	}

	/** A pooled data source, as the application and the engine use. */
	synchronized HikariDataSource pool(String database) {
		return this.pools.computeIfAbsent(database, (name) -> {
			HikariConfig config = new HikariConfig();
			config.setJdbcUrl(jdbcUrl(name));
			config.setUsername("postgres");
			config.setMaximumPoolSize(10);
			config.setPoolName("bench-" + name);
			config.setConnectionInitSql("set statement_timeout = 0");
			return new HikariDataSource(config);
		});
	}

	String version() throws SQLException {
		return queryString(APPLICATION, "select version()");
	}

	void execute(String database, String sql) throws SQLException {
		try (Connection connection = pool(database).getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

	long queryLong(String database, String sql) throws SQLException {
		try (Connection connection = pool(database).getConnection();
				Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery(sql)) {
			result.next();
			return result.getLong(1);
		}
	}

	String queryString(String database, String sql) throws SQLException {
		try (Connection connection = pool(database).getConnection();
				Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery(sql)) {
			result.next();
			return result.getString(1);
		}
	}

	List<String> queryStrings(String database, String sql) throws SQLException {
		List<String> values = new ArrayList<>();
		try (Connection connection = pool(database).getConnection();
				Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery(sql)) {
			while (result.next()) {
				values.add(result.getString(1));
			}
		}
		return values;
	}

	/** Rows and bytes (table, indexes and TOAST) of every table, after a vacuum. */
	Map<String, long[]> snapshot(String database) throws SQLException {
		execute(database, "vacuum analyze");
		Map<String, long[]> tables = new TreeMap<>();
		for (String table : queryStrings(database,
				"select tablename from pg_tables where schemaname = 'public' order by tablename")) {
			long rows = queryLong(database, "select count(*) from \"" + table + "\"");
			long bytes = queryLong(database, "select pg_total_relation_size('public.\"" + table + "\"')");
			tables.put(table, new long[] { rows, bytes });
		}
		tables.put("(database)", new long[] { 0, queryLong(database, "select pg_database_size(current_database())") });
		return tables;
	}

	/**
	 * Copies open tasks with everything a task query joins (identity links, the
	 * authorization rows Camunda created for them, task-local variables), {@code copies}
	 * times each, with new ids and spread creation times.
	 */
	void copyTasks(String database, List<String> templateTaskIds, int copies) throws SQLException {
		if (copies <= 0 || templateTaskIds.isEmpty()) {
			return;
		}
		String templates = String.join(",", templateTaskIds.stream().map((id) -> "'" + id + "'").toList());
		try (Connection connection = pool(database).getConnection();
				Statement statement = connection.createStatement()) {
			connection.setAutoCommit(false);
			statement.execute("create temporary table bench_copy on commit drop as "
					+ "select t.id_ as old_id, gen_random_uuid()::text as new_id, g as n "
					+ "from act_ru_task t cross join generate_series(1, " + copies + ") g where t.id_ in (" + templates
					+ ")");
			statement.execute(copySql(connection, "act_ru_task", "id_", Map.of("id_", "m.new_id", "create_time_",
					"x.create_time_ - (m.n * interval '7 second')", "rev_", "1"), "x.id_ = m.old_id"));
			statement.execute(copySql(connection, "act_ru_identitylink", "task_id_",
					Map.of("id_", "gen_random_uuid()::text", "task_id_", "m.new_id"), "x.task_id_ = m.old_id"));
			statement.execute(copySql(connection, "act_ru_authorization", "resource_id_",
					Map.of("id_", "gen_random_uuid()::text", "resource_id_", "m.new_id"),
					"x.resource_id_ = m.old_id and x.resource_type_ = 7"));
			statement.execute(copySql(connection, "act_ru_variable", "task_id_",
					Map.of("id_", "gen_random_uuid()::text", "task_id_", "m.new_id", "var_scope_", "m.new_id"),
					"x.task_id_ = m.old_id"));
			connection.commit();
		}
	}

	private static String copySql(Connection connection, String table, String keyColumn, Map<String, String> overrides,
			String join) throws SQLException {
		List<String> columns = new ArrayList<>();
		try (ResultSet result = connection.getMetaData().getColumns(null, "public", table, null)) {
			while (result.next()) {
				columns.add(result.getString("COLUMN_NAME").toLowerCase());
			}
		}
		List<String> values = columns.stream().map((column) -> overrides.getOrDefault(column, "x." + column)).toList();
		return "insert into " + table + " (" + String.join(",", columns) + ") select " + String.join(",", values)
				+ " from " + table + " x join bench_copy m on " + join;
	}

	@Override
	public void close() throws IOException {
		this.pools.values().forEach(HikariDataSource::close);
		this.postgres.close();
	}

}
