package jp.localgov.casework.subsidy.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.EnumSet;

import jp.localgov.casework.subsidy.ApplicantType;
import jp.localgov.casework.subsidy.SubsidyProgramme.ProgrammeRules;
import jp.localgov.casework.subsidy.SubsidyRate;
import jp.localgov.casework.subsidy.SubsidyService;
import jp.localgov.casework.support.CaseworkSpringBootTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/** Process owners change a programme's rules on a screen; nobody else can. */
@CaseworkSpringBootTest
@AutoConfigureMockMvc
class SubsidyProgrammePageTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	SubsidyService subsidies;

	String code;

	@BeforeEach
	void programme() {
		this.code = "SCREEN_" + System.nanoTime();
		this.subsidies.defineProgramme(this.code, 2030, "画面テスト事業", "economicExchange",
				new ProgrammeRules(5_000_000, new SubsidyRate(1, 2), 1_000_000, EnumSet.of(ApplicantType.MUNICIPALITY),
						LocalDate.of(2030, 4, 1), LocalDate.of(2031, 3, 31)),
				true);
	}

	@Test
	void aProcessOwnerChangesTheRules() throws Exception {
		this.mvc
			.perform(get("/staff/subsidies/programmes/{code}", this.code).param("fiscalYear", "2030")
				.with(httpBasic("owner", "demo")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("画面テスト事業")))
			.andExpect(content().string(containsString("value=\"1/2\"")));

		this.mvc
			.perform(post("/staff/subsidies/programmes/{code}", this.code).param("fiscalYear", "2030")
				.param("budget", "8000000")
				.param("rate", "2/3")
				.param("ceiling", "1500000")
				.param("eligibleTypes", "MUNICIPALITY", "PREFECTURE")
				.param("opensOn", "2030-04-01")
				.param("closesOn", "2030-12-31")
				.with(httpBasic("owner", "demo"))
				.with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/staff/subsidies?fiscalYear=2030"));

		var changed = this.subsidies.programmes(2030)
			.stream()
			.filter((programme) -> programme.code().equals(this.code))
			.findFirst()
			.orElseThrow();
		assertThat(changed.budget()).isEqualTo(8_000_000);
		assertThat(changed.rate()).isEqualTo("2/3");
		assertThat(changed.eligibleApplicantTypes()).containsExactlyInAnyOrder(ApplicantType.MUNICIPALITY,
				ApplicantType.PREFECTURE);
		assertThat(changed.demo()).isFalse();
	}

	@Test
	void refusalsAreExplainedInThePage() throws Exception {
		this.mvc
			.perform(post("/staff/subsidies/programmes/{code}", this.code).param("fiscalYear", "2030")
				.param("budget", "8000000")
				.param("rate", "3/2")
				.param("ceiling", "1500000")
				.param("eligibleTypes", "MUNICIPALITY")
				.param("opensOn", "2030-04-01")
				.param("closesOn", "2030-12-31")
				.with(httpBasic("owner", "demo"))
				.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("role=\"alert\"")));
		this.mvc
			.perform(post("/staff/subsidies/programmes/{code}", this.code).param("fiscalYear", "2030")
				.param("budget", "8000000")
				.param("rate", "1/2")
				.param("ceiling", "1500000")
				.param("opensOn", "2030-04-01")
				.param("closesOn", "2030-12-31")
				.with(httpBasic("owner", "demo"))
				.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("1つ以上選んでください")));
	}

	@Test
	void onlyProcessOwnersMayChangeRules() throws Exception {
		this.mvc
			.perform(get("/staff/subsidies/programmes/{code}", this.code).param("fiscalYear", "2030")
				.with(httpBasic("tanaka", "demo")))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(get("/staff/subsidies/programmes/{code}", this.code).param("fiscalYear", "2030")
				.with(httpBasic("hamamatsu", "demo")))
			.andExpect(status().isForbidden());
	}

}
