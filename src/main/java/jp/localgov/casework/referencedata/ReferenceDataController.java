package jp.localgov.casework.referencedata;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jp.localgov.casework.platform.NotFoundException;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Lookup API for forms and the applicant portal: municipalities and overseas offices. */
@RestController
@RequestMapping("/api")
class ReferenceDataController {

	private final ReferenceData referenceData;

	ReferenceDataController(ReferenceData referenceData) {
		this.referenceData = referenceData;
	}

	/**
	 * {@code GET /api/municipalities?q=浜松}: up to 20 matches by code, name, kana or
	 * romaji.
	 */
	@GetMapping("/municipalities")
	List<MunicipalityView> search(@RequestParam @NotBlank(message = "{referenceData.q.NotBlank}") @Size(max = 40,
			message = "{referenceData.q.Size}") String q) {
		return this.referenceData.searchMunicipalities(q).stream().map(MunicipalityView::of).toList();
	}

	@GetMapping("/municipalities/{code}")
	MunicipalityView municipality(
			@PathVariable @Pattern(regexp = "\\d{6}", message = "{referenceData.code.Pattern}") String code) {
		return this.referenceData.municipality(code)
			.map(MunicipalityView::of)
			.orElseThrow(() -> NotFoundException.withMessage("referenceData.municipality.notFound", code));
	}

	@GetMapping("/overseas-offices")
	List<OverseasOfficeView> overseasOffices() {
		return this.referenceData.overseasOffices().stream().map(OverseasOfficeView::of).toList();
	}

	record MunicipalityView(String code, String prefectureCode, String prefecture, String name, String fullName,
			String nameKana, String nameEn) {

		static MunicipalityView of(Municipality m) {
			return new MunicipalityView(m.getCode(), m.getPrefectureCode(), m.getPrefecture(), m.getName(),
					m.getFullName(), m.getNameKana(), m.getNameEn());
		}

	}

	record OverseasOfficeView(String code, String owner, String nameJa, String nameEn, String city, String country,
			String address, String phone, String fax) {

		static OverseasOfficeView of(OverseasOffice o) {
			return new OverseasOfficeView(o.getCode(), o.getOwner(), o.getNameJa(), o.getNameEn(), o.getCity(),
					o.getCountry(), o.getAddress(), o.getPhone(), o.getFax());
		}

	}

}
