package jp.localgov.casework.benchmark;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The application as it runs in production: the packaged jar in a JVM of its own with the
 * {@code postgres} profile, so its start-up time and resident memory are its own.
 */
final class ApplicationNode implements AutoCloseable {

	static final String ADMIN_PASSWORD = "Bench-Admin-Secret-2026";

	private final Process process;

	private final int port;

	private final Path log;

	private final double startSeconds;

	private ApplicationNode(Process process, int port, Path log, double startSeconds) {
		this.process = process;
		this.port = port;
		this.log = log;
		this.startSeconds = startSeconds;
	}

	static ApplicationNode start(String name, BenchmarkSettings settings, BenchmarkDatabase database, int smtpPort)
			throws Exception {
		int port = freePort();
		Path log = settings.outputDirectory().resolve(name + ".log");
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		for (String option : settings.applicationJvmOptions().split("\\s+")) {
			if (!option.isBlank()) {
				command.add(option);
			}
		}
		command.add("-Duser.timezone=Asia/Tokyo");
		command.add("-jar");
		command.add(settings.applicationJar().toString());
		command.add("--server.port=" + port);
		command.add("--spring.profiles.active=postgres");
		command.add("--spring.datasource.url=" + database.jdbcUrl(BenchmarkDatabase.APPLICATION));
		command.add("--spring.datasource.username=postgres");
		command.add("--spring.datasource.password=unused");
		command.add("--spring.mail.host=127.0.0.1");
		command.add("--spring.mail.port=" + smtpPort);
		command.add("--camunda.bpm.admin-user.password=" + ADMIN_PASSWORD);
		command.add("--casework.intake.rate-limit-per-minute=0");
		command.add("--casework.public-base-url=http://localhost:" + port);
		for (String argument : settings.applicationArguments().split("\\s+")) {
			if (!argument.isBlank()) {
				command.add(argument);
			}
		}
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
		long begin = System.nanoTime();
		Process process = builder.start();
		// Never leave the application running when the benchmark stops, whatever stopped
		// it.
		Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
		HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		long deadline = begin + TimeUnit.MINUTES.toNanos(5);
		while (System.nanoTime() < deadline) {
			if (!process.isAlive()) {
				throw new IllegalStateException("the application stopped during start-up; see " + log);
			}
			try {
				HttpResponse<String> health = client.send(
						HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health")).build(),
						HttpResponse.BodyHandlers.ofString());
				if (health.statusCode() == 200 && health.body().contains("UP")) {
					double seconds = (System.nanoTime() - begin) / 1e9;
					return new ApplicationNode(process, port, log, seconds);
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			Thread.sleep(100);
		}
		process.destroyForcibly();
		throw new IllegalStateException("the application did not start within 5 minutes; see " + log);
	}

	int port() {
		return this.port;
	}

	/** Seconds from launching the JVM to the first healthy answer. */
	double startSeconds() {
		return this.startSeconds;
	}

	/** What Spring Boot reports as its own start time, in seconds. */
	double reportedStartSeconds() throws IOException {
		for (String line : Files.readAllLines(this.log)) {
			int at = line.indexOf("Started CaseworkApplication in ");
			if (at >= 0) {
				String rest = line.substring(at + "Started CaseworkApplication in ".length());
				return Double.parseDouble(rest.substring(0, rest.indexOf(' ')));
			}
		}
		return Double.NaN;
	}

	/** Resident memory of the JVM (VmRSS), in MB. */
	double residentMegabytes() throws IOException {
		for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(this.process.pid()), "status"))) {
			if (line.startsWith("VmRSS:")) {
				return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
			}
		}
		return Double.NaN;
	}

	@Override
	public void close() throws InterruptedException {
		this.process.destroy();
		if (!this.process.waitFor(60, TimeUnit.SECONDS)) {
			this.process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
		}
	}

	static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
