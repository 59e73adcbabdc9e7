package jp.localgov.casework.benchmark;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Captures the SQL the engine sends for one Tasklist filter request from PostgreSQL's
 * statement log, and runs it again under {@code EXPLAIN (ANALYZE, BUFFERS)} with the same
 * parameters; the plans go to {@code explain/} beside the results.
 */
final class PlanCapture {

	private static final Pattern ENTRY = Pattern.compile("^\\d{4}-\\d{2}-\\d{2} [0-9:.]+ \\S+ \\[\\d+\\] ",
			Pattern.MULTILINE);

	private static final Pattern PARAMETER = Pattern.compile("\\$(\\d+) = ('(?:[^']|'')*'|NULL)");

	private PlanCapture() {
	}

	/** A statement as the engine sent it, with its parameters as SQL literals. */
	record Captured(String sql, List<String> parameters) {
	}

	/** The task queries PostgreSQL received while {@code request} ran. */
	static List<Captured> capture(BenchmarkDatabase database, Runnable request) throws Exception {
		Path log = database.logFile();
		long offset = Files.exists(log) ? Files.size(log) : 0;
		database.execute(BenchmarkDatabase.POSTGRES, "alter system set log_min_duration_statement = 0");
		database.execute(BenchmarkDatabase.POSTGRES, "select pg_reload_conf()");
		Thread.sleep(500);
		try {
			request.run();
		}
		finally {
			database.execute(BenchmarkDatabase.POSTGRES, "alter system reset log_min_duration_statement");
			database.execute(BenchmarkDatabase.POSTGRES, "select pg_reload_conf()");
		}
		Thread.sleep(500);
		String text = tail(log, offset);
		List<String> entries = new ArrayList<>();
		Matcher matcher = ENTRY.matcher(text);
		int previous = -1;
		while (matcher.find()) {
			if (previous >= 0) {
				entries.add(text.substring(previous, matcher.start()));
			}
			previous = matcher.start();
		}
		if (previous >= 0) {
			entries.add(text.substring(previous));
		}
		List<Captured> captured = new ArrayList<>();
		for (int i = 0; i < entries.size(); i++) {
			String entry = entries.get(i);
			int at = entry.indexOf("execute ");
			if (at < 0 || !entry.toUpperCase().contains("ACT_RU_TASK RES")) {
				continue;
			}
			String sql = entry.substring(entry.indexOf(':', at) + 1).trim();
			List<String> parameters = new ArrayList<>();
			if (i + 1 < entries.size() && entries.get(i + 1).toLowerCase().contains("detail:  parameters:")) {
				Matcher parameter = PARAMETER.matcher(entries.get(i + 1));
				while (parameter.find()) {
					parameters.add(parameter.group(2));
				}
			}
			else if (entry.toLowerCase().contains("detail:  parameters:")) {
				int detail = entry.toLowerCase().indexOf("detail:  parameters:");
				Matcher parameter = PARAMETER.matcher(entry.substring(detail));
				while (parameter.find()) {
					parameters.add(parameter.group(2));
				}
				sql = sql.substring(0, sql.toLowerCase().indexOf("detail:  parameters:")).trim();
			}
			captured.add(new Captured(sql, parameters));
		}
		return captured;
	}

	/** Writes the plans of the captured statements, measured if {@code analyze}. */
	static void explain(BenchmarkDatabase database, Path outputDirectory, String filterName, int size,
			List<Captured> statements, boolean analyze) throws Exception {
		StringBuilder out = new StringBuilder();
		out.append("Filter ").append(filterName).append(" at ").append(size).append(" open tasks\n\n");
		int number = 0;
		for (Captured statement : statements) {
			number++;
			out.append("-- statement ")
				.append(number)
				.append('\n')
				.append(statement.sql().replaceAll("\\s+", " "))
				.append("\n");
			out.append("-- parameters: ").append(statement.parameters()).append("\n\n");
			out.append(plan(database, statement.sql(), statement.parameters(), analyze)).append("\n\n");
		}
		Path directory = outputDirectory.resolve("explain");
		Files.createDirectories(directory);
		String file = filterName.replaceAll("[^\\p{L}\\p{N}]+", "_") + "-" + size + ".txt";
		Files.writeString(directory.resolve(file), out);
	}

	private static String plan(BenchmarkDatabase database, String sql, List<String> parameters, boolean analyze) {
		StringBuilder plan = new StringBuilder();
		try (Connection connection = database.pool(BenchmarkDatabase.APPLICATION).getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute("deallocate all");
			statement.execute("prepare bench_plan as " + sql);
			String arguments = parameters.isEmpty() ? "" : "(" + String.join(", ", parameters) + ")";
			statement.execute("set statement_timeout = '120s'");
			String explain = analyze ? "explain (analyze, buffers) execute bench_plan" : "explain execute bench_plan";
			if (!analyze) {
				plan.append("(too slow to run again under EXPLAIN ANALYZE; the plan without ANALYZE:)\n");
			}
			try (ResultSet result = statement.executeQuery(explain + arguments)) {
				while (result.next()) {
					plan.append(result.getString(1)).append('\n');
				}
			}
			catch (Exception ex) {
				plan.append("(EXPLAIN gave up: ").append(ex.getMessage()).append(")\n");
			}
			statement.execute("set statement_timeout = 0");
			statement.execute("deallocate bench_plan");
		}
		catch (Exception ex) {
			plan.append("(could not explain: ").append(ex.getMessage()).append(")\n");
		}
		return plan.toString();
	}

	private static String tail(Path file, long offset) throws IOException {
		try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
			raf.seek(offset);
			byte[] bytes = new byte[(int) (raf.length() - offset)];
			raf.readFully(bytes);
			return new String(bytes, StandardCharsets.UTF_8);
		}
	}

}
