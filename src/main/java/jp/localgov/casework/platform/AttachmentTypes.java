package jp.localgov.casework.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MimeTypes;

import org.springframework.stereotype.Component;

/**
 * Which attached files are accepted, judged by their bytes: PDF, PNG, JPEG, Word, Excel
 * and PowerPoint documents (docx, xlsx, pptx, and the older doc and xls), plain text and
 * CSV. A file whose name claims another type than its bytes (a PDF named .docx, a web
 * page named .txt, a program named .png) is refused as well.
 */
@Component
public class AttachmentTypes {

	private static final MediaType OOXML = MediaType.application("x-tika-ooxml");

	private static final MediaType OLE2 = MediaType.application("x-tika-msoffice");

	/**
	 * For each accepted extension: the type the file must have, and what its bytes alone
	 * may show (an Office document's container, a CSV's plain text).
	 */
	private static final Map<String, Accepted> BY_EXTENSION = Map.ofEntries(
			Map.entry("pdf", new Accepted(MediaType.application("pdf"))),
			Map.entry("png", new Accepted(MediaType.image("png"))),
			Map.entry("jpg", new Accepted(MediaType.image("jpeg"))),
			Map.entry("jpeg", new Accepted(MediaType.image("jpeg"))),
			Map.entry("docx",
					new Accepted(MediaType.application("vnd.openxmlformats-officedocument.wordprocessingml.document"),
							OOXML)),
			Map.entry("xlsx",
					new Accepted(MediaType.application("vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
							OOXML)),
			Map.entry("pptx",
					new Accepted(MediaType.application("vnd.openxmlformats-officedocument.presentationml.presentation"),
							OOXML)),
			Map.entry("doc", new Accepted(MediaType.application("msword"), OLE2)),
			Map.entry("xls", new Accepted(MediaType.application("vnd.ms-excel"), OLE2)),
			Map.entry("txt", new Accepted(MediaType.TEXT_PLAIN)),
			Map.entry("csv", new Accepted(MediaType.text("csv"), MediaType.TEXT_PLAIN)));

	private final MimeTypes types = MimeTypes.getDefaultMimeTypes();

	/**
	 * The content type of an accepted file, as read from its bytes and confirmed by its
	 * name.
	 * @throws UnsupportedAttachmentException for any other file
	 */
	public String check(String filename, byte[] content) {
		Accepted accepted = BY_EXTENSION.get(extension(filename));
		MediaType byContent = detect(null, content);
		MediaType byBoth = detect(filename, content);
		if (accepted != null && MediaType.OCTET_STREAM.equals(byContent) && isJapaneseText(content)) {
			byContent = MediaType.TEXT_PLAIN;
			byBoth = accepted.type();
		}
		if (accepted == null || !accepted.type().equals(byBoth) || !accepted.fromBytes().contains(byContent)) {
			throw new UnsupportedAttachmentException(filename);
		}
		return accepted.type().toString();
	}

	private MediaType detect(String filename, byte[] content) {
		Metadata metadata = new Metadata();
		if (filename != null) {
			metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, filename);
		}
		try (TikaInputStream stream = TikaInputStream.get(content)) {
			return this.types.detect(stream, metadata).getBaseType();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Text in an encoding Japanese offices use besides UTF-8 (Shift_JIS as Excel writes
	 * CSV, EUC-JP), which the detector takes for bytes: it must decode without error and
	 * hold no control characters but tabs and line breaks.
	 */
	private static boolean isJapaneseText(byte[] content) {
		for (String charset : List.of("windows-31j", "EUC-JP")) {
			try {
				String text = Charset.forName(charset)
					.newDecoder()
					.onMalformedInput(CodingErrorAction.REPORT)
					.onUnmappableCharacter(CodingErrorAction.REPORT)
					.decode(ByteBuffer.wrap(content))
					.toString();
				if (text.chars().noneMatch((c) -> Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r')) {
					return true;
				}
			}
			catch (CharacterCodingException ex) {
				// not this encoding
			}
		}
		return false;
	}

	private static String extension(String filename) {
		if (filename == null) {
			return "";
		}
		int dot = filename.lastIndexOf('.');
		return (dot < 0) ? "" : filename.substring(dot + 1).strip().toLowerCase(Locale.ROOT);
	}

	/**
	 * An accepted type and what the bytes alone may show of it.
	 *
	 * @param type the type the file is stored with
	 * @param fromBytes the type itself, or the container it comes in
	 */
	private record Accepted(MediaType type, Set<MediaType> fromBytes) {

		Accepted(MediaType type) {
			this(type, Set.of(type));
		}

		Accepted(MediaType type, MediaType container) {
			this(type, Set.of(type, container));
		}

	}

}
