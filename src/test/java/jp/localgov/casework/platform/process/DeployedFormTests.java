package jp.localgov.casework.platform.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngineFactory;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;

/**
 * The server repeats the checks form-js makes in Tasklist, on the forms of the repository
 * and on the kinds of fields they may use, with the FEEL engine Camunda ships for DMN
 * evaluating the conditions.
 */
class DeployedFormTests {

	private static final FeelEngine FEEL = new ScalaFeelEngineFactory().createInstance();

	private static final DeployedForm.Feel EVALUATE = (expression, context) -> FEEL.evaluateSimpleExpression(expression,
			Variables.fromMap(context).asVariableContext());

	@Test
	void requiredHonoursConditionalHideAndTheOfferedChoices() throws Exception {
		DeployedForm form = DeployedForm.parse(Files.readAllBytes(Path.of("forms/inquiry/inquiry-assign-staff.form")));
		List<Map<String, String>> staff = List.of(Map.of("label", "伊藤 大輔", "value", "ito"));

		assertThat(fields(form.check(data("departmentDecision", "ASSIGN", "staffOptions", staff), EVALUATE)))
			.containsExactly("staffMember");
		assertThat(
				form.check(data("departmentDecision", "ASSIGN", "staffMember", "ito", "staffOptions", staff), EVALUATE))
			.isEmpty();
		assertThat(form.check(data("departmentDecision", "ASSIGN", "staffMember", "kato", "staffOptions", staff),
				EVALUATE))
			.extracting(DeployedForm.Refusal::japanese)
			.containsExactly("「担当者」の値「kato」は選択肢にありません。");
		assertThat(fields(form.check(data("departmentDecision", "RETURN", "staffMember", ""), EVALUATE)))
			.containsExactly("returnReason");
		assertThat(form.check(data("departmentDecision", "RETURN", "returnReason", "当課の担当ではありません"), EVALUATE))
			.isEmpty();
	}

	@Test
	void numbersAreCheckedForTypeRangeAndDigits() throws Exception {
		DeployedForm form = DeployedForm.parse(Files.readAllBytes(Path.of("forms/subsidy/subsidy-review.form")));
		Map<String, Object> scores = data("scoreNecessity", 5, "scoreEffectiveness", "4", "scoreFeasibility", 1,
				"scoreCostValidity", 3, "recommendation", "APPROVE");
		assertThat(form.check(scores, EVALUATE)).isEmpty();

		scores.put("scoreNecessity", 6);
		scores.put("scoreFeasibility", "とても良い");
		scores.put("scoreCostValidity", 2.5);
		assertThat(form.check(scores, EVALUATE)).extracting(DeployedForm.Refusal::japanese)
			.containsExactly("「必要性」は5以下で入力してください。", "「実現可能性」は数値で入力してください。", "「経費の妥当性」は整数で入力してください。");
	}

	@Test
	void fieldsInGroupsAndDynamicListsPatternsAndLengthsAreChecked() {
		DeployedForm form = DeployedForm
			.parse("""
					{"id": "costs", "components": [
					  {"type": "group", "label": "申請者", "path": "applicant", "components": [
					    {"type": "textfield", "key": "email", "label": "メール", "validate": {"required": true, "validationType": "email"}}
					  ]},
					  {"type": "dynamiclist", "label": "経費", "path": "costs", "components": [
					    {"type": "textfield", "key": "item", "label": "費目", "validate": {"required": true, "maxLength": 5}},
					    {"type": "textfield", "key": "code", "label": "コード", "validate": {"pattern": "^[A-Z]{2}[0-9]{3}$"}},
					    {"type": "checklist", "key": "tags", "label": "区分", "values": [{"label": "国内", "value": "DOMESTIC"}]}
					  ]},
					  {"type": "datetime", "subtype": "date", "key": "paidOn", "dateLabel": "支払日", "validate": {"required": true}},
					  {"type": "textfield", "key": "note", "label": "表示のみ", "disabled": true, "validate": {"required": true}}
					]}"""
				.getBytes(StandardCharsets.UTF_8));

		Map<String, Object> ok = data("applicant", Map.of("email", "a@example.jp"), "costs",
				List.of(Map.of("item", "旅費", "code", "TR001", "tags", List.of("DOMESTIC"))), "paidOn", "2027-04-01");
		assertThat(form.check(ok, EVALUATE)).isEmpty();

		Map<String, Object> wrong = data("applicant", Map.of("email", "not-an-address"), "costs",
				List.of(Map.of("item", "とても長い費目", "code", "tr1", "tags", List.of("ABROAD"))), "paidOn", "4月1日");
		assertThat(form.check(wrong, EVALUATE)).extracting(DeployedForm.Refusal::field)
			.containsExactly("email", "item", "code", "tags", "paidOn");
	}

	@Test
	void everyFormOfTheRepositoryParsesAndAcceptsItsRequiredValuesOnlyWhenGiven() throws Exception {
		try (var files = Files.walk(Path.of("forms"))) {
			for (Path file : files.filter((path) -> path.toString().endsWith(".form")).toList()) {
				DeployedForm form = DeployedForm.parse(Files.readAllBytes(file));
				assertThat(form.id()).as(file.toString()).isNotBlank();
				form.check(new HashMap<>(), EVALUATE);
			}
		}
	}

	private static List<String> fields(List<DeployedForm.Refusal> refusals) {
		return refusals.stream().map(DeployedForm.Refusal::field).toList();
	}

	private static Map<String, Object> data(Object... keysAndValues) {
		Map<String, Object> data = new HashMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			data.put((String) keysAndValues[i], keysAndValues[i + 1]);
		}
		return data;
	}

}
