package jp.localgov.casework.platform.process;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A Camunda Form (form-js schema) as deployed, with the checks Tasklist makes in the
 * browser made again on the server: required fields (a field hidden by its
 * {@code conditional.hide} is not required, a disabled one is not checked), minimum and
 * maximum, lengths, patterns, e-mail and telephone formats, numbers, dates, and choices
 * within the offered values (static {@code values}, a {@code valuesKey} list from the
 * task's data, or a {@code valuesExpression}); fields inside groups and dynamic lists
 * included. The rules follow form-js 1.x, the version Tasklist 7.24 ships.
 */
public final class DeployedForm {

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final Set<String> NOT_INPUT = Set.of("text", "html", "image", "separator", "spacer", "button",
			"iframe", "table", "expression", "documentPreview", "filepicker");

	private static final Set<String> CHOICES = Set.of("radio", "select", "checklist", "taglist");

	private static final Set<String> MULTIPLE_CHOICES = Set.of("checklist", "taglist");

	// The patterns form-js uses for validationType email and phone.
	private static final Pattern EMAIL = Pattern.compile(
			"^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$");

	private static final Pattern PHONE = Pattern.compile("(\\+|00)[1-9]\\d{5,23}$");

	private final JsonNode schema;

	private DeployedForm(JsonNode schema) {
		this.schema = schema;
	}

	/** Reads a {@code .form} file. */
	public static DeployedForm parse(byte[] json) {
		try {
			return new DeployedForm(JSON.readTree(json));
		}
		catch (IOException ex) {
			throw new IllegalArgumentException("Not a Camunda Form: " + ex.getMessage(), ex);
		}
	}

	/** The form's {@code id}, which equals its file name. */
	public String id() {
		return this.schema.path("id").asText(null);
	}

	/**
	 * Checks what a submission leaves in the case against the form.
	 * @param data the values the form works on: the task's variables with the submitted
	 * ones laid over them, as plain Java values (strings, numbers, booleans, dates, lists
	 * and maps)
	 * @param feel evaluates a FEEL expression (without its leading {@code =}) against a
	 * context of values; a failure counts as no result
	 * @return the refusals, in the order of the form; empty when the submission is
	 * acceptable
	 */
	public List<Refusal> check(Map<String, Object> data, Feel feel) {
		List<Refusal> refusals = new ArrayList<>();
		checkComponents(this.schema.path("components"), data, data, feel, refusals);
		return refusals;
	}

	private void checkComponents(JsonNode components, Map<String, Object> scope, Map<String, Object> context, Feel feel,
			List<Refusal> refusals) {
		for (JsonNode component : components) {
			if (isHidden(component, context, feel)) {
				continue;
			}
			String type = component.path("type").asText();
			if ("group".equals(type) || "dynamiclist".equals(type)) {
				checkContainer(component, scope, context, feel, refusals);
				continue;
			}
			if (NOT_INPUT.contains(type) || !component.hasNonNull("key") || component.path("disabled").asBoolean()) {
				continue;
			}
			checkField(component, value(scope, component.path("key").asText()), context, feel, refusals);
		}
	}

	@SuppressWarnings("unchecked")
	private void checkContainer(JsonNode container, Map<String, Object> scope, Map<String, Object> context, Feel feel,
			List<Refusal> refusals) {
		String path = container.path("path").asText("");
		if (path.isEmpty()) {
			checkComponents(container.path("components"), scope, context, feel, refusals);
			return;
		}
		Object nested = value(scope, path);
		if ("dynamiclist".equals(container.path("type").asText())) {
			if (nested instanceof Collection<?> items) {
				for (Object item : items) {
					Map<String, Object> itemScope = (item instanceof Map<?, ?> map) ? (Map<String, Object>) map
							: Map.of();
					Map<String, Object> itemContext = new HashMap<>(context);
					itemContext.putAll(itemScope);
					checkComponents(container.path("components"), itemScope, itemContext, feel, refusals);
				}
			}
			return;
		}
		Map<String, Object> groupScope = (nested instanceof Map<?, ?> map) ? (Map<String, Object>) map : Map.of();
		checkComponents(container.path("components"), groupScope, context, feel, refusals);
	}

	private void checkField(JsonNode field, Object value, Map<String, Object> context, Feel feel,
			List<Refusal> refusals) {
		String type = field.path("type").asText();
		String key = field.path("key").asText();
		String label = labelOf(field);
		JsonNode validate = field.path("validate");
		if (validate.path("required").asBoolean() && isEmpty(type, value)) {
			refusals.add(new Refusal(key, label, "「" + label + "」を入力してください。", label + " is required."));
			return;
		}
		if (isEmpty(type, value)) {
			return;
		}
		if ("number".equals(type)) {
			checkNumber(field, value, validate, context, feel, refusals);
		}
		else if ("datetime".equals(type)) {
			checkDateTime(field, value, refusals);
		}
		else if (CHOICES.contains(type)) {
			checkChoice(field, value, context, feel, refusals);
		}
		else if ("checkbox".equals(type)) {
			if (!(value instanceof Boolean) && !"true".equals(value) && !"false".equals(value)) {
				refusals.add(new Refusal(key, label, "「" + label + "」はチェックの有無で指定してください。",
						label + " must be true or false."));
			}
		}
		if (value instanceof CharSequence text) {
			checkText(field, text.toString(), validate, context, feel, refusals);
		}
	}

	private void checkNumber(JsonNode field, Object value, JsonNode validate, Map<String, Object> context, Feel feel,
			List<Refusal> refusals) {
		String key = field.path("key").asText();
		String label = labelOf(field);
		BigDecimal number = toNumber(value);
		if (number == null) {
			refusals.add(new Refusal(key, label, "「" + label + "」は数値で入力してください。", label + " must be a number."));
			return;
		}
		if (field.has("decimalDigits") && number.stripTrailingZeros().scale() > field.path("decimalDigits").asInt()) {
			int digits = field.path("decimalDigits").asInt();
			refusals.add(new Refusal(key, label,
					(digits == 0) ? "「" + label + "」は整数で入力してください。" : "「" + label + "」は小数点以下" + digits + "桁までです。",
					(digits == 0) ? label + " must be a whole number."
							: label + " has at most " + digits + " decimal digits."));
			return;
		}
		BigDecimal increment = toNumber(bound(field.path("increment"), context, feel));
		if (increment != null && increment.signum() > 0 && number.remainder(increment).signum() != 0) {
			refusals.add(new Refusal(key, label, "「" + label + "」は" + increment.toPlainString() + "単位で入力してください。",
					label + " must be a multiple of " + increment.toPlainString() + "."));
			return;
		}
		BigDecimal min = toNumber(bound(validate.path("min"), context, feel));
		if (min != null && number.compareTo(min) < 0) {
			refusals.add(new Refusal(key, label, "「" + label + "」は" + min.toPlainString() + "以上で入力してください。",
					label + " must be at least " + min.toPlainString() + "."));
			return;
		}
		BigDecimal max = toNumber(bound(validate.path("max"), context, feel));
		if (max != null && number.compareTo(max) > 0) {
			refusals.add(new Refusal(key, label, "「" + label + "」は" + max.toPlainString() + "以下で入力してください。",
					label + " must be at most " + max.toPlainString() + "."));
		}
	}

	private void checkText(JsonNode field, String text, JsonNode validate, Map<String, Object> context, Feel feel,
			List<Refusal> refusals) {
		String key = field.path("key").asText();
		String label = labelOf(field);
		int length = text.strip().length();
		BigDecimal minLength = toNumber(bound(validate.path("minLength"), context, feel));
		if (minLength != null && length < minLength.intValue()) {
			refusals.add(new Refusal(key, label, "「" + label + "」は" + minLength.intValue() + "文字以上で入力してください。",
					label + " needs at least " + minLength.intValue() + " characters."));
		}
		BigDecimal maxLength = toNumber(bound(validate.path("maxLength"), context, feel));
		if (maxLength != null && length > maxLength.intValue()) {
			refusals.add(new Refusal(key, label, "「" + label + "」は" + maxLength.intValue() + "文字以内で入力してください。",
					label + " takes at most " + maxLength.intValue() + " characters."));
		}
		String pattern = validate.path("pattern").asText("");
		if (!pattern.isEmpty()) {
			boolean matches;
			try {
				matches = Pattern.compile(pattern).matcher(text).find();
			}
			catch (PatternSyntaxException ex) {
				matches = true;
			}
			if (!matches) {
				refusals.add(new Refusal(key, label, "「" + label + "」の形式が正しくありません。",
						label + " does not have the expected format."));
			}
		}
		String validationType = validate.path("validationType").asText("");
		if ("email".equals(validationType) && !EMAIL.matcher(text).matches()) {
			refusals.add(new Refusal(key, label, "「" + label + "」はメールアドレスの形式で入力してください。",
					label + " must be an e-mail address."));
		}
		if ("phone".equals(validationType) && !PHONE.matcher(text).find()) {
			refusals.add(new Refusal(key, label, "「" + label + "」は国際形式の電話番号（例：+81312345678）で入力してください。",
					label + " must be an international telephone number, e.g. +81312345678."));
		}
	}

	private void checkDateTime(JsonNode field, Object value, List<Refusal> refusals) {
		if (value instanceof Date || value instanceof TemporalAccessor) {
			return;
		}
		String text = String.valueOf(value);
		String subtype = field.path("subtype").asText("date");
		boolean valid = switch (subtype) {
			case "time" -> parses(() -> LocalTime.parse(text)) || parses(() -> OffsetTime.parse(text));
			case "datetime" -> parses(() -> LocalDateTime.parse(text)) || parses(() -> OffsetDateTime.parse(text));
			default -> parses(() -> LocalDate.parse(text));
		};
		if (!valid) {
			String key = field.path("key").asText();
			String label = labelOf(field);
			refusals.add(new Refusal(key, label, "「" + label + "」の日付または時刻の形式が正しくありません。",
					label + " is not a valid date or time."));
		}
	}

	private void checkChoice(JsonNode field, Object value, Map<String, Object> context, Feel feel,
			List<Refusal> refusals) {
		String type = field.path("type").asText();
		String key = field.path("key").asText();
		String label = labelOf(field);
		List<Object> allowed = allowedValues(field, context, feel);
		Collection<?> chosen = MULTIPLE_CHOICES.contains(type)
				? ((value instanceof Collection<?> many) ? many : List.of(value)) : List.of(value);
		if (!MULTIPLE_CHOICES.contains(type) && value instanceof Collection<?>) {
			refusals
				.add(new Refusal(key, label, "「" + label + "」は一つだけ選んでください。", "Choose one value for " + label + "."));
			return;
		}
		for (Object one : chosen) {
			if (allowed.stream().noneMatch((candidate) -> sameValue(candidate, one))) {
				refusals.add(new Refusal(key, label, "「" + label + "」の値「" + one + "」は選択肢にありません。",
						"The value \"" + one + "\" is not one of the choices of " + label + "."));
				return;
			}
		}
	}

	private List<Object> allowedValues(JsonNode field, Map<String, Object> context, Feel feel) {
		Object source;
		if (field.has("values")) {
			source = JSON.convertValue(field.path("values"), List.class);
		}
		else if (field.hasNonNull("valuesKey")) {
			source = value(context, field.path("valuesKey").asText());
		}
		else if (field.hasNonNull("valuesExpression")) {
			source = evaluate(field.path("valuesExpression").asText(), context, feel);
		}
		else {
			source = null;
		}
		List<Object> values = new ArrayList<>();
		if (source instanceof Collection<?> options) {
			for (Object option : options) {
				values.add((option instanceof Map<?, ?> map) ? map.get("value") : option);
			}
		}
		return values;
	}

	private boolean isHidden(JsonNode component, Map<String, Object> context, Feel feel) {
		JsonNode hide = component.path("conditional").path("hide");
		if (!hide.isTextual() || hide.asText().isBlank()) {
			return false;
		}
		return Boolean.TRUE.equals(evaluate(hide.asText(), context, feel));
	}

	private static Object bound(JsonNode node, Map<String, Object> context, Feel feel) {
		if (node.isMissingNode() || node.isNull()) {
			return null;
		}
		if (node.isTextual() && node.asText().startsWith("=")) {
			return evaluate(node.asText(), context, feel);
		}
		return node.isNumber() ? node.decimalValue() : node.asText();
	}

	private static Object evaluate(String expression, Map<String, Object> context, Feel feel) {
		String feelExpression = expression.startsWith("=") ? expression.substring(1) : expression;
		try {
			return feel.evaluate(feelExpression, context);
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	private static boolean isEmpty(String type, Object value) {
		return value == null || "".equals(value) || ("checkbox".equals(type) && Boolean.FALSE.equals(value))
				|| ("checkbox".equals(type) && "false".equals(value))
				|| (value instanceof Collection<?> many && many.isEmpty());
	}

	private static BigDecimal toNumber(Object value) {
		if (value instanceof BigDecimal decimal) {
			return decimal;
		}
		if (value instanceof Number number) {
			return new BigDecimal(number.toString());
		}
		if (value instanceof CharSequence text) {
			try {
				return new BigDecimal(text.toString().strip());
			}
			catch (NumberFormatException ex) {
				return null;
			}
		}
		return null;
	}

	private static boolean sameValue(Object option, Object value) {
		if (option == null || value == null) {
			return option == value;
		}
		BigDecimal left = (option instanceof Number) ? toNumber(option) : null;
		BigDecimal right = (value instanceof Number) ? toNumber(value) : null;
		if (left != null && right != null) {
			return left.compareTo(right) == 0;
		}
		return String.valueOf(option).equals(String.valueOf(value));
	}

	@SuppressWarnings("unchecked")
	private static Object value(Map<String, Object> scope, String path) {
		Object current = scope;
		for (String part : path.split("\\.")) {
			if (!(current instanceof Map<?, ?> map)) {
				return null;
			}
			current = ((Map<String, Object>) map).get(part);
		}
		return current;
	}

	private static String labelOf(JsonNode field) {
		for (String property : List.of("label", "dateLabel", "timeLabel")) {
			String label = field.path(property).asText("");
			if (!label.isBlank() && !label.startsWith("=")) {
				return label;
			}
		}
		return field.path("key").asText();
	}

	private static boolean parses(Runnable parse) {
		try {
			parse.run();
			return true;
		}
		catch (DateTimeParseException ex) {
			return false;
		}
	}

	/** Evaluates FEEL expressions for conditions, bounds and option lists. */
	@FunctionalInterface
	public interface Feel {

		Object evaluate(String expression, Map<String, Object> context);

	}

	/**
	 * Why a field's value is not accepted, in Japanese and English.
	 *
	 * @param field the field's key (the variable name)
	 * @param label the field's label as the form shows it
	 * @param japanese the reason in Japanese
	 * @param english the reason in English
	 */
	public record Refusal(String field, String label, String japanese, String english) {

		/** Japanese first, English second. */
		public String message() {
			return this.japanese + " / " + this.english;
		}

	}

}
