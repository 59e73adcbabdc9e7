package jp.localgov.casework.platform.web;

import java.util.Locale;

/**
 * The name of a municipality as the portal shows it in the page's language (the full
 * Japanese name, or the English one); the code itself when it is unknown.
 */
public interface MunicipalityNames {

	String nameOf(String municipalityCode, Locale locale);

}
