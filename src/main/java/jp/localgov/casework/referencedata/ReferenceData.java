package jp.localgov.casework.referencedata;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Read-only access to the reference data for the other modules and the lookup API:
 * municipalities by code or search text and overseas offices (national holidays:
 * {@link NationalHolidays}).
 */
@Service
@Transactional(readOnly = true)
public class ReferenceData {

	/** Most results a search returns; enough for a type-ahead list. */
	public static final int MAX_SEARCH_RESULTS = 20;

	private final MunicipalityRepository municipalities;

	private final OverseasOfficeRepository offices;

	ReferenceData(MunicipalityRepository municipalities, OverseasOfficeRepository offices) {
		this.municipalities = municipalities;
		this.offices = offices;
	}

	public Optional<Municipality> municipality(String code) {
		return (code == null) ? Optional.empty() : this.municipalities.findById(code);
	}

	public boolean isKnownMunicipality(String code) {
		return code != null && this.municipalities.existsById(code);
	}

	/**
	 * Municipalities matching the text by code prefix, name (also with the prefecture,
	 * e.g. 静岡県浜松), kana (hiragana is accepted) or romaji, in code order.
	 */
	public List<Municipality> searchMunicipalities(String text) {
		String query = text.strip();
		String like = escapeLike(query);
		return this.municipalities.search(like + "%", "%" + like + "%", "%" + escapeLike(toKatakana(query)) + "%",
				"%" + like.toLowerCase(Locale.ROOT) + "%", PageRequest.of(0, MAX_SEARCH_RESULTS));
	}

	public List<OverseasOffice> overseasOffices() {
		return this.offices.findAllByOrderByCode();
	}

	static String toKatakana(String text) {
		StringBuilder katakana = new StringBuilder(text.length());
		for (char c : text.toCharArray()) {
			katakana.append((c >= '\u3041' && c <= '\u3096') ? (char) (c + 0x60) : c);
		}
		return katakana.toString();
	}

	private static String escapeLike(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

}
