package jp.localgov.casework.platform.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.support.SimpleBeanDefinitionRegistry;
import org.springframework.context.annotation.AnnotationBeanNameGenerator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.stereotype.Component;

/**
 * The models in {@code bpmn/} and {@code forms/} bind to what exists, checked without
 * starting the application: every {@code delegateExpression} and every bean whose method
 * an expression calls is a bean of the application (found from the annotations of the
 * main classes), every {@code formRef} has a form whose id is its file name, every
 * {@code decisionRef} and {@code calledElement} names a model of the repository, file
 * names are unique across both folders (they are the deployed resource names), every
 * service-task handler has an element template for Camunda Modeler, and form keys and
 * timer variables are constants of their process.
 */
class ModelBindingTests {

	/**
	 * Processes whose constants class must list every form key and timer variable; a
	 * module adds its processes here once its constants class is complete.
	 */
	private static final Set<String> STRICT_CONSTANTS = Set.of("SystemCheck", "OutgoingMail");

	private static final Path BPMN = Paths.get("bpmn");

	private static final Path FORMS = Paths.get("forms");

	private static final Path TEMPLATES = Paths.get(".camunda", "element-templates");

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final Pattern EXPRESSION = Pattern.compile("[$#]\\{(.*?)}", Pattern.DOTALL);

	private static final Pattern SIMPLE = Pattern.compile("\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*");

	private static final Pattern WORD = Pattern.compile("(?<![\\w.'\"])([A-Za-z_][A-Za-z0-9_]*+)(?!\\s*\\()");

	private static final Set<String> EL_WORDS = Set.of("and", "or", "not", "eq", "ne", "lt", "gt", "le", "ge", "empty",
			"div", "mod", "true", "false", "null", "instanceof");

	private static Set<String> beans;

	@BeforeAll
	static void scanBeans() throws Exception {
		beans = applicationBeanNames();
	}

	@Test
	void bareFileNamesAreUniqueAcrossModelsAndForms() throws IOException {
		Map<String, List<Path>> byName = new TreeMap<>();
		for (Path file : files(BPMN, ".bpmn", ".dmn")) {
			byName.computeIfAbsent(file.getFileName().toString(), (name) -> new ArrayList<>()).add(file);
		}
		for (Path file : files(FORMS, ".form")) {
			byName.computeIfAbsent(file.getFileName().toString(), (name) -> new ArrayList<>()).add(file);
		}
		assertThat(byName).as("model files sharing a deployed resource name")
			.allSatisfy((name, paths) -> assertThat(paths).hasSize(1));
	}

	@Test
	void everyHandlerAndEveryBeanAnExpressionCallsExists() throws IOException {
		List<String> missing = new ArrayList<>();
		for (Path file : files(BPMN, ".bpmn")) {
			walk(document(file).getDocumentElement(), (element, attribute, value) -> {
				if ("delegateExpression".equals(attribute)) {
					Matcher simple = simpleExpression(value);
					if (simple == null) {
						missing.add(file + " " + value + ": a delegateExpression names one bean, ${name}");
					}
					else if (!beans.contains(simple.group(1))) {
						missing.add(file + " " + value);
					}
				}
				expressions(value).forEach((expression) -> ModelReferenceCheck.methodRoots(expression)
					.stream()
					.filter((root) -> !ModelReferenceCheck.ENGINE_OBJECTS.contains(root) && !beans.contains(root))
					.forEach((root) -> missing.add(file + " ${" + expression + "}: no bean " + root)));
			});
		}
		assertThat(missing).as("beans the models name that the application does not have").isEmpty();
		assertThat(beans).as("the scan finds the beans the models use")
			.contains("sendMailDelegate", "officeDays", "lgotpJourneys");
	}

	@Test
	void everyFormRefHasAFormWhoseIdIsItsFileName() throws IOException {
		Map<String, Path> forms = new HashMap<>();
		for (Path file : files(FORMS, ".form")) {
			String id = JSON.readTree(file.toFile()).path("id").asText();
			assertThat(file.getFileName().toString()).as("form id of " + file).isEqualTo(id + ".form");
			forms.put(id, file);
		}
		List<String> unresolved = new ArrayList<>();
		for (Path file : files(BPMN, ".bpmn")) {
			walk(document(file).getDocumentElement(), (element, attribute, value) -> {
				if ("formRef".equals(attribute) && !forms.containsKey(value)) {
					unresolved.add(file + " formRef " + value);
				}
				if ("formKey".equals(attribute)) {
					unresolved.add(file + " formKey " + value + ": use camunda:formRef");
				}
				if (attribute.endsWith("Binding") && !"latest".equals(value)) {
					unresolved.add(file + " " + attribute + "=" + value + ": models bind latest");
				}
			});
		}
		assertThat(unresolved).isEmpty();
	}

