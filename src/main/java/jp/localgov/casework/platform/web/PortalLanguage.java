package jp.localgov.casework.platform.web;

import java.util.Locale;

/**
 * The two languages of the portal: Japanese unless English was chosen.
 */
public final class PortalLanguage {

	private PortalLanguage() {
	}

	/** {@code en} for English, otherwise {@code ja}. */
	public static String of(Locale locale) {
		return isEnglish(locale) ? "en" : "ja";
	}

	public static boolean isEnglish(Locale locale) {
		return locale != null && Locale.ENGLISH.getLanguage().equals(locale.getLanguage());
	}

}
