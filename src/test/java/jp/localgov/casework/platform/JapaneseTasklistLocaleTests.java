package jp.localgov.casework.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import org.springframework.core.io.ClassPathResource;
import org.springframework.util.StreamUtils;

/**
 * Our Japanese Tasklist translation covers exactly the keys of the English file shipped
 * with the Camunda version in use, keeps every placeholder, and is offered by the
 * Tasklist configuration.
 */
class JapaneseTasklistLocaleTests {

	private static final String LOCALES = "META-INF/resources/webjars/camunda/app/tasklist/locales/";

	private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{[^}]+}}");

	@Test
	void japaneseHasEveryKeyOfTheEnglishTasklistAndKeepsPlaceholders() throws IOException {
		Map<String, String> english = flatten(read(LOCALES + "en.json"));
		Map<String, String> japanese = flatten(read(LOCALES + "ja.json"));

		assertThat(japanese.keySet()).containsExactlyInAnyOrderElementsOf(english.keySet());
		List<String> lostPlaceholders = new ArrayList<>();
		english.forEach((key, text) -> {
			Matcher placeholders = PLACEHOLDER.matcher(text);
			while (placeholders.find()) {
				if (!japanese.get(key).contains(placeholders.group())) {
					lostPlaceholders.add(key + " " + placeholders.group());
				}
			}
		});
		assertThat(lostPlaceholders).isEmpty();
		assertThat(japanese.get("labels.START_PROCESS")).isEqualTo("プロセスを開始");
	}

	@Test
	void tasklistOffersJapanese() throws IOException {
		String config = StreamUtils
			.copyToString(new ClassPathResource("META-INF/resources/webjars/camunda/app/tasklist/scripts/config.js")
				.getInputStream(), java.nio.charset.StandardCharsets.UTF_8);
		assertThat(config).containsPattern("availableLocales\"?\\s*:\\s*\\[[^]]*\"ja\"");
	}

	private static JsonNode read(String path) throws IOException {
		try (InputStream in = new ClassPathResource(path).getInputStream()) {
			byte[] bytes = in.readAllBytes();
			String text = new String(bytes, java.nio.charset.StandardCharsets.UTF_8).replace("\uFEFF", "");
			return new ObjectMapper().readTree(text);
		}
	}

	private static Map<String, String> flatten(JsonNode node) {
		Map<String, String> flat = new TreeMap<>();
		flatten(node, "", flat);
		return flat;
	}

	private static void flatten(JsonNode node, String prefix, Map<String, String> flat) {
		if (node.isObject()) {
			Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
			while (fields.hasNext()) {
				Map.Entry<String, JsonNode> field = fields.next();
				flatten(field.getValue(), prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey(), flat);
			}
		}
		else if (node.isArray()) {
			for (int i = 0; i < node.size(); i++) {
				flatten(node.get(i), prefix + "[" + i + "]", flat);
			}
		}
		else {
			flat.put(prefix, node.asText());
		}
	}

}
