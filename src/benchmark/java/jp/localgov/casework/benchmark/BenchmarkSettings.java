package jp.localgov.casework.benchmark;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * What one benchmark run does, from {@code -Dbenchmark.*} system properties; the defaults
 * fit a default run into about 15–20 minutes on two cores, {@code -Dbenchmark.quick=true}
 * into about three.
 */
record BenchmarkSettings(boolean quick, List<Integer> threads, Duration caseDuration, int intakeThreads,
		Duration intakeDuration, List<Integer> filterSizes, int filterRuns, int timers, Path outputDirectory,
		Path applicationJar, String applicationJvmOptions, String applicationArguments, boolean explain,
		java.util.Set<String> phases) {

	static BenchmarkSettings fromSystemProperties() {
		boolean quick = Boolean.getBoolean("benchmark.quick");
		String sizes = System.getProperty("benchmark.filter.sizes", quick ? "3000" : "3000,100000");
		if (Boolean.getBoolean("benchmark.filter.million")) {
			sizes = sizes + ",1000000";
		}
		return new BenchmarkSettings(quick, integers(System.getProperty("benchmark.threads", "1,2,4")),
				Duration.ofSeconds(Long.getLong("benchmark.case.seconds", quick ? 10 : 45)),
				Integer.getInteger("benchmark.intake.threads", 4),
				Duration.ofSeconds(Long.getLong("benchmark.intake.seconds", quick ? 10 : 30)), integers(sizes),
				Integer.getInteger("benchmark.filter.runs", quick ? 10 : 40),
				Integer.getInteger("benchmark.timers", quick ? 3_000 : 50_000),
				Path.of(System.getProperty("benchmark.output", "target/benchmark")).toAbsolutePath(),
				Path.of(System.getProperty("benchmark.jar", "target/casework.jar")).toAbsolutePath(),
				System.getProperty("benchmark.app.jvm-options", ""), System.getProperty("benchmark.app.args", ""),
				Boolean.parseBoolean(System.getProperty("benchmark.explain", "true")), java.util.Set.copyOf(Arrays
					.asList(System.getProperty("benchmark.phases", "cases,cleanup,intake,filters,timers").split(","))));
	}

	/** Whether the run includes a phase: cases, cleanup, intake, filters, timers. */
	boolean includes(String phase) {
		return this.phases.contains(phase);
	}

	private static List<Integer> integers(String list) {
		return Arrays.stream(list.split(","))
			.map(String::trim)
			.filter((item) -> !item.isEmpty())
			.map(Integer::valueOf)
			.distinct()
			.sorted()
			.toList();
	}

}
