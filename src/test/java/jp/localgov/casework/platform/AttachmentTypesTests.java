package jp.localgov.casework.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Attachments are judged by their bytes: the accepted kinds of documents pass with the
 * type read from them, anything else and every name that lies about the bytes is refused.
 */
class AttachmentTypesTests {

	private final AttachmentTypes types = new AttachmentTypes();

	@Test
	void documentsOfTheAcceptedKindsPassWithTheTypeReadFromTheirBytes() throws IOException {
		assertThat(this.types.check("計画.pdf", pdf())).isEqualTo("application/pdf");
		assertThat(this.types.check("photo.PNG", png())).isEqualTo("image/png");
		assertThat(this.types.check("photo.jpg", jpeg())).isEqualTo("image/jpeg");
		assertThat(this.types.check("photo.jpeg", jpeg())).isEqualTo("image/jpeg");
		assertThat(this.types.check("予算.xlsx", ooxml("xl/workbook.xml")))
			.isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
		assertThat(this.types.check("計画書.docx", ooxml("word/document.xml")))
			.isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
		assertThat(this.types.check("説明.pptx", ooxml("ppt/presentation.xml")))
			.isEqualTo("application/vnd.openxmlformats-officedocument.presentationml.presentation");
		assertThat(this.types.check("古い計画書.doc", ole2())).isEqualTo("application/msword");
		assertThat(this.types.check("古い予算.xls", ole2())).isEqualTo("application/vnd.ms-excel");
		assertThat(this.types.check("メモ.txt", "年間計画\n2026年度".getBytes(StandardCharsets.UTF_8))).isEqualTo("text/plain");
		assertThat(this.types.check("一覧.csv", "団体コード,名称\n221309,浜松市\n".getBytes(Charset.forName("Shift_JIS"))))
			.isEqualTo("text/csv");
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|',
			textBlock = """
					a program                  | setup.exe    | MZ
					a web page                 | page.html    | <!DOCTYPE html><html><body><script>alert(1)</script></body></html>
					a web page named as text   | notes.txt    | <!DOCTYPE html><html><body><script>alert(1)</script></body></html>
					an SVG image               | logo.svg     | <svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>
					an SVG named as a PNG      | logo.png     | <svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>
					text without an extension  | README       | plain words
					""")
	void otherFilesAndLyingNamesAreRefused(String what, String filename, String content) {
		assertThatThrownBy(() -> this.types.check(filename, content.getBytes(StandardCharsets.UTF_8)))
			.isInstanceOf(UnsupportedAttachmentException.class)
			.extracting((ex) -> ((UnsupportedAttachmentException) ex).getFilename())
			.isEqualTo(filename);
	}

	@Test
	void aPdfNamedAsAWordDocumentAndAPlainZipNamedAsExcelAreRefused() throws IOException {
		assertThatThrownBy(() -> this.types.check("計画書.docx", pdf()))
			.isInstanceOf(UnsupportedAttachmentException.class);
		assertThatThrownBy(() -> this.types.check("予算.xlsx", zip("data.bin")))
			.isInstanceOf(UnsupportedAttachmentException.class);
		assertThatThrownBy(() -> this.types.check("写真.pdf", png())).isInstanceOf(UnsupportedAttachmentException.class);
	}

	static byte[] pdf() {
		return "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
	}

	static byte[] png() {
		return new byte[] { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R', 0, 0,
				0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0 };
	}

	static byte[] jpeg() {
		return new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10, 'J', 'F', 'I', 'F', 0, 1, 1, 0,
				0, 1, 0, 1, 0, 0, (byte) 0xFF, (byte) 0xD9 };
	}

	static byte[] ole2() {
		byte[] header = new byte[1024];
		byte[] magic = { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1 };
		System.arraycopy(magic, 0, header, 0, magic.length);
		return header;
	}

	static byte[] ooxml(String part) throws IOException {
		return zip("[Content_Types].xml", part);
	}

	private static byte[] zip(String... entries) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
			for (String entry : entries) {
				zip.putNextEntry(new ZipEntry(entry));
				zip.write("<?xml version=\"1.0\"?><x/>".getBytes(StandardCharsets.UTF_8));
				zip.closeEntry();
			}
		}
		return bytes.toByteArray();
	}

}
