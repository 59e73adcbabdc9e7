package jp.localgov.casework.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * The performance benchmark: the application's inquiry over real HTTP beside the bare
 * Camunda engine, intake, bytes and history rows per case before and after history
 * cleanup, the stored Tasklist filters at growing numbers of open tasks, due timers on
 * one and two nodes, start-up time and memory. Prints a table and writes
 * {@code results.json}, {@code results.md}, charts and query plans to
 * {@code target/benchmark}.
 */
public final class Benchmark {

	/** A filter call slower than this is measured once, not repeated. */
	private static final int SLOW_SECONDS = 5;

	/** Limit of one filter query in the database during the filter measurements. */
	private static final int STATEMENT_TIMEOUT_SECONDS = 60;

	private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

	private final BenchmarkSettings settings;

	private final ObjectNode results = JSON.createObjectNode();

	private BenchmarkDatabase database;

	private GreenMail smtp;

	private Benchmark(BenchmarkSettings settings) {
		this.settings = settings;
	}

	public static void main(String[] args) throws Exception {
		BenchmarkSettings settings = BenchmarkSettings.fromSystemProperties();
		Files.createDirectories(settings.outputDirectory());
		new Benchmark(settings).run();
	}

	private void run() throws Exception {
		long begin = System.nanoTime();
		this.results.put("started", Instant.now().toString());
		this.results.set("settings",
				JSON.valueToTree(Map.of("quick", this.settings.quick(), "threads", this.settings.threads(),
						"caseSeconds", this.settings.caseDuration().toSeconds(), "intakeSeconds",
						this.settings.intakeDuration().toSeconds(), "filterSizes", this.settings.filterSizes(),
						"filterRuns", this.settings.filterRuns(), "timers", this.settings.timers())));
		this.smtp = new GreenMail(new ServerSetup(ApplicationNode.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		this.smtp.start();
		try (BenchmarkDatabase db = BenchmarkDatabase.start(this.settings.outputDirectory())) {
			this.database = db;
			this.results.set("machine", Machine.describe(db.version()));
			db.execute(BenchmarkDatabase.APPLICATION, "create extension if not exists pg_stat_statements");
			log("PostgreSQL " + db.version());

			ApplicationNode first = ApplicationNode.start("app-first-start", this.settings, db,
					this.smtp.getSmtp().getPort());
			ObjectNode start = this.results.putObject("startup");
			start.put("firstStartEmptyDatabaseSeconds", first.startSeconds());
			new CaseworkClient(first.port()).createStaff();
			first.close();
			ApplicationNode node = ApplicationNode.start("app", this.settings, db, this.smtp.getSmtp().getPort());
			start.put("coldStartSeconds", node.startSeconds());
			start.put("coldStartReportedBySpringSeconds", node.reportedStartSeconds());
			start.put("rssAfterStartMb", node.residentMegabytes());
			log("started: first %.1f s, cold start %.1f s".formatted(first.startSeconds(), node.startSeconds()));
			CaseworkClient client = new CaseworkClient(node.port());

			try (BareEngine bare = BareEngine.start("bare", db.pool(BenchmarkDatabase.BARE), true)) {
				bare.deployCaseModel();
				if (this.settings.includes("cases")) {
					cases(client, bare);
					save();
					if (this.settings.includes("cleanup")) {
						cleanup(client, bare);
						save();
					}
				}
				if (this.settings.includes("intake")) {
					intake(client);
					save();
				}
				if (this.settings.includes("filters")) {
					filters(client, bare);
					save();
				}
			}
			if (this.settings.includes("timers")) {
				timers(node);
			}
			start.put("rssAfterLoadMb", node.residentMegabytes());
			node.close();
		}
		finally {
			this.smtp.stop();
		}
		this.results.put("totalSeconds", (System.nanoTime() - begin) / 1e9);
		this.results.with("machine").put("loadAverageAtEnd", Machine.loadAverage());
		Path json = this.settings.outputDirectory().resolve("results.json");
		JSON.writeValue(json.toFile(), this.results);
		Report.write(this.results, this.settings.outputDirectory());
		log("results in " + json);
	}

	/**
	 * Writes what was measured so far, so a run stopped half-way still leaves its
	 * results.
	 */
	private void save() throws java.io.IOException {
		JSON.writeValue(this.settings.outputDirectory().resolve("results.json").toFile(), this.results);
	}

	// Inquiry end to end beside the bare engine

	private void cases(CaseworkClient client, BareEngine bare) throws Exception {
		log("warming up");
		for (int i = 0; i < 5; i++) {
			client.runCase("warmup-" + i);
		}
		for (int i = 0; i < 50; i++) {
			bare.runCase("warmup-" + i);
		}
		waitForMail();
		Map<String, long[]> appBefore = this.database.snapshot(BenchmarkDatabase.APPLICATION);
		Map<String, long[]> bareBefore = this.database.snapshot(BenchmarkDatabase.BARE);
		this.database.execute(BenchmarkDatabase.APPLICATION, "select pg_stat_statements_reset()");
		int mailsBefore = this.smtp.getReceivedMessages().length;
		ArrayNode rows = this.results.putArray("cases");
		int appCases = 0;
		int bareCases = 0;
		for (int threads : this.settings.threads()) {
			Load.Result app = Load.run(threads, this.settings.caseDuration(),
					(worker, sequence) -> client.runCase("t" + threads + "w" + worker + "n" + sequence));
			Load.Result plain = Load.run(threads, this.settings.caseDuration(),
					(worker, sequence) -> bare.runCase("T" + threads + "-" + worker + "-" + sequence));
			appCases += app.completed();
			bareCases += plain.completed();
			ObjectNode row = rows.addObject();
			row.put("threads", threads);
			row.set("application", JSON.valueToTree(app));
			row.set("bare", JSON.valueToTree(plain));
			row.put("ratio", app.perSecond() / plain.perSecond());
			log("cases, %d threads: application %.2f/s (p50 %.0f ms, %d failed), bare %.2f/s, ratio %.3f".formatted(
					threads, app.perSecond(), app.p50(), app.failed(), plain.perSecond(),
					app.perSecond() / plain.perSecond()));
		}
		this.results.set("topStatementsDuringCases", topStatements());
		waitForMail();
		ObjectNode storage = this.results.putObject("storage");
		Map<String, long[]> appAfter = this.database.snapshot(BenchmarkDatabase.APPLICATION);
		Map<String, long[]> bareAfter = this.database.snapshot(BenchmarkDatabase.BARE);
		storage.set("application", perCase(appBefore, appAfter, appCases));
		storage.set("bare", perCase(bareBefore, bareAfter, bareCases));
		storage.put("applicationCases", appCases);
		storage.put("bareCases", bareCases);
		storage.put("mailsReceived", this.smtp.getReceivedMessages().length - mailsBefore);
		this.smtp.purgeEmailFromAllMailboxes();
	}

	private ObjectNode perCase(Map<String, long[]> before, Map<String, long[]> after, int cases) {
		ObjectNode node = JSON.createObjectNode();
		ObjectNode tables = node.putObject("tables");
		long historyRows = 0;
		long rows = 0;
		for (Map.Entry<String, long[]> entry : after.entrySet()) {
			long[] was = before.getOrDefault(entry.getKey(), new long[2]);
			long rowDelta = entry.getValue()[0] - was[0];
			long byteDelta = entry.getValue()[1] - was[1];
			if (entry.getKey().equals("(database)")) {
				node.put("databaseBytesPerCase", byteDelta / (double) cases);
				continue;
			}
			if (rowDelta != 0 || byteDelta != 0) {
				ObjectNode table = tables.putObject(entry.getKey());
				table.put("rowsPerCase", rowDelta / (double) cases);
				table.put("bytesPerCase", byteDelta / (double) cases);
			}
			rows += rowDelta;
			if (entry.getKey().startsWith("act_hi_")) {
				historyRows += rowDelta;
			}
		}
		node.put("rowsPerCase", rows / (double) cases);
		node.put("historyRowsPerCase", historyRows / (double) cases);
		return node;
	}

	private ArrayNode topStatements() throws Exception {
		ArrayNode statements = JSON.createArrayNode();
		Path file = this.settings.outputDirectory().resolve("top-statements.txt");
		StringBuilder text = new StringBuilder();
		try (var connection = this.database.pool(BenchmarkDatabase.APPLICATION).getConnection();
				var statement = connection.createStatement();
				var result = statement.executeQuery("select calls, total_exec_time, mean_exec_time, rows, query "
						+ "from pg_stat_statements where dbid = (select oid from pg_database where datname = current_database()) "
						+ "order by total_exec_time desc limit 25")) {
			while (result.next()) {
				ObjectNode row = statements.addObject();
				row.put("calls", result.getLong(1));
				row.put("totalMs", result.getDouble(2));
				row.put("meanMs", result.getDouble(3));
				row.put("rows", result.getLong(4));
				String query = result.getString(5).replaceAll("\\s+", " ");
				row.put("query", query.substring(0, Math.min(400, query.length())));
				text.append("%8d calls %10.0f ms total %8.2f ms mean  %s%n%n".formatted(result.getLong(1),
						result.getDouble(2), result.getDouble(3), query));
			}
		}
		Files.writeString(file, text);
		return statements;
	}

	private void waitForMail() throws Exception {
		waitUntil(Duration.ofMinutes(5), () -> count(
				"select count(*) from act_ru_job where process_def_key_ = 'OutgoingMail' and retries_ > 0") == 0);
	}

	// History cleanup

	private void cleanup(CaseworkClient client, BareEngine bare) throws Exception {
		ObjectNode cleanup = this.results.putObject("cleanup");
		long finished = count("select count(*) from act_hi_procinst where end_time_ is not null");
		long historyRows = historyRows(BenchmarkDatabase.APPLICATION);
		long begin = System.nanoTime();
		CaseworkClient.expect(client.admin("POST", "/engine-rest/history/process-instance/set-removal-time", """
				{"absoluteRemovalTime":"2020-01-01T00:00:00.000+0000","hierarchical":true,
				 "historicProcessInstanceQuery":{"finished":true}}"""), 200);
		waitUntil(Duration.ofMinutes(10), () -> count("select count(*) from act_ru_batch") == 0);
		double removalTimeSeconds = (System.nanoTime() - begin) / 1e9;
		long cleanupBegin = System.nanoTime();
		long lastChange = cleanupBegin;
		long rows = instanceHistoryRows(BenchmarkDatabase.APPLICATION);
		int idle = 0;
		for (int round = 0; idle < 2 && round < 200; round++) {
			// The cleanup job may be running: a concurrent reschedule is refused, and
			// retried next round.
			client.admin("POST", "/engine-rest/history/cleanup?immediatelyDue=true", null);
			long was = rows;
			long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
			while (rows == was && System.nanoTime() < deadline) {
				Thread.sleep(250);
				rows = instanceHistoryRows(BenchmarkDatabase.APPLICATION);
			}
			if (rows == was) {
				idle++;
			}
			else {
				idle = 0;
				lastChange = System.nanoTime();
			}
		}
		long left = count("select count(*) from act_hi_procinst where end_time_ is not null");
		double seconds = Math.max(0.001, (lastChange - cleanupBegin) / 1e9);
		ObjectNode app = cleanup.putObject("application");
		app.put("finishedInstancesBefore", finished);
		app.put("finishedInstancesAfter", left);
		app.put("historyRowsBefore", historyRows);
		app.put("historyRowsAfter", historyRows(BenchmarkDatabase.APPLICATION));
		app.put("setRemovalTimeSeconds", removalTimeSeconds);
		app.put("cleanupSeconds", seconds);
		app.put("instancesPerSecond", (finished - left) / seconds);
		app.put("historyRowsPerSecond", (historyRows - historyRows(BenchmarkDatabase.APPLICATION)) / seconds);
		app.set("tablesAfter", rowsAfterCleanup(BenchmarkDatabase.APPLICATION));
		log("cleanup application: %d of %d instances in %.1f s".formatted(finished - left, finished, seconds));

		long bareFinished = bare.finishedInstances();
		long bareRows = historyRows(BenchmarkDatabase.BARE);
		long bareBegin = System.nanoTime();
		long removed = bare.cleanUpFinished(Date.from(Instant.parse("2020-01-01T00:00:00Z")), () -> {
			try {
				return instanceHistoryRows(BenchmarkDatabase.BARE);
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		});
		double bareSeconds = (System.nanoTime() - bareBegin) / 1e9;
		ObjectNode plain = cleanup.putObject("bare");
		plain.put("finishedInstancesBefore", bareFinished);
		plain.put("finishedInstancesAfter", bare.finishedInstances());
		plain.put("historyRowsBefore", bareRows);
		plain.put("historyRowsAfter", historyRows(BenchmarkDatabase.BARE));
		plain.put("cleanupSeconds", bareSeconds);
		plain.put("instancesPerSecond", removed / bareSeconds);
		plain.put("historyRowsPerSecond", (bareRows - historyRows(BenchmarkDatabase.BARE)) / bareSeconds);
		plain.set("tablesAfter", rowsAfterCleanup(BenchmarkDatabase.BARE));
		log("cleanup bare: %d of %d instances in %.1f s".formatted(removed, bareFinished, bareSeconds));
	}

	private long historyRows(String database) throws Exception {
		long rows = 0;
		for (String table : this.database.queryStrings(database,
				"select tablename from pg_tables where schemaname = 'public' and (tablename like 'act_hi_%' or tablename = 'act_ge_bytearray')")) {
			rows += this.database.queryLong(database, "select count(*) from " + table);
		}
		return rows;
	}

	/**
	 * Rows of the history of process instances themselves (not of the cleanup's own
	 * jobs).
	 */
	private long instanceHistoryRows(String database) throws Exception {
		return this.database.queryLong(database,
				"select (select count(*) from act_hi_procinst) "
						+ "+ (select count(*) from act_hi_actinst) + (select count(*) from act_hi_taskinst) "
						+ "+ (select count(*) from act_hi_varinst) + (select count(*) from act_hi_detail) "
						+ "+ (select count(*) from act_hi_identitylink) + (select count(*) from act_hi_decinst)");
	}

	private ObjectNode rowsAfterCleanup(String database) throws Exception {
		ObjectNode tables = JSON.createObjectNode();
		for (Map.Entry<String, long[]> entry : this.database.snapshot(database).entrySet()) {
			if (entry.getValue()[0] > 0) {
				tables.put(entry.getKey(), entry.getValue()[0]);
			}
		}
		return tables;
	}

	// Intake

	private void intake(CaseworkClient client) throws Exception {
		int threads = this.settings.intakeThreads();
		Load.Result result = Load.run(threads, this.settings.intakeDuration(),
				(worker, sequence) -> client.submit("intake-" + worker + "-" + sequence));
		this.results.set("intake", JSON.valueToTree(result));
		log("intake, %d threads: %.1f submissions/s (p50 %.0f ms, p95 %.0f ms, %d failed)".formatted(threads,
				result.perSecond(), result.p50(), result.p95(), result.failed()));
	}

	// Tasklist filters

	private void filters(CaseworkClient client, BareEngine bare) throws Exception {
		log("preparing task templates");
		String reception = client.submit("template-reception");
		String assign = client.submit("template-assign");
		client.receive(assign);
		String answer = client.submit("template-answer");
		client.receive(answer);
		client.assignStaff(answer);
		client.answer(answer, "INTERIM", "確認しております。");
		String overdue = client.submit("template-overdue");
		String overdueTask = taskId(client, overdue);
		CaseworkClient.expect(client.admin("PUT", "/engine-rest/task/" + overdueTask + "/localVariables/overdue",
				"{\"value\":true,\"type\":\"Boolean\"}"), 204);
		Map<String, Double> appMix = new LinkedHashMap<>();
		appMix.put(taskId(client, reception), 0.29);
		appMix.put(overdueTask, 0.01);
		appMix.put(taskId(client, assign), 0.2);
		appMix.put(taskId(client, answer), 0.5);
		List<String> bareTemplates = bare.openTemplateTasks();
		Map<String, Double> bareMix = new LinkedHashMap<>();
		bareMix.put(bareTemplates.get(0), 0.3);
		bareMix.put(bareTemplates.get(1), 0.7);

		ArrayNode sizes = this.results.putArray("filters");
		// A filter query running for minutes would hold a core long after the client gave
		// up.
		this.database.execute(BenchmarkDatabase.POSTGRES,
				"alter system set statement_timeout = '" + STATEMENT_TIMEOUT_SECONDS + "s'");
		this.database.execute(BenchmarkDatabase.POSTGRES, "select pg_reload_conf()");
		Map<String, List<PlanCapture.Captured>> captured = new LinkedHashMap<>();
		for (int size : this.settings.filterSizes()) {
			fill(BenchmarkDatabase.APPLICATION, size, appMix);
			fill(BenchmarkDatabase.BARE, size, bareMix);
			ObjectNode row = sizes.addObject();
			row.put("statementTimeoutSeconds", STATEMENT_TIMEOUT_SECONDS);
			row.put("openTasks", count("select count(*) from act_ru_task"));
			row.put("authorizationRows", count("select count(*) from act_ru_authorization"));
			ArrayNode measured = row.putArray("filters");
			for (JsonNode filter : client.filters(CaseworkClient.DESK)) {
				String id = filter.get("id").asText();
				String name = filter.get("name").asText();
				Stats page = new Stats();
				Stats counts = new Stats();
				long[] total = new long[1];
				boolean pageOk = measure(page, () -> {
					try {
						total[0] = client.read(client.filterPage(id, CaseworkClient.DESK).body()).get("count").asLong();
					}
					catch (Exception ex) {
						throw new IllegalStateException(ex);
					}
				});
				boolean countOk = measure(counts, () -> {
					try {
						client.filterCount(id, CaseworkClient.DESK);
					}
					catch (Exception ex) {
						throw new IllegalStateException(ex);
					}
				});
				ObjectNode result = measured.addObject();
				result.put("name", name);
				result.put("visibleTasks", total[0]);
				result.put("pageP50", page.p50());
				result.put("pageP95", page.p95());
				result.put("countP50", counts.p50());
				result.put("countP95", counts.p95());
				result.put("runs", page.count());
				result.put("completed", pageOk && countOk);
				log("%,d tasks, %s (%d visible): page p50 %.1f / p95 %.1f ms, count p50 %.1f / p95 %.1f ms"
					.formatted(size, name, total[0], page.p50(), page.p95(), counts.p50(), counts.p95()));
				if (this.settings.explain()) {
					if (!captured.containsKey(name)) {
						captured.put(name, PlanCapture.capture(this.database, () -> {
							try {
								client.filterPage(id, CaseworkClient.DESK);
								client.filterCount(id, CaseworkClient.DESK);
							}
							catch (Exception ex) {
								throw new IllegalStateException(ex);
							}
						}));
					}
					if (size <= 100_000) {
						boolean fast = page.p95() < SLOW_SECONDS * 1000 && counts.p95() < SLOW_SECONDS * 1000;
						PlanCapture.explain(this.database, this.settings.outputDirectory(), name, size,
								captured.get(name), fast);
					}
				}
			}
			Stats barePage = new Stats();
			Stats bareCount = new Stats();
			measure(barePage, bare::candidateGroupPage);
			measure(bareCount, bare::candidateGroupCount);
			ObjectNode plain = row.putObject("bare");
			plain.put("openTasks", this.database.queryLong(BenchmarkDatabase.BARE, "select count(*) from act_ru_task"));
			plain.put("visibleTasks", bare.candidateGroupCount());
			plain.put("pageP50", barePage.p50());
			plain.put("pageP95", barePage.p95());
			plain.put("countP50", bareCount.p50());
			plain.put("countP95", bareCount.p95());
			log("%,d tasks, bare candidate-group query: page p50 %.2f / p95 %.2f ms, count p50 %.2f / p95 %.2f ms"
				.formatted(size, barePage.p50(), barePage.p95(), bareCount.p50(), bareCount.p95()));
		}
		endStatementTimeout();
	}

	private void endStatementTimeout() throws Exception {
		this.database.execute(BenchmarkDatabase.POSTGRES, "alter system reset statement_timeout");
		this.database.execute(BenchmarkDatabase.POSTGRES, "select pg_reload_conf()");
	}

	private String taskId(CaseworkClient client, String number) throws Exception {
		return client
			.read(CaseworkClient.expect(
					client.admin("GET", "/engine-rest/task?maxResults=15&processInstanceBusinessKey=" + number, null),
					200)
				.body())
			.get(0)
			.get("id")
			.asText();
	}

	private void fill(String database, int size, Map<String, Double> mix) throws Exception {
		long open = this.database.queryLong(database, "select count(*) from act_ru_task");
		long missing = size - open;
		if (missing <= 0) {
			return;
		}
		long begin = System.nanoTime();
		long chunk = 200_000;
		for (Map.Entry<String, Double> template : mix.entrySet()) {
			long copies = Math.round(missing * template.getValue());
			for (long done = 0; done < copies; done += chunk) {
				this.database.copyTasks(database, List.of(template.getKey()), (int) Math.min(chunk, copies - done));
			}
		}
		this.database.execute(database, "vacuum analyze");
		log("%s: %,d open tasks (copied in %.1f s)".formatted(database,
				this.database.queryLong(database, "select count(*) from act_ru_task"),
				(System.nanoTime() - begin) / 1e9));
	}

	/**
	 * Times a call: warm-up, then up to {@code benchmark.filter.runs} runs within a time
	 * budget. A call slower than {@value #SLOW_SECONDS} s is measured once; one the
	 * database gives up on (statement timeout) counts with the time it took.
	 * @return false if a call failed
	 */
	private boolean measure(Stats stats, Runnable call) {
		long budget = Duration.ofSeconds(this.settings.quick() ? 5 : 20).toNanos();
		long first = System.nanoTime();
		boolean ok = timed(call);
		long firstNanos = System.nanoTime() - first;
		if (!ok || firstNanos > Duration.ofSeconds(SLOW_SECONDS).toNanos()) {
			stats.add(firstNanos);
			return ok;
		}
		long warmUp = System.nanoTime();
		boolean warm = timed(call);
		long warmNanos = System.nanoTime() - warmUp;
		if (!warm || warmNanos > Duration.ofSeconds(SLOW_SECONDS).toNanos()) {
			stats.add(warmNanos);
			return warm;
		}
		long begin = System.nanoTime();
		for (int i = 0; i < this.settings.filterRuns(); i++) {
			long start = System.nanoTime();
			ok &= timed(call);
			long took = System.nanoTime() - start;
			stats.add(took);
			if (!ok || took > Duration.ofSeconds(SLOW_SECONDS).toNanos()
					|| (i >= 4 && System.nanoTime() - begin > budget)) {
				break;
			}
		}
		return ok;
	}

	private static boolean timed(Runnable call) {
		try {
			call.run();
			return true;
		}
		catch (RuntimeException ex) {
			log("call failed: " + ex.getMessage());
			return false;
		}
	}

	private boolean measure(Stats stats, Supplier<Long> call) {
		return measure(stats, (Runnable) call::get);
	}

	// Timers

	private void timers(ApplicationNode node) throws Exception {
		ObjectNode timers = this.results.putObject("timers");
		int count = this.settings.timers();
		timers.put("timers", count);
		try (BareEngine seeder = BareEngine.start("timer-seeder", this.database.pool(BenchmarkDatabase.APPLICATION),
				false)) {
			seeder.deployTimerModel();
			seed(seeder, 0, count);
			timers.set("oneNode", drain(count));
			ApplicationNode second = ApplicationNode.start("app-node2", this.settings, this.database,
					this.smtp.getSmtp().getPort());
			try {
				this.results.with("startup").put("secondNodeColdStartSeconds", second.startSeconds());
				seed(seeder, count, count);
				timers.set("twoNodes", drain(count));
				this.results.with("startup").put("secondNodeRssAfterLoadMb", second.residentMegabytes());
			}
			finally {
				second.close();
			}
		}
	}

	private void seed(BareEngine seeder, int from, int count) throws Exception {
		long begin = System.nanoTime();
		int threads = 2;
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		try {
			List<Future<?>> parts = new ArrayList<>();
			int share = count / threads;
			for (int i = 0; i < threads; i++) {
				int start = from + i * share;
				int size = i == threads - 1 ? count - share * (threads - 1) : share;
				parts.add(pool.submit(() -> seeder.startTimerInstances(start, size)));
			}
			for (Future<?> part : parts) {
				part.get();
			}
		}
		finally {
			pool.shutdown();
		}
		log("%,d timers created in %.1f s".formatted(count, (System.nanoTime() - begin) / 1e9));
	}

	private ObjectNode drain(int count) throws Exception {
		String pending = "select count(*) from act_ru_job where process_def_key_ = '" + BareEngine.TIMER_PROCESS_KEY
				+ "'";
		long begin = System.nanoTime();
		this.database.execute(BenchmarkDatabase.APPLICATION,
				"update act_ru_job set duedate_ = now() - interval '1 second' " + "where process_def_key_ = '"
						+ BareEngine.TIMER_PROCESS_KEY + "'");
		long limit = Duration.ofSeconds(Long.getLong("benchmark.timers.max-seconds", this.settings.quick() ? 120 : 300))
			.toNanos();
		long firstDone = -1;
		long left = count;
		while (left > 0 && System.nanoTime() - begin < limit) {
			Thread.sleep(250);
			left = count(pending);
			if (firstDone < 0 && left < count) {
				firstDone = System.nanoTime();
			}
		}
		double seconds = (System.nanoTime() - begin) / 1e9;
		ObjectNode result = JSON.createObjectNode();
		result.put("drained", count - left);
		result.put("seconds", seconds);
		result.put("secondsToFirstJob", firstDone < 0 ? Double.NaN : (firstDone - begin) / 1e9);
		result.put("perSecond", (count - left) / seconds);
		result.put("complete", left == 0);
		if (left > 0) {
			this.database.execute(BenchmarkDatabase.APPLICATION,
					"delete from act_ru_job where process_def_key_ = '" + BareEngine.TIMER_PROCESS_KEY + "'");
		}
		log("timers: %,d of %,d drained in %.1f s (%.0f/s)".formatted(count - left, count, seconds,
				(count - left) / seconds));
		return result;
	}

	// Helpers

	private long count(String sql) throws Exception {
		return this.database.queryLong(BenchmarkDatabase.APPLICATION, sql);
	}

	interface Check {

		boolean done() throws Exception;

	}

	private static void waitUntil(Duration limit, Check check) throws Exception {
		long deadline = System.nanoTime() + limit.toNanos();
		while (!check.done()) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("gave up waiting after " + limit);
			}
			Thread.sleep(250);
		}
	}

	static void log(String message) {
		System.out.printf("[benchmark %tT] %s%n", new Date(), message);
	}

}
