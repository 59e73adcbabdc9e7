package jp.localgov.casework.platform.web;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Component;

/**
 * The user-facing texts of the portal and the APIs, from the message bundles: in the
 * page's language for the portal, Japanese then English for the APIs, whose callers
 * choose no language.
 */
@Component
public class Texts {

	/** Separates the Japanese and the English part of a bilingual text. */
	static final String SEPARATOR = " / ";

	private final MessageSource messages;

	Texts(MessageSource messages) {
		this.messages = messages;
	}

	/** The text of a message code in the given language. */
	public String text(String code, Locale locale, Object... arguments) {
		return text(new DefaultMessageSourceResolvable(new String[] { code }, arguments), locale);
	}

	/**
	 * The text of a message (a code of the bundles, or a literal text that may be
	 * {@code 日本語 / English}) in the given language.
	 */
	public String text(MessageSourceResolvable message, Locale locale) {
		if (message.getCodes() == null || message.getCodes().length == 0) {
			return inLanguage(message.getDefaultMessage(), locale);
		}
		return this.messages.getMessage(message, locale);
	}

	/** Japanese, then English: {@code 日本語 / English}. */
	public String bilingual(String code, Object... arguments) {
		return bilingual(new DefaultMessageSourceResolvable(new String[] { code }, arguments));
	}

	/**
	 * Japanese, then English, of a message; a literal text is given as it is (it is
	 * already bilingual or in one language only).
	 */
	public String bilingual(MessageSourceResolvable message) {
		if (message.getCodes() == null || message.getCodes().length == 0) {
			return String.valueOf(message.getDefaultMessage());
		}
		String japanese = this.messages.getMessage(message, Locale.JAPANESE);
		String english = this.messages.getMessage(message, Locale.ENGLISH);
		return japanese.equals(english) ? japanese : japanese + SEPARATOR + english;
	}

	/**
	 * The part of a bilingual literal text ({@code 日本語 / English}) in the page's
	 * language; a trailing {@code （現在：…）} stays with the Japanese, and a text in one
	 * language only is given as it is.
	 */
	public static String inLanguage(String message, Locale locale) {
		if (message == null) {
			return "";
		}
		int separator = message.indexOf(SEPARATOR);
		if (separator < 0) {
			return message;
		}
		int current = message.lastIndexOf("（現在：");
		boolean currentAtEnd = current > separator;
		if (!PortalLanguage.isEnglish(locale)) {
			return message.substring(0, separator).strip() + (currentAtEnd ? message.substring(current) : "");
		}
		String english = message.substring(separator + SEPARATOR.length(), currentAtEnd ? current : message.length())
			.strip();
		return english.isEmpty() ? english : Character.toUpperCase(english.charAt(0)) + english.substring(1);
	}

}
