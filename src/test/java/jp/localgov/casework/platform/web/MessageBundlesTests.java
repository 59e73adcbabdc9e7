package jp.localgov.casework.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Properties;
import java.util.stream.Stream;

import jp.localgov.casework.lgotp.HostRequestStatus;
import jp.localgov.casework.lgotp.TraineeStage;
import jp.localgov.casework.lgotp.TrainingField;
import jp.localgov.casework.lgotp.YearStage;
import jp.localgov.casework.subsidy.ApplicantType;
import jp.localgov.casework.subsidy.SubsidyStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every text of the portal and the APIs exists in Japanese and in English: both bundles
 * of each area have exactly the same keys, none empty, and the Japanese enum labels of
 * the bundles are the enums' own.
 */
class MessageBundlesTests {

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "messages", "messages-api", "messages-lgotp", "messages-subsidy" })
	void japaneseAndEnglishHaveExactlyTheSameKeysAndNoEmptyText(String basename) throws IOException {
		Properties japanese = load(basename + ".properties");
		Properties english = load(basename + "_en.properties");

		assertThat(english.stringPropertyNames()).as("keys of %s_en", basename)
			.containsExactlyInAnyOrderElementsOf(japanese.stringPropertyNames());
		Stream.of(japanese, english)
			.forEach((bundle) -> bundle
				.forEach((key, value) -> assertThat(value.toString()).as(key.toString()).isNotBlank()));
	}

	@Test
	void theJapaneseLabelsOfTheEnumsAreTheEnumsOwn() throws IOException {
		Properties lgotp = load("messages-lgotp.properties");
		Properties subsidy = load("messages-subsidy.properties");
		Arrays.stream(HostRequestStatus.values())
			.forEach((value) -> assertThat(lgotp.getProperty("lgotp.status." + value.name())).isEqualTo(value.label()));
		Arrays.stream(TraineeStage.values())
			.forEach((value) -> assertThat(lgotp.getProperty("lgotp.traineeStage." + value.name()))
				.isEqualTo(value.label()));
		Arrays.stream(TrainingField.values())
			.forEach((value) -> assertThat(lgotp.getProperty("lgotp.trainingField." + value.name()))
				.isEqualTo(value.label()));
		Arrays.stream(YearStage.values())
			.forEach((value) -> assertThat(lgotp.getProperty("lgotp.yearStage." + value.name()))
				.isEqualTo(value.label()));
		Arrays.stream(ApplicantType.values())
			.forEach((value) -> assertThat(subsidy.getProperty("subsidy.applicantType." + value.name()))
				.isEqualTo(value.label()));
		Arrays.stream(SubsidyStatus.values())
			.forEach((value) -> assertThat(subsidy.getProperty("subsidy.status." + value.name()))
				.isEqualTo(value.label()));
	}

	private static Properties load(String resource) throws IOException {
		Properties properties = new Properties();
		try (Reader reader = new InputStreamReader(MessageBundlesTests.class.getResourceAsStream("/" + resource),
				StandardCharsets.UTF_8)) {
			properties.load(reader);
		}
		return properties;
	}

}