	@Test
	void everyDecisionRefAndCalledElementNamesAModelOfTheRepository() throws IOException {
		Set<String> decisions = new HashSet<>();
		for (Path file : files(BPMN, ".dmn")) {
			decisions.addAll(ModelFiles.ids(Files.readAllBytes(file), "decision"));
		}
		Set<String> processes = new HashSet<>();
		for (Path file : files(BPMN, ".bpmn")) {
			processes.addAll(ModelFiles.ids(Files.readAllBytes(file), "process"));
		}
		List<String> unresolved = new ArrayList<>();
		for (Path file : files(BPMN, ".bpmn")) {
			walk(document(file).getDocumentElement(), (element, attribute, value) -> {
				if ("decisionRef".equals(attribute) && !decisions.contains(value)) {
					unresolved.add(file + " decisionRef " + value);
				}
				if ("calledElement".equals(attribute) && !processes.contains(value)) {
					unresolved.add(file + " calledElement " + value);
				}
			});
		}
		assertThat(decisions).contains("InquiryRouting", "InquiryDeadlines", "LgotpSchedule");
		assertThat(unresolved).isEmpty();
	}

	@Test
	void formKeysAndTimerVariablesAreConstantsOfTheirProcess() throws Exception {
		Map<String, Set<String>> constantsByProcess = constantsClasses();
		List<String> missing = new ArrayList<>();
		for (Path file : files(BPMN, ".bpmn")) {
			Document document = document(file);
			for (Element process : children(document.getDocumentElement(), "process")) {
				String processId = process.getAttribute("id");
				Set<String> needed = new TreeSet<>();
				walk(process, (element, attribute, value) -> {
					if ("formRef".equals(attribute)) {
						needed.add(value);
					}
				});
				collectTimerVariables(process, needed);
				Set<String> constants = constantsByProcess.get(processId);
				if (STRICT_CONSTANTS.contains(processId)) {
					assertThat(constants).as("constants class of " + processId).isNotNull();
				}
				if (constants == null) {
					continue;
				}
				needed.stream()
					.filter((name) -> !constants.contains(name))
					.forEach((name) -> missing.add(processId + ": " + name));
			}
		}
		List<String> strict = missing.stream()
			.filter((entry) -> STRICT_CONSTANTS.contains(entry.substring(0, entry.indexOf(':'))))
			.toList();
		assertThat(strict).as("form keys and timer variables without a constant").isEmpty();
		if (!missing.isEmpty()) {
			System.out.println("Form keys and timer variables not yet constants of their process: " + missing);
		}
	}

	@Test
	void everyServiceTaskHandlerHasAnElementTemplateAndEveryTemplateNamesABean() throws IOException {
		Set<String> templated = new TreeSet<>();
		for (Path file : files(TEMPLATES, ".json")) {
			for (JsonNode template : JSON.readTree(file.toFile())) {
				assertThat(template.path("$schema").asText()).as(file + " schema")
					.isEqualTo("https://unpkg.com/@camunda/element-templates-json-schema/resources/schema.json");
				assertThat(template.path("id").asText()).isNotBlank();
				assertThat(template.path("name").asText()).isNotBlank();
				for (JsonNode property : template.path("properties")) {
					if ("camunda:delegateExpression".equals(property.path("binding").path("name").asText())) {
						Matcher simple = simpleExpression(property.path("value").asText());
						assertThat(simple).as(template.path("id").asText() + " names one bean").isNotNull();
						assertThat(beans).as(template.path("id").asText() + " names a bean").contains(simple.group(1));
						templated.add(simple.group(1));
					}
				}
			}
		}
		Set<String> handlers = new TreeSet<>();
		for (Path file : files(BPMN, ".bpmn")) {
			walk(document(file).getDocumentElement(), (element, attribute, value) -> {
				// Task listeners cannot be chosen from templates in Camunda 7.
				if ("delegateExpression".equals(attribute) && !"taskListener".equals(element.getLocalName())) {
					Matcher simple = simpleExpression(value);
					if (simple != null) {
						handlers.add(simple.group(1));
					}
				}
			});
		}
		assertThat(templated).as("handlers with an element template").containsAll(handlers);
	}

	private static void collectTimerVariables(Element process, Set<String> needed) {
		walkElements(process, (element) -> {
			if (!"timerEventDefinition".equals(element.getLocalName())) {
				return;
			}
			for (Element timer : children(element, null)) {
				for (String expression : expressions(timer.getTextContent())) {
					String withoutStrings = expression.replaceAll("'(?:[^'\\\\]|\\\\.)*'|\"(?:[^\"\\\\]|\\\\.)*\"",
							"''");
					Matcher word = WORD.matcher(withoutStrings);
					while (word.find()) {
						String name = word.group(1);
						if (!EL_WORDS.contains(name) && !beans.contains(name)
								&& !ModelReferenceCheck.ENGINE_OBJECTS.contains(name)) {
							needed.add(name);
						}
					}
				}
			}
		});
	}

