package jp.localgov.casework.inquiry.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The inquiry decision tables propose a department and give the deadlines for every
 * service field an applicant can choose.
 */
class InquiryDecisionTablesTests {

	private static final String ROUTING = "bpmn/inquiry/inquiry-routing.dmn";

	private static final String DEADLINES = "bpmn/inquiry/inquiry-deadlines.dmn";

	private static final DmnEngine engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

	private static DmnDecision routing;

	private static DmnDecision deadlines;

	@BeforeAll
	static void parseDecisionTables() throws IOException {
		routing = parse("InquiryRouting", ROUTING);
		deadlines = parse("InquiryDeadlines", DEADLINES);
	}

	@ParameterizedTest(name = "{0} → {1}")
	@CsvSource(textBlock = """
			INTERPRETATION_TRANSLATION, exchangeCooperation
			INTERNATIONAL_EXCHANGE,     exchangeCooperation
			OVERSEAS_TRAINING,          capacityBuilding
			OVERSEAS_INFORMATION,       overseasOffices
			GENERAL,                    information
			""")
	void routingProposesTheDepartmentOfEveryField(String field, String department) {
		DmnDecisionTableResult result = evaluate(routing, field);

		assertThat(result).hasSize(1);
		assertThat(result.getSingleResult().getEntryMap()).containsExactly(Map.entry("department", department));
	}

	@ParameterizedTest(name = "[{0}]")
	@NullAndEmptySource
	@ValueSource(strings = { "UNKNOWN", "general", " GENERAL" })
	void routingProposesNothingForAnUnknownField(String field) {
		assertThat(evaluate(routing, field)).isEmpty();
	}

	@ParameterizedTest(name = "{0}: reception {1} d, interim {2} office d, final {3} office d, reminder {4} h")
	@CsvSource(textBlock = """
			# field,                    receptionDays, interimOfficeDays, finalOfficeDays, reminderHours
			INTERPRETATION_TRANSLATION, 1,             3,                 10,              6
			INTERNATIONAL_EXCHANGE,     1,             3,                 10,              6
			OVERSEAS_TRAINING,          1,             3,                 10,              6
			OVERSEAS_INFORMATION,       1,             3,                 15,              6
			GENERAL,                    1,             3,                 10,              6
			""")
	void deadlinesOfEveryField(String field, int receptionDays, int interimOfficeDays, int finalOfficeDays,
			int reminderHours) {
		DmnDecisionTableResult result = evaluate(deadlines, field);

		assertThat(result).hasSize(1);
		DmnDecisionRuleResult entries = result.getSingleResult();
		assertThat(entries.getEntryMap())
			.containsExactlyInAnyOrderEntriesOf(Map.of("receptionDays", receptionDays, "interimOfficeDays",
					interimOfficeDays, "finalOfficeDays", finalOfficeDays, "reminderHours", reminderHours));
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { ROUTING, DEADLINES })
	void everyDecisionHasANameHistoryTimeToLiveAndVersionTag(String file) {
		DmnModelInstance model = Dmn.readModelFromFile(new File(file));
		Dmn.validateModel(model);

		assertThat(model.getModelElementsByType(Decision.class)).isNotEmpty().allSatisfy((decision) -> {
			assertThat(decision.getName()).as(decision.getId() + " name").isNotBlank();
			assertThat(decision.getCamundaHistoryTimeToLiveString()).as(decision.getId() + " historyTimeToLive")
				.isNotBlank();
			assertThat(decision.getVersionTag()).as(decision.getId() + " versionTag").isNotBlank();
		});
	}

	private static DmnDecision parse(String key, String file) throws IOException {
		try (InputStream in = Files.newInputStream(Path.of(file))) {
			return engine.parseDecision(key, in);
		}
	}

	private static DmnDecisionTableResult evaluate(DmnDecision decision, String field) {
		return engine.evaluateDecisionTable(decision, Variables.createVariables().putValue("field", field));
	}

}
