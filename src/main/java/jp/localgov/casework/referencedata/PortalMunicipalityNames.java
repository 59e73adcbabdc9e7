package jp.localgov.casework.referencedata;

import java.util.Locale;

import jp.localgov.casework.platform.web.MunicipalityNames;
import jp.localgov.casework.platform.web.PortalLanguage;

import org.springframework.stereotype.Component;

/**
 * Municipality names for the portal's pages: the full Japanese name (with the prefecture)
 * or the English name.
 */
@Component
class PortalMunicipalityNames implements MunicipalityNames {

	private final ReferenceData referenceData;

	PortalMunicipalityNames(ReferenceData referenceData) {
		this.referenceData = referenceData;
	}

	@Override
	public String nameOf(String municipalityCode, Locale locale) {
		return this.referenceData.municipality(municipalityCode)
			.map((found) -> PortalLanguage.isEnglish(locale) ? found.getNameEn() : found.getFullName())
			.orElse(municipalityCode);
	}

}
