package jp.localgov.casework.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries.CategorySeriesRenderStyle;
import org.knowm.xchart.style.Styler;

/**
 * The results as a Markdown table on the console and in {@code results.md}, and as
 * charts.
 */
final class Report {

	private Report() {
	}

	/**
	 * Renders a {@code results.json} again: {@code Report <results.json> <directory>}.
	 */
	public static void main(String[] args) throws IOException {
		Path json = Path.of(args.length > 0 ? args[0] : "target/benchmark/results.json");
		write(new com.fasterxml.jackson.databind.ObjectMapper().readTree(json.toFile()),
				args.length > 1 ? Path.of(args[1]) : json.getParent());
	}

	static void write(JsonNode results, Path directory) throws IOException {
		String text = markdown(results);
		System.out.println();
		System.out.println(text);
		Files.writeString(directory.resolve("results.md"), text);
		throughputChart(results, directory.resolve("throughput.png"));
		filterChart(results, directory.resolve("filters.png"));
	}

	static String markdown(JsonNode r) {
		StringBuilder out = new StringBuilder();
		JsonNode m = r.path("machine");
		out.append("Machine: %s cores (%s), %,d MB RAM, %s, %s%n%n".formatted(m.path("cores").asText(),
				m.path("processor").asText(), m.path("memoryMb").asLong(), m.path("java").asText(),
				m.path("postgres").asText().replaceAll(" on .*", "")));

		out.append("| inquiry end to end | this application | bare engine | ratio |\n| --- | --- | --- | --- |\n");
		for (JsonNode row : r.path("cases")) {
			JsonNode app = row.path("application");
			JsonNode bare = row.path("bare");
			out.append(
					"| cases/s, %d client thread%s | %.2f (p50 %.0f ms, p95 %.0f ms%s) | %.1f (p50 %.1f ms) | %.3f |%n"
						.formatted(row.path("threads").asInt(), row.path("threads").asInt() == 1 ? "" : "s",
								app.path("perSecond").asDouble(), app.path("p50").asDouble(),
								app.path("p95").asDouble(),
								app.path("failed").asInt() > 0 ? ", " + app.path("failed").asInt() + " failed" : "",
								bare.path("perSecond").asDouble(), bare.path("p50").asDouble(),
								row.path("ratio").asDouble()));
		}
		if (!r.has("storage")) {
			out.append("(no cases measured in this run)\n");
		}
		JsonNode storage = r.path("storage");
		JsonNode appStore = storage.path("application");
		JsonNode bareStore = storage.path("bare");
		out.append("| database growth per closed case | %s | %s | %.1f× |%n".formatted(
				kb(appStore.path("databaseBytesPerCase").asDouble()),
				kb(bareStore.path("databaseBytesPerCase").asDouble()),
				appStore.path("databaseBytesPerCase").asDouble() / bareStore.path("databaseBytesPerCase").asDouble()));
		out.append("| history rows per case | %.1f | %.1f | %.1f× |%n".formatted(
				appStore.path("historyRowsPerCase").asDouble(), bareStore.path("historyRowsPerCase").asDouble(),
				appStore.path("historyRowsPerCase").asDouble() / bareStore.path("historyRowsPerCase").asDouble()));
		JsonNode cleanup = r.path("cleanup");
		out.append("| history cleanup: rows left after TTL | %d of %d | %d of %d | |%n".formatted(
				cleanup.path("application").path("historyRowsAfter").asLong(),
				cleanup.path("application").path("historyRowsBefore").asLong(),
				cleanup.path("bare").path("historyRowsAfter").asLong(),
				cleanup.path("bare").path("historyRowsBefore").asLong()));
		out.append("| history cleanup throughput | %.1f cases/s (%,.0f rows/s) | %.1f cases/s (%,.0f rows/s) | |%n"
			.formatted(cleanup.path("application").path("instancesPerSecond").asDouble(),
					cleanup.path("application").path("historyRowsPerSecond").asDouble(),
					cleanup.path("bare").path("instancesPerSecond").asDouble(),
					cleanup.path("bare").path("historyRowsPerSecond").asDouble()));
		JsonNode intake = r.path("intake");
		out.append("| intake, %d client threads | %.1f submissions/s (p50 %.0f ms, p95 %.0f ms, %d failed) | | |%n"
			.formatted(intake.path("threads").asInt(), intake.path("perSecond").asDouble(),
					intake.path("p50").asDouble(), intake.path("p95").asDouble(), intake.path("failed").asInt()));
		JsonNode timers = r.path("timers");
		for (String nodes : List.of("oneNode", "twoNodes")) {
			JsonNode t = timers.path(nodes);
			out.append(
					"| %,d due timers, %s | %s in %.1f s (%.0f/s, first after %.1f s) | | |%n"
						.formatted(timers.path("timers").asInt(), nodes.equals("oneNode") ? "one node" : "two nodes",
								t.path("complete").asBoolean() ? "all drained"
										: t.path("drained").asLong() + " drained",
								t.path("seconds").asDouble(), t.path("perSecond").asDouble(),
								t.path("secondsToFirstJob").asDouble()));
		}
		JsonNode start = r.path("startup");
		out.append("| start-up on PostgreSQL (first / cold / second node) | %.1f s / %.1f s / %.1f s | | |%n".formatted(
				start.path("firstStartEmptyDatabaseSeconds").asDouble(), start.path("coldStartSeconds").asDouble(),
				start.path("secondNodeColdStartSeconds").asDouble()));
		out.append("| RSS after start / after load | %.0f MB / %.0f MB | | |%n"
			.formatted(start.path("rssAfterStartMb").asDouble(), start.path("rssAfterLoadMb").asDouble()));

		out.append(
				"\n| open tasks | filter (as a member of `secretariat`) | visible | page of 15 p50 / p95 | count p50 / p95 |\n");
		out.append("| --- | --- | --- | --- | --- |\n");
		for (JsonNode size : r.path("filters")) {
			for (JsonNode f : size.path("filters")) {
				if (f.path("completed").asBoolean(true)) {
					out.append("| %,d | %s | %,d | %.1f / %.1f ms | %.1f / %.1f ms |%n".formatted(
							size.path("openTasks").asLong(), f.path("name").asText(), f.path("visibleTasks").asLong(),
							f.path("pageP50").asDouble(), f.path("pageP95").asDouble(), f.path("countP50").asDouble(),
							f.path("countP95").asDouble()));
				}
				else {
					out.append("| %,d | %s | | gave up after %d s (statement timeout) | |%n".formatted(
							size.path("openTasks").asLong(), f.path("name").asText(),
							size.path("statementTimeoutSeconds").asInt()));
				}
			}
			JsonNode bare = size.path("bare");
			out.append(
					"| %,d | bare engine, candidate group (authorization off) | %,d | %.2f / %.2f ms | %.2f / %.2f ms |%n"
						.formatted(bare.path("openTasks").asLong(), bare.path("visibleTasks").asLong(),
								bare.path("pageP50").asDouble(), bare.path("pageP95").asDouble(),
								bare.path("countP50").asDouble(), bare.path("countP95").asDouble()));
		}

		out.append("\n| per closed case | application rows | application bytes | bare rows | bare bytes |\n");
		out.append("| --- | --- | --- | --- | --- |\n");
		List<String> tables = new ArrayList<>();
		appStore.path("tables").fieldNames().forEachRemaining(tables::add);
		bareStore.path("tables").fieldNames().forEachRemaining((name) -> {
			if (!tables.contains(name)) {
				tables.add(name);
			}
		});
		tables.sort((a, b) -> Double.compare(appStore.path("tables").path(b).path("bytesPerCase").asDouble(),
				appStore.path("tables").path(a).path("bytesPerCase").asDouble()));
		for (String table : tables) {
			JsonNode a = appStore.path("tables").path(table);
			JsonNode b = bareStore.path("tables").path(table);
			out.append("| %s | %.1f | %s | %.1f | %s |%n".formatted(table, a.path("rowsPerCase").asDouble(),
					kb(a.path("bytesPerCase").asDouble()), b.path("rowsPerCase").asDouble(),
					kb(b.path("bytesPerCase").asDouble())));
		}
		out.append("\nRows left after history cleanup (application): ")
			.append(fields(cleanup.path("application").path("tablesAfter")))
			.append("\n");
		return out.toString();
	}

