package jp.localgov.casework.subsidy;

import java.util.Set;

/**
 * Who may apply to a programme: the kinds of local government (and their associations).
 */
public enum ApplicantType {

	PREFECTURE("都道府県"), DESIGNATED_CITY("指定都市"), MUNICIPALITY("市区町村"), REGIONAL_INTERNATIONAL_ASSOCIATION("地域国際化協会");

	/** The 20 designated cities (政令指定都市) by local government code. */
	private static final Set<String> DESIGNATED_CITIES = Set.of("011002", "041009", "111007", "121002", "141003",
			"141305", "141500", "151009", "221007", "221309", "231002", "261009", "271004", "271403", "281000",
			"331007", "341002", "401005", "401307", "431001");

	private final String label;

	ApplicantType(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

	/** The kind of local government a 6-digit code stands for. */
	public static ApplicantType ofMunicipalityCode(String code) {
		if (code.substring(2, 5).equals("000")) {
			return PREFECTURE;
		}
		return DESIGNATED_CITIES.contains(code) ? DESIGNATED_CITY : MUNICIPALITY;
	}

}
