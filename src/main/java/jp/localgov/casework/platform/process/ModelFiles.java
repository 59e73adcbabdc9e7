package jp.localgov.casework.platform.process;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * Reads what the deploy check and the model tests need from model files: the XML of a
 * BPMN or DMN file, the ids of its processes or decisions, and a form's id.
 */
final class ModelFiles {

	private static final ObjectMapper JSON = new ObjectMapper();

	private ModelFiles() {
	}

	/** The XML document, or {@code null} when the file is not well-formed XML. */
	static Document parseXml(byte[] bytes) {
		try {
			DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
			factory.setNamespaceAware(true);
			factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
			factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
			factory.setExpandEntityReferences(false);
			return factory.newDocumentBuilder().parse(new ByteArrayInputStream(bytes));
		}
		catch (ParserConfigurationException | SAXException | IOException ex) {
			return null;
		}
	}

	/**
	 * Ids of the top-level elements named {@code localName} ({@code process},
	 * {@code decision}) of a BPMN or DMN file.
	 */
	static List<String> ids(byte[] bytes, String localName) {
		List<String> ids = new ArrayList<>();
		Document document = parseXml(bytes);
		if (document == null) {
			return ids;
		}
		for (Node child = document.getDocumentElement().getFirstChild(); child != null; child = child
			.getNextSibling()) {
			if (child instanceof Element element && localName.equals(element.getLocalName())
					&& element.hasAttribute("id")) {
				ids.add(element.getAttribute("id"));
			}
		}
		return ids;
	}

	/** A Camunda Form's id, or {@code null} when the file is not a form with an id. */
	static String formId(byte[] bytes) {
		try {
			String id = JSON.readTree(bytes).path("id").asText("");
			return id.isEmpty() ? null : id;
		}
		catch (IOException ex) {
			return null;
		}
	}

}
