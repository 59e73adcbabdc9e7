package jp.localgov.casework.referencedata;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the UTF-8 reference CSV files (RFC 4180: header line, quoted fields with commas
 * or doubled quotes) into one map per row keyed by the header's column names.
 */
final class CsvReader {

	private CsvReader() {
	}

	static List<Map<String, String>> read(InputStream in) throws IOException {
		String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		if (text.startsWith("\uFEFF")) {
			text = text.substring(1);
		}
		List<List<String>> records = parse(text);
		if (records.isEmpty()) {
			return List.of();
		}
		List<String> header = records.get(0);
		List<Map<String, String>> rows = new ArrayList<>();
		for (int i = 1; i < records.size(); i++) {
			List<String> record = records.get(i);
			if (record.size() == 1 && record.get(0).isEmpty()) {
				continue;
			}
			if (record.size() != header.size()) {
				throw new IOException(
						"Line " + (i + 1) + ": expected " + header.size() + " fields, found " + record.size());
			}
			Map<String, String> row = new LinkedHashMap<>();
			for (int column = 0; column < header.size(); column++) {
				row.put(header.get(column), record.get(column));
			}
			rows.add(row);
		}
		return rows;
	}

	private static List<List<String>> parse(String text) {
		List<List<String>> records = new ArrayList<>();
		List<String> record = new ArrayList<>();
		StringBuilder field = new StringBuilder();
		boolean quoted = false;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (quoted) {
				if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
					field.append('"');
					i++;
				}
				else if (c == '"') {
					quoted = false;
				}
				else {
					field.append(c);
				}
			}
			else if (c == '"') {
				quoted = true;
			}
			else if (c == ',') {
				record.add(field.toString());
				field.setLength(0);
			}
			else if (c == '\n' || c == '\r') {
				if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
					i++;
				}
				record.add(field.toString());
				field.setLength(0);
				records.add(record);
				record = new ArrayList<>();
			}
			else {
				field.append(c);
			}
		}
		if (field.length() > 0 || !record.isEmpty()) {
			record.add(field.toString());
			records.add(record);
		}
		return records;
	}

}
