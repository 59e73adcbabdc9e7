package jp.localgov.casework.lgotp.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The schedule table derives every date of a programme year from its fiscal year. */
class LgotpScheduleDecisionTests {

	static DmnDecision schedule;

	static DmnEngine engine;

	@BeforeAll
	static void parse() throws IOException {
		engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
		try (InputStream in = new FileInputStream("bpmn/lgotp/lgotp-schedule.dmn")) {
			schedule = engine.parseDecision("LgotpSchedule", in);
		}
	}

	@ParameterizedTest(name = "FY{0}")
	@CsvSource({ "2027, 2026-09-01, 2026-11-30, 2027-02-28, 2027-04-30, 2027-05-15, 2027-05-20, 2027-06-19, 2027-06-25",
			"2028, 2027-09-01, 2027-11-30, 2028-02-28, 2028-04-30, 2028-05-15, 2028-05-20, 2028-06-19, 2028-06-25",
			"1996, 1995-09-01, 1995-11-30, 1996-02-28, 1996-04-30, 1996-05-15, 1996-05-20, 1996-06-19, 1996-06-25" })
	void datesFollowTheFiscalYear(int fiscalYear, String surveyOpensOn, String surveyClosesOn,
			String recruitmentDeadline, String preArrivalDeadline, String arrivalOn, String jiamFrom, String jiamTo,
			String postingOn) {
		Map<String, Object> result = engine
			.evaluateDecisionTable(schedule, Variables.createVariables().putValue("fiscalYear", fiscalYear))
			.getSingleResult()
			.getEntryMap();

		assertThat(result).containsEntry("surveyOpensOn", surveyOpensOn)
			.containsEntry("surveyClosesOn", surveyClosesOn)
			.containsEntry("recruitmentDeadline", recruitmentDeadline)
			.containsEntry("preArrivalDeadline", preArrivalDeadline)
			.containsEntry("arrivalOn", arrivalOn)
			.containsEntry("jiamFrom", jiamFrom)
			.containsEntry("jiamTo", jiamTo)
			.containsEntry("postingOn", postingOn);
	}

}
