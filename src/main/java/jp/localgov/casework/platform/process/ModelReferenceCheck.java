package jp.localgov.casework.platform.process;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * Refuses, before the engine deploys anything, a new deployment whose process models
 * would break cases: a {@code delegateExpression} or a method called in an expression
 * (e.g. {@code ${officeDays.after(start, 3)}}) that names no bean of the application, or
 * a {@code camunda:formRef}, {@code camunda:decisionRef} or {@code calledElement} that
 * resolves neither to a definition in the same deployment nor to one already deployed;
 * also a form whose {@code id} differs from its file name. The REST API answers the
 * refusal with 400 and the problems per element, which Camunda Modeler shows.
 *
 * <p>
 * It runs as a pre-deployer rather than a BPMN parse listener because it needs the whole
 * deployment: a form or decision deployed together with the process that uses it counts.
 * Deployments read back from the database (a restart, the deployment cache) are not
 * checked again.
 */
class ModelReferenceCheck implements Deployer {

	static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";

	static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";

	/** Objects the engine itself offers to expressions; not application beans. */
	static final Set<String> ENGINE_OBJECTS = Set.of("execution", "task", "externalTask", "caseExecution",
			"variableScope", "authenticatedUserId");

	private static final Pattern EXPRESSION = Pattern.compile("[$#]\\{(.*?)}", Pattern.DOTALL);

	private static final Pattern IDENTIFIER = Pattern.compile("\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*");

	private static final Pattern METHOD_ROOT = Pattern
		.compile("(?<![\\w.])([A-Za-z_][A-Za-z0-9_]*)\\s*\\.\\s*[A-Za-z_][A-Za-z0-9_]*\\s*\\(");

	private static final Pattern QUOTED = Pattern.compile("'(?:[^'\\\\]|\\\\.)*'|\"(?:[^\"\\\\]|\\\\.)*\"");

	private final Predicate<String> beanExists;

	ModelReferenceCheck(Predicate<String> beanExists) {
		this.beanExists = beanExists;
	}

	@Override
	public void deploy(DeploymentEntity deployment) {
		if (!deployment.isNew() || deployment.getResources() == null) {
			return;
		}
		Contents contents = Contents.of(deployment.getResources().values());
		for (ResourceEntity resource : deployment.getResources().values()) {
			List<Problem> problems = new ArrayList<>();
			String name = resource.getName();
			if (name.endsWith(".form")) {
				checkForm(name, contents, problems);
			}
			else if (isBpmn(name)) {
				Document document = ModelFiles.parseXml(resource.getBytes());
				if (document != null) {
					checkModel(document.getDocumentElement(), contents, problems);
				}
			}
			if (!problems.isEmpty()) {
				StringBuilder message = new StringBuilder(
						"モデル " + name + " は参照先が解決できないため、デプロイできません / " + name + " has unresolved references:");
				problems.forEach((problem) -> message.append("\n- ").append(problem.getMessage()));
				throw new ParseException(message.toString(), name, problems, List.of());
			}
		}
	}

	private static void checkForm(String name, Contents contents, List<Problem> problems) {
		String expected = ModelDeployer.bareName(name).replaceFirst("\\.form$", "");
		String id = contents.formIdsByResource().get(name);
		if (id == null) {
			problems.add(new ModelProblem(
					"フォーム " + name + " を読み取れません（id がありません） / " + name + " is not a Camunda Form with an id", null));
		}
		else if (!id.equals(expected)) {
			problems.add(new ModelProblem("フォームの id「" + id + "」がファイル名「" + expected + "」と一致しません / The form id " + id
					+ " must equal its file name " + expected, null));
		}
	}

