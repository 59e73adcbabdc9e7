package jp.localgov.casework.platform;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Our Japanese translations of Tasklist, Cockpit, Admin and the welcome app cover exactly
 * the keys of the English files shipped with the Camunda version in use, keep every
 * placeholder, leave no English sentence behind, use one Japanese term per English one
 * across the four apps, and are offered by each app's configuration without losing
 * Camunda's own settings.
 */
class JapaneseWebappLocaleTests {

	private static final String APPS = "META-INF/resources/webjars/camunda/app/";

	/** Camunda's own files, shadowed on the classpath by ours. */
	private static final String CAMUNDA_WEBJAR = "camunda-webapp-webjar";

	private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{[^}]+}}");

	private static final Pattern JAPANESE = Pattern.compile("[\\p{IsHiragana}\\p{IsKatakana}\\p{IsHan}]");

	private static final Pattern ENGLISH_WORD = Pattern.compile("[A-Za-z][a-z]+");

	/** Words of earlier translations that name things differently from the rest. */
	private static final List<String> RETIRED_TERMS = List.of("あなた", "入力項目", "フロー図", "マイタスク", "コックピット");

	@ParameterizedTest
	@ValueSource(strings = { "tasklist", "cockpit", "admin", "welcome" })
	void japaneseHasEveryKeyOfTheEnglishFileAndKeepsPlaceholders(String app) throws IOException {
		Map<String, String> english = english(app);
		Map<String, String> japanese = japanese(app);

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
	}

	@ParameterizedTest
	@ValueSource(strings = { "tasklist", "cockpit", "admin", "welcome" })
	void noEnglishSentenceIsLeftUntranslated(String app) throws IOException {
		Map<String, String> english = english(app);
		Map<String, String> japanese = japanese(app);

		List<String> untranslated = new ArrayList<>();
		english.forEach((key, text) -> {
			if (key.startsWith("labels.") && isSentence(text) && !JAPANESE.matcher(japanese.get(key)).find()) {
				untranslated.add(key + " = " + japanese.get(key));
			}
		});
		assertThat(untranslated).isEmpty();
		List<String> retired = new ArrayList<>();
		japanese.forEach((key, text) -> RETIRED_TERMS.stream()
			.filter(text::contains)
			.forEach((term) -> retired.add(key + " uses " + term)));
		assertThat(retired).isEmpty();
	}

	@Test
	void theSameLabelReadsTheSameInEveryApp() throws IOException {
		Map<String, String> seen = new HashMap<>();
		List<String> different = new ArrayList<>();
		for (String app : List.of("tasklist", "cockpit", "admin", "welcome")) {
			Map<String, String> english = english(app);
			Map<String, String> japanese = japanese(app);
			english.forEach((key, text) -> {
				String previous = seen.putIfAbsent(key + "\u0000" + text, japanese.get(key));
				if (previous != null && !previous.equals(japanese.get(key))) {
					different.add(app + " " + key + ": " + previous + " / " + japanese.get(key));
				}
			});
		}
		assertThat(different).isEmpty();
	}

	@Test
	void keyLabelsReadAsStaffExpect() throws IOException {
		assertThat(japanese("tasklist")).containsEntry("labels.START_PROCESS", "プロセスを開始")
			.containsEntry("labels.CLAIM_TASK", "自分で担当する")
			.containsEntry("labels.TASK_VARIABLES", "変数");
		assertThat(japanese("cockpit")).containsEntry("labels.DASHBOARD_PROCESS_DEFINITIONS", "プロセス定義")
			.containsEntry("labels.DASHBOARD_RUNNING_PROCESS_INSTANCE", "実行中のプロセスインスタンス")
			.containsEntry("labels.DASHBOARD_OPEN_INCIDENTS", "未解決のインシデント")
			.containsEntry("labels.COCKPIT_DEPLOYMENTS", "デプロイ");
		assertThat(japanese("admin")).containsEntry("labels.USERS_LIST_OF_USERS", "ユーザー一覧")
			.containsEntry("labels.AUTHORIZATION_AUTHORIZATIONS", "権限設定");
		assertThat(japanese("welcome")).containsEntry("labels.APPLICATIONS", "アプリケーション")
			.containsEntry("labels.CHANGE_PASSWORD", "パスワードの変更");
	}

	@ParameterizedTest
	@ValueSource(strings = { "tasklist", "cockpit", "admin", "welcome" })
	void appOffersJapaneseAndKeepsCamundasSettings(String app) throws IOException {
		String path = APPS + app + "/scripts/config.js";
		String ours = read(new ClassPathResource(path).getURL());
		String camundas = read(camundaResource(path));

		assertThat(ours).containsPattern("availableLocales\"?\\s*:\\s*\\[[^]]*\"ja\"");
		List<String> dropped = new ArrayList<>();
		for (String line : camundas.split("\n")) {
			String setting = line.strip();
			boolean comment = setting.startsWith("//") || setting.startsWith("*") || setting.startsWith("/*");
			if (!setting.isEmpty() && !comment && !ours.contains(line)) {
				dropped.add(setting);
			}
		}
		assertThat(dropped).as("settings of Camunda's default config.js").isEmpty();
	}

	/**
	 * English text with at least three words (markup, placeholders and format codes such
	 * as {@code YYYY} aside) is a sentence or phrase a translator must not leave in
	 * English.
	 */
	private static boolean isSentence(String text) {
		String words = text.replaceAll("<[^>]+>", " ").replaceAll("\\{\\{[^}]*}}", " ");
		Matcher matcher = ENGLISH_WORD.matcher(words);
		int count = 0;
		while (matcher.find()) {
			count++;
		}
		return count >= 3;
	}

	private static Map<String, String> english(String app) throws IOException {
		return flatten(readJson(camundaResource(APPS + app + "/locales/en.json")));
	}

	private static Map<String, String> japanese(String app) throws IOException {
		return flatten(readJson(new ClassPathResource(APPS + app + "/locales/ja.json").getURL()));
	}

	private static URL camundaResource(String path) throws IOException {
		List<URL> urls = Collections.list(JapaneseWebappLocaleTests.class.getClassLoader().getResources(path));
		return urls.stream()
			.filter((url) -> url.toString().contains(CAMUNDA_WEBJAR))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException(path + " not found in " + CAMUNDA_WEBJAR + ": " + urls));
	}

	private static String read(URL url) throws IOException {
		try (InputStream in = url.openStream()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\uFEFF", "").replace("\r\n", "\n");
		}
	}

	private static JsonNode readJson(URL url) throws IOException {
		return new ObjectMapper().readTree(read(url));
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
