package jp.localgov.casework;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Every flow node and sequence flow of every process model is covered by the process
 * tests of this run: the union of the coverage reports written by
 * camunda-process-test-coverage must reach 100 % per model. Runs after all other test
 * classes (see {@code junit-platform.properties}).
 */
@Order(Integer.MAX_VALUE)
class ProcessCoverageGateTests {

	private static final Path REPORTS = Paths.get("target", "process-test-coverage");

	@Test
	void everyProcessModelIsFullyCovered() throws IOException {
		Map<String, Set<String>> covered = coveredElementsOfThisRun();
		Map<String, Set<String>> missing = new HashMap<>();
		for (Path file : bpmnFiles()) {
			BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
			for (Process process : model.getModelElementsByType(Process.class)) {
				Set<String> elements = new TreeSet<>();
				model.getModelElementsByType(SequenceFlow.class).forEach((flow) -> elements.add(flow.getId()));
				model.getModelElementsByType(FlowNode.class).forEach((node) -> elements.add(node.getId()));
				elements.removeAll(covered.getOrDefault(process.getId(), Set.of()));
				if (!elements.isEmpty()) {
					missing.put(process.getId() + " (" + file + ")", elements);
				}
			}
		}
		assertThat(missing).as("flow nodes and sequence flows no process test reached").isEmpty();
	}

	/** Model key to the ids of elements reached, from the reports this JVM wrote. */
	private static Map<String, Set<String>> coveredElementsOfThisRun() throws IOException {
		long started = ManagementFactory.getRuntimeMXBean().getStartTime();
		Map<String, Set<String>> covered = new HashMap<>();
		ObjectMapper json = new ObjectMapper();
		if (!Files.isDirectory(REPORTS)) {
			return covered;
		}
		try (Stream<Path> files = Files.walk(REPORTS)) {
			for (Path report : files.filter((path) -> path.getFileName().toString().equals("report.json")).toList()) {
				if (Files.getLastModifiedTime(report).toMillis() < started) {
					continue;
				}
				for (JsonNode suite : json.readTree(report.toFile()).path("suites")) {
					for (JsonNode run : suite.path("runs")) {
						for (JsonNode event : run.path("events")) {
							covered.computeIfAbsent(event.path("modelKey").asText(), (key) -> new HashSet<>())
								.add(event.path("definitionKey").asText());
						}
					}
				}
			}
		}
		return covered;
	}

	private static List<Path> bpmnFiles() throws IOException {
		try (Stream<Path> files = Files.walk(Paths.get("bpmn"))) {
			return files.filter((path) -> path.toString().endsWith(".bpmn")).sorted().toList();
		}
	}

}