	private void checkModel(Element element, Contents contents, List<Problem> problems) {
		String elementId = element.hasAttribute("id") ? element.getAttribute("id") : null;
		NamedNodeMap attributes = element.getAttributes();
		for (int i = 0; i < attributes.getLength(); i++) {
			Attr attribute = (Attr) attributes.item(i);
			String local = (attribute.getLocalName() != null) ? attribute.getLocalName() : attribute.getName();
			String value = attribute.getValue();
			if ("delegateExpression".equals(local)) {
				checkDelegate(value, elementOrParentId(element), problems);
			}
			else {
				checkExpressions(value, elementOrParentId(element), problems);
			}
			if (CAMUNDA.equals(attribute.getNamespaceURI()) && "formRef".equals(local)) {
				checkReference("フォーム", "form", value, binding(element, "formRefBinding"), contents.formIds(),
						Lookup.FORM, elementId, problems);
			}
			if (CAMUNDA.equals(attribute.getNamespaceURI()) && "decisionRef".equals(local)) {
				checkReference("決定表", "decision", value, binding(element, "decisionRefBinding"), contents.decisionIds(),
						Lookup.DECISION, elementId, problems);
			}
			if ("calledElement".equals(local) && BPMN.equals(element.getNamespaceURI())) {
				checkReference("呼び出すプロセス", "called process", value, binding(element, "calledElementBinding"),
						contents.processIds(), Lookup.PROCESS, elementId, problems);
			}
			if (CAMUNDA.equals(attribute.getNamespaceURI()) && "formKey".equals(local)
					&& value.startsWith("camunda-forms:deployment:")
					&& !contents.resourceNames().contains(value.substring("camunda-forms:deployment:".length()))) {
				problems.add(new ModelProblem(
						"フォーム " + value + " が同じデプロイメントにありません / " + value + " is not part of the deployment",
						elementId));
			}
		}
		for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
			if (child instanceof Element childElement) {
				checkModel(childElement, contents, problems);
			}
			else if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
				checkExpressions(child.getNodeValue(), elementOrParentId(element), problems);
			}
		}
	}

	private void checkDelegate(String value, String elementId, List<Problem> problems) {
		Matcher expression = EXPRESSION.matcher(value.strip());
		if (expression.matches() && IDENTIFIER.matcher(expression.group(1)).matches()) {
			String bean = expression.group(1).strip();
			if (!this.beanExists.test(bean)) {
				problems.add(new ModelProblem("処理「" + value + "」のビーン「" + bean + "」はアプリケーションにありません / No bean named "
						+ bean + " for delegateExpression " + value, elementId));
			}
			return;
		}
		checkExpressions(value, elementId, problems);
	}

	private void checkExpressions(String text, String elementId, List<Problem> problems) {
		if (text == null || (!text.contains("${") && !text.contains("#{"))) {
			return;
		}
		Matcher expression = EXPRESSION.matcher(text);
		while (expression.find()) {
			for (String bean : methodRoots(expression.group(1))) {
				if (!ENGINE_OBJECTS.contains(bean) && !this.beanExists.test(bean)) {
					problems.add(new ModelProblem("式「" + expression.group() + "」のビーン「" + bean
							+ "」はアプリケーションにありません / No bean named " + bean + " for expression " + expression.group(),
							elementId));
				}
			}
		}
	}

	/**
	 * Names whose methods an expression calls, e.g. {@code officeDays} in
	 * {@code officeDays.after(x, 3)}.
	 */
	static Set<String> methodRoots(String expression) {
		Set<String> roots = new HashSet<>();
		Matcher root = METHOD_ROOT.matcher(QUOTED.matcher(expression).replaceAll("''"));
		while (root.find()) {
			roots.add(root.group(1));
		}
		return roots;
	}

	private static void checkReference(String kindJa, String kindEn, String key, String binding,
			Set<String> inDeployment, Lookup lookup, String elementId, List<Problem> problems) {
		if (key == null || key.isBlank() || key.contains("${") || key.contains("#{")) {
			return;
		}
		boolean found = inDeployment.contains(key)
				|| (!"deployment".equals(binding) && lookup.deployed(Context.getCommandContext(), key));
		if (!found) {
			problems.add(new ModelProblem(kindJa + "「" + key + "」がデプロイされていません（" + binding + "） / No " + kindEn + " "
					+ key + " is deployed (binding " + binding + ")", elementId));
		}
	}

	private static String binding(Element element, String attribute) {
		String binding = element.getAttributeNS(CAMUNDA, attribute);
		return (binding == null || binding.isEmpty()) ? "latest" : binding;
	}

	private static String elementOrParentId(Element element) {
		for (Node node = element; node instanceof Element candidate; node = node.getParentNode()) {
			if (candidate.hasAttribute("id")) {
				return candidate.getAttribute("id");
			}
		}
		return null;
	}

	static boolean isBpmn(String name) {
		return name.endsWith(".bpmn") || name.endsWith(".bpmn20.xml");
	}

	/**
	 * Where a referenced definition is looked up when the deployment does not hold it.
	 */
	private enum Lookup {

		FORM {
			@Override
			boolean deployed(CommandContext context, String key) {
				return context.getCamundaFormDefinitionManager().findLatestDefinitionByKey(key) != null;
			}
		},
		DECISION {
			@Override
			boolean deployed(CommandContext context, String key) {
				return context.getDecisionDefinitionManager().findLatestDecisionDefinitionByKey(key) != null;
			}
		},
		PROCESS {
			@Override
			boolean deployed(CommandContext context, String key) {
				return context.getProcessDefinitionManager().findLatestProcessDefinitionByKey(key) != null;
			}
		};

		abstract boolean deployed(CommandContext context, String key);

	}

	/** What a deployment defines itself. */
	private record Contents(Set<String> resourceNames, Map<String, String> formIdsByResource, Set<String> formIds,
			Set<String> decisionIds, Set<String> processIds) {

		static Contents of(Iterable<ResourceEntity> resources) {
			Set<String> names = new HashSet<>();
			Map<String, String> formIds = new LinkedHashMap<>();
			Set<String> decisionIds = new HashSet<>();
			Set<String> processIds = new HashSet<>();
			for (ResourceEntity resource : resources) {
				names.add(resource.getName());
				if (resource.getName().endsWith(".form")) {
					String id = ModelFiles.formId(resource.getBytes());
					if (id != null) {
						formIds.put(resource.getName(), id);
					}
				}
				else if (resource.getName().endsWith(".dmn") || resource.getName().endsWith(".dmn11.xml")) {
					decisionIds.addAll(ModelFiles.ids(resource.getBytes(), "decision"));
				}
				else if (isBpmn(resource.getName())) {
					processIds.addAll(ModelFiles.ids(resource.getBytes(), "process"));
				}
			}
			return new Contents(names, formIds, new HashSet<>(formIds.values()), decisionIds, processIds);
		}

	}

	/** A problem of one model element, as Camunda Modeler shows it. */
	private record ModelProblem(String message, String elementId) implements Problem {

		@Override
		public String getMessage() {
			return this.message;
		}

		@Override
		public int getLine() {
			return 0;
		}

		@Override
		public int getColumn() {
			return 0;
		}

		@Override
		public String getMainElementId() {
			return this.elementId;
		}

		@Override
		public List<String> getElementIds() {
			return (this.elementId == null) ? List.of() : List.of(this.elementId);
		}

	}

}