	/**
	 * Process id to the string constants of the class declaring it: a class named
	 * {@code *Process} in a {@code process} package with a constant equal to the id.
	 */
	private static Map<String, Set<String>> constantsClasses() throws Exception {
		Map<String, Set<String>> byProcess = new HashMap<>();
		PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
		for (Resource resource : resolver.getResources("classpath*:jp/localgov/casework/**/process/*Process.class")) {
			if (resource.getURL().toString().contains("/test-classes/")) {
				continue;
			}
			String url = resource.getURL().toString();
			String className = url.substring(url.indexOf("jp/localgov/casework/"), url.length() - ".class".length())
				.replace('/', '.');
			Set<String> constants = new HashSet<>();
			for (Field field : Class.forName(className).getDeclaredFields()) {
				if (Modifier.isStatic(field.getModifiers()) && Modifier.isFinal(field.getModifiers())
						&& field.getType() == String.class) {
					field.setAccessible(true);
					constants.add((String) field.get(null));
				}
			}
			for (String constant : constants) {
				byProcess.merge(constant, constants, (a, b) -> {
					Set<String> both = new HashSet<>(a);
					both.addAll(b);
					return both;
				});
			}
		}
		return byProcess;
	}

	/**
	 * Names of the application's beans, from {@code @Component} classes (explicit or
	 * default names) and {@code @Bean} methods of the main classes.
	 */
	private static Set<String> applicationBeanNames() throws ClassNotFoundException {
		ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
		scanner.addIncludeFilter(new AnnotationTypeFilter(Component.class));
		SimpleBeanDefinitionRegistry registry = new SimpleBeanDefinitionRegistry();
		Set<String> names = new TreeSet<>();
		for (BeanDefinition definition : scanner.findCandidateComponents("jp.localgov.casework")) {
			if (definition instanceof org.springframework.beans.factory.support.AbstractBeanDefinition abstractDefinition
					&& abstractDefinition.getResourceDescription() != null
					&& abstractDefinition.getResourceDescription().contains("test-classes")) {
				continue;
			}
			names.add(AnnotationBeanNameGenerator.INSTANCE.generateBeanName(definition, registry));
			for (Method method : Class.forName(definition.getBeanClassName()).getDeclaredMethods()) {
				Bean bean = method.getAnnotation(Bean.class);
				if (bean != null) {
					names.add((bean.name().length > 0) ? bean.name()[0] : method.getName());
				}
			}
		}
		return names;
	}

	private static List<Path> files(Path root, String... extensions) throws IOException {
		try (Stream<Path> files = Files.walk(root)) {
			return files.filter((path) -> Stream.of(extensions).anyMatch((ext) -> path.toString().endsWith(ext)))
				.sorted()
				.toList();
		}
	}

	private static Document document(Path file) throws IOException {
		Document document = ModelFiles.parseXml(Files.readAllBytes(file));
		assertThat(document).as(file + " is well-formed XML").isNotNull();
		return document;
	}

	private static Matcher simpleExpression(String value) {
		Matcher expression = EXPRESSION.matcher(value.strip());
		if (!expression.matches()) {
			return null;
		}
		Matcher simple = SIMPLE.matcher(expression.group(1));
		return simple.matches() ? simple : null;
	}

	private static List<String> expressions(String text) {
		List<String> found = new ArrayList<>();
		if (text != null) {
			Matcher expression = EXPRESSION.matcher(text);
			while (expression.find()) {
				found.add(expression.group(1));
			}
		}
		return found;
	}

	private static List<Element> children(Element parent, String localName) {
		List<Element> children = new ArrayList<>();
		for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
			if (child instanceof Element element && (localName == null || localName.equals(element.getLocalName()))) {
				children.add(element);
			}
		}
		return children;
	}

	private static void walkElements(Element element, java.util.function.Consumer<Element> visitor) {
		visitor.accept(element);
		children(element, null).forEach((child) -> walkElements(child, visitor));
	}

	/**
	 * Visits every attribute and every text of the elements (text as attribute "#text").
	 */
	private static void walk(Element root, AttributeVisitor visitor) {
		walkElements(root, (element) -> {
			NamedNodeMap attributes = element.getAttributes();
			for (int i = 0; i < attributes.getLength(); i++) {
				Attr attribute = (Attr) attributes.item(i);
				String name = (attribute.getLocalName() != null) ? attribute.getLocalName() : attribute.getName();
				visitor.visit(element, name, attribute.getValue());
			}
			for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
				if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
					visitor.visit(element, "#text", child.getNodeValue());
				}
			}
		});
	}

	@FunctionalInterface
	private interface AttributeVisitor {

		void visit(Element element, String attribute, String value);

	}

}
