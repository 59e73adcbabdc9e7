package jp.localgov.casework.lgotp.web;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jp.localgov.casework.support.CaseworkSpringBootTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Staff see the LGOTP cohorts of a year and the totals since FY1996; local governments do
 * not.
 */
@CaseworkSpringBootTest
@AutoConfigureMockMvc
class LgotpCohortPageTests {

	@Autowired
	MockMvc mvc;

	@Test
	void staffSeeTheCohortOfAPastYearAndTheTotalsSinceTheFirstYear() throws Exception {
		this.mvc.perform(get("/staff/lgotp").param("fiscalYear", "2010").with(httpBasic("kato", "demo")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("2010</span>年度")))
			.andExpect(content().string(containsString("1996–")))
			.andExpect(content().string(containsString("OB/OG")));
	}

	@Test
	void localGovernmentsAndAnonymousCannotSeeIt() throws Exception {
		this.mvc.perform(get("/staff/lgotp").with(httpBasic("hamamatsu", "demo"))).andExpect(status().isForbidden());
		this.mvc.perform(get("/staff/lgotp")).andExpect(status().isFound()).andExpect(redirectedUrlPattern("**/login"));
	}

}