	private static String fields(JsonNode node) {
		List<String> parts = new ArrayList<>();
		Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
		while (fields.hasNext()) {
			Map.Entry<String, JsonNode> field = fields.next();
			if (field.getKey().startsWith("act_hi_") || field.getKey().equals("act_ge_bytearray")
					|| !field.getKey().startsWith("act_")) {
				parts.add(field.getKey() + " " + field.getValue().asLong());
			}
		}
		return String.join(", ", parts);
	}

	private static double positive(double value) {
		return Double.isNaN(value) ? 0.1 : Math.max(0.1, value);
	}

	private static String kb(double bytes) {
		return "%.1f KB".formatted(bytes / 1024);
	}

	private static void throughputChart(JsonNode r, Path file) throws IOException {
		CategoryChart chart = new CategoryChartBuilder().width(800)
			.height(450)
			.title("Inquiry end to end: cases/s")
			.xAxisTitle("client threads")
			.yAxisTitle("cases per second")
			.build();
		chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
		List<String> threads = new ArrayList<>();
		List<Double> app = new ArrayList<>();
		List<Double> bare = new ArrayList<>();
		for (JsonNode row : r.path("cases")) {
			threads.add(row.path("threads").asText());
			app.add(row.path("application").path("perSecond").asDouble());
			bare.add(row.path("bare").path("perSecond").asDouble());
		}
		if (threads.isEmpty()) {
			return;
		}
		chart.addSeries("this application (HTTP)", threads, app);
		chart.addSeries("bare Camunda 7.24 (Java API)", threads, bare);
		BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
	}

	private static void filterChart(JsonNode r, Path file) throws IOException {
		CategoryChart chart = new CategoryChartBuilder().width(900)
			.height(450)
			.title("Tasklist filters, page of 15: p95 (ms, log scale)")
			.xAxisTitle("open tasks")
			.yAxisTitle("ms")
			.build();
		chart.getStyler().setYAxisLogarithmic(true);
		chart.getStyler().setDefaultSeriesRenderStyle(CategorySeriesRenderStyle.Line);
		chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
		List<String> sizes = new ArrayList<>();
		java.util.LinkedHashMap<String, List<Double>> series = new java.util.LinkedHashMap<>();
		for (JsonNode size : r.path("filters")) {
			sizes.add("%,d".formatted(size.path("openTasks").asLong()));
			for (JsonNode f : size.path("filters")) {
				series.computeIfAbsent(f.path("name").asText(), (k) -> new ArrayList<>())
					.add(positive(f.path("pageP95").asDouble()));
			}
			series.computeIfAbsent("bare engine", (k) -> new ArrayList<>())
				.add(positive(size.path("bare").path("pageP95").asDouble()));
		}
		if (sizes.isEmpty()) {
			return;
		}
		series.forEach((name, values) -> {
			if (values.size() == sizes.size()) {
				chart.addSeries(name, sizes, values);
			}
		});
		BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
	}

}
