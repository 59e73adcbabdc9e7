package jp.localgov.casework.referencedata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;

import jp.localgov.casework.support.CaseworkSpringBootTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The municipality lookup that forms and the portal use, on the data loaded at first
 * start.
 */
@CaseworkSpringBootTest
@AutoConfigureMockMvc
class ReferenceDataApiTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	NationalHolidays holidays;

	@Autowired
	MunicipalityRepository municipalities;

	@ParameterizedTest(name = "{0} finds {1}")
	@CsvSource({ "浜松, 221309", "静岡県浜松, 221309", "はままつ, 221309", "ハママツ, 221309", "hamamatsu, 221309",
			"HAMAMATSU, 221309", "2213, 221309", "千代田区, 131016", "北海道, 010006" })
	void findsMunicipalitiesByNameKanaRomajiOrCode(String query, String code) throws Exception {
		this.mvc.perform(get("/api/municipalities").param("q", query))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].code", hasItem(code)));
	}

	@Test
	void answersWithNamesForDisplay() throws Exception {
		this.mvc.perform(get("/api/municipalities/221309"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.name").value("浜松市"))
			.andExpect(jsonPath("$.fullName").value("静岡県浜松市"))
			.andExpect(jsonPath("$.nameEn").value("Hamamatsu-shi"));
	}

	@Test
	void limitsResultsForTypeAhead() throws Exception {
		this.mvc.perform(get("/api/municipalities").param("q", "市"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$", hasSize(ReferenceData.MAX_SEARCH_RESULTS)));
	}

	@Test
	void treatsLikeWildcardsAsText() throws Exception {
		this.mvc.perform(get("/api/municipalities").param("q", "%"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$", hasSize(0)));
		this.mvc.perform(get("/api/municipalities").param("q", "_"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$", hasSize(0)));
	}

	@Test
	void rejectsMissingBlankOrOverlongSearchText() throws Exception {
		this.mvc.perform(get("/api/municipalities"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("q")));
		this.mvc.perform(get("/api/municipalities").param("q", "  "))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("q"));
		this.mvc.perform(get("/api/municipalities").param("q", "あ".repeat(41)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("q"));
	}

	@Test
	void unknownOrMalformedCodes() throws Exception {
		this.mvc.perform(get("/api/municipalities/999999"))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("999999")));
		this.mvc.perform(get("/api/municipalities/12ab")).andExpect(status().isBadRequest());
	}

	@Test
	void loadsAllReferenceDataAtFirstStart() throws Exception {
		assertThat(this.municipalities.count()).isEqualTo(1788);
		assertThat(this.municipalities.findById("010006"))
			.hasValueSatisfying((hokkaido) -> assertThat(hokkaido.isPrefecture()).isTrue());
		this.mvc.perform(get("/api/overseas-offices"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$", hasSize(9)))
			.andExpect(jsonPath("$[*].code", hasItem("NYC")));
		assertThat(this.holidays.isHoliday(LocalDate.of(2026, 1, 1))).isTrue();
		assertThat(this.holidays.isHoliday(LocalDate.of(2026, 1, 5))).isFalse();
		this.mvc.perform(get("/api/municipalities").param("q", "13"))
			.andExpect(jsonPath("$[*].code", everyItem(startsWith("13"))));
	}

}
