package jp.localgov.casework.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The machine a run measured: cores, memory, processor, Java and PostgreSQL. */
final class Machine {

	private Machine() {
	}

	static ObjectNode describe(String postgresVersion) throws IOException {
		ObjectNode machine = new ObjectMapper().createObjectNode();
		machine.put("cores", Runtime.getRuntime().availableProcessors());
		machine.put("memoryMb", firstNumber(Path.of("/proc/meminfo"), "MemTotal:") / 1024);
		machine.put("processor", firstValue(Path.of("/proc/cpuinfo"), "model name"));
		machine.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
		machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
		machine.put("postgres", postgresVersion);
		machine.put("loadAverageAtStart", loadAverage());
		return machine;
	}

	/**
	 * The 1, 5 and 15 minute load averages: other work on the machine skews every figure.
	 */
	static String loadAverage() throws IOException {
		Path file = Path.of("/proc/loadavg");
		return Files.isReadable(file) ? String.join(" ", Arrays.asList(Files.readString(file).split(" ")).subList(0, 3))
				: "";
	}

	private static long firstNumber(Path file, String prefix) throws IOException {
		String value = firstValue(file, prefix);
		return value.isEmpty() ? 0 : Long.parseLong(value.replaceAll("[^0-9]", ""));
	}

	private static String firstValue(Path file, String prefix) throws IOException {
		if (!Files.isReadable(file)) {
			return "";
		}
		return Files.readAllLines(file)
			.stream()
			.filter((line) -> line.startsWith(prefix))
			.map((line) -> line.substring(line.indexOf(':') + 1).trim())
			.findFirst()
			.orElse("");
	}

}
