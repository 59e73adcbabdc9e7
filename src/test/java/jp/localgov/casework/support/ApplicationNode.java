package jp.localgov.casework.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.concurrent.TimeUnit;

/**
 * One node of the application as its own JVM process, started from the test class path
 * with {@code java … CaseworkApplication}, as an operator would start the jar: it can be
 * killed ({@code SIGKILL}) or stopped ({@code SIGTERM}) like a real node. The node's
 * output goes to {@code target/cluster/<name>.log}.
 */
public final class ApplicationNode implements AutoCloseable {

	private static final String MAIN_CLASS = "jp.localgov.casework.CaseworkApplication";

	private final String name;

	private final int port;

	private final Process process;

	private final Path log;

	private ApplicationNode(String name, int port, Process process, Path log) {
		this.name = name;
		this.port = port;
		this.process = process;
		this.log = log;
	}

	/**
	 * Starts a node; it is ready after {@link #awaitReady}.
	 * @param name node name, also the lock owner of its jobs
	 * @param properties application properties, passed as {@code --key=value}
	 */
	public static ApplicationNode start(String name, Map<String, String> properties) {
		int port = freePort();
		Path directory = Path.of("target", "cluster");
		Path log = directory.resolve(name + ".log");
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.add("-Xmx640m");
		command.add("-XX:+UseSerialGC");
		command.add("-Duser.timezone=" + TimeZone.getDefault().getID());
		command.add("-Dfile.encoding=UTF-8");
		command.add("-cp");
		command.add(classPath());
		command.add(MAIN_CLASS);
		command.add("--server.port=" + port);
		command.add("--casework.node-name=" + name);
		properties.forEach((key, value) -> command.add("--" + key + "=" + value));
		try {
			Files.createDirectories(directory);
			Process process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(log.toFile())
				.start();
			return new ApplicationNode(name, port, process, log);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot start node " + name, ex);
		}
	}

	/**
	 * The class path of this test run (Surefire passes the real one in
	 * {@code surefire.test.class.path}, the JVM's own may be a manifest-only jar).
	 */
	private static String classPath() {
		return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
	}

	/** Waits until the node answers its health check with UP. */
	public void awaitReady(Duration timeout) {
		HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException(
						"Node " + this.name + " ended with " + this.process.exitValue() + ":\n" + logTail(60));
			}
			try {
				HttpResponse<String> health = client
					.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health"))
						.timeout(Duration.ofSeconds(5))
						.build(), HttpResponse.BodyHandlers.ofString());
				if (health.statusCode() == 200 && health.body().contains("\"UP\"")) {
					return;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
			sleep(500);
		}
		throw new IllegalStateException("Node " + this.name + " not ready after " + timeout + ":\n" + logTail(60));
	}

	/**
	 * Kills the node without warning ({@code SIGKILL}), as a crash or power cut would.
	 */
	public void kill() {
		this.process.destroyForcibly();
		waitFor(Duration.ofSeconds(30));
	}

	/**
	 * Stops the node as an orchestrator does ({@code SIGTERM}) and waits for it.
	 * @return the exit code
	 */
	public int terminate(Duration timeout) {
		this.process.destroy();
		return waitFor(timeout);
	}

	private int waitFor(Duration timeout) {
		try {
			if (!this.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
				this.process.destroyForcibly();
				this.process.waitFor(30, TimeUnit.SECONDS);
			}
			return this.process.exitValue();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	public boolean isAlive() {
		return this.process.isAlive();
	}

	public String name() {
		return this.name;
	}

	public String baseUrl() {
		return "http://localhost:" + this.port;
	}

	/** The node's output so far. */
	public String log() {
		try {
			return Files.readString(this.log, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			return "";
		}
	}

	private String logTail(int lines) {
		List<String> all = log().lines().toList();
		return String.join(System.lineSeparator(), all.subList(Math.max(0, all.size() - lines), all.size()));
	}

	@Override
	public void close() {
		if (this.process.isAlive()) {
			this.process.destroyForcibly();
			waitFor(Duration.ofSeconds(30));
		}
	}

	/** A port nobody listens on right now. */
	public static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			socket.setReuseAddress(true);
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
