package jp.localgov.casework.referencedata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;

import jp.localgov.casework.support.CaseworkSpringBootTest;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Administrators keep the national-holiday calendar on a staff page without a release,
 * and operators are warned well before it runs out: in the health endpoint, the log and
 * the page; office days beyond its last year are logged.
 */
@CaseworkSpringBootTest
@AutoConfigureMockMvc
@ExtendWith(OutputCaptureExtension.class)
class HolidayCalendarTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	NationalHolidays holidays;

	@Autowired
	OfficeCalendar calendar;

	@Autowired
	HolidayCalendarChecks checks;

	@AfterEach
	void realTime() {
		ClockUtil.reset();
	}

	@Test
	void anAdministratorAddsTheNextYearByPastingItsList() throws Exception {
		this.mvc.perform(get("/staff/admin/holidays").param("year", "2027").with(httpBasic("admin", "admin")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("勤労感謝の日")))
			.andExpect(content().string(containsString("2027-11-23")));
		assertThat(this.calendar.isOfficeDay(LocalDate.of(2030, 1, 14))).isTrue();

		this.mvc
			.perform(post("/staff/admin/holidays/import").param("csv", "date,name\n2030-01-01,元日\n2030-01-14,成人の日\n")
				.with(httpBasic("admin", "admin"))
				.with(csrf()))
			.andExpect(status().is3xxRedirection());

		assertThat(this.calendar.isOfficeDay(LocalDate.of(2030, 1, 14))).isFalse();
		assertThat(this.holidays.status().lastYear()).isEqualTo(2030);
		this.mvc.perform(get("/staff/admin/holidays").param("year", "2030").with(httpBasic("admin", "admin")))
			.andExpect(content().string(containsString("成人の日")))
			.andExpect(content().string(containsString("admin")));

		this.mvc
			.perform(post("/staff/admin/holidays/remove").param("date", "2030-01-14")
				.with(httpBasic("admin", "admin"))
				.with(csrf()))
			.andExpect(status().is3xxRedirection());
		this.mvc
			.perform(post("/staff/admin/holidays/remove").param("date", "2030-01-01")
				.with(httpBasic("admin", "admin"))
				.with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(this.calendar.isOfficeDay(LocalDate.of(2030, 1, 14))).isTrue();
		assertThat(this.holidays.status().lastYear()).isEqualTo(2027);
	}

	@Test
	void anAdministratorAddsAndRemovesOneDateAndTheBundledListDoesNotBringItBack() throws Exception {
		LocalDate bundled = LocalDate.of(2027, 11, 3);
		this.mvc
			.perform(post("/staff/admin/holidays/remove").param("date", bundled.toString())
				.with(httpBasic("admin", "admin"))
				.with(csrf()))
			.andExpect(status().is3xxRedirection());
		this.holidays.mergeBundled();
		assertThat(this.holidays.isHoliday(bundled)).as("a removal survives a restart").isFalse();

		this.mvc
			.perform(post("/staff/admin/holidays").param("date", bundled.toString())
				.param("name", "文化の日")
				.with(httpBasic("admin", "admin"))
				.with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(this.holidays.isHoliday(bundled)).isTrue();

		this.mvc
			.perform(post("/staff/admin/holidays").param("date", "2027-06-01")
				.param("name", "")
				.with(httpBasic("admin", "admin"))
				.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("祝日の名称を40文字以内で入力してください")));
		this.mvc
			.perform(post("/staff/admin/holidays/import").param("csv", "2030-13-01,誤り")
				.with(httpBasic("admin", "admin"))
				.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("1 行目の日付が正しくありません")));
	}

	@Test
	void onlyAdministratorsKeepTheCalendar() throws Exception {
		this.mvc.perform(get("/staff/admin/holidays").with(httpBasic("owner", "demo")))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(post("/staff/admin/holidays").param("date", "2027-06-01")
				.param("name", "勝手な祝日")
				.with(httpBasic("operator", "demo"))
				.with(csrf()))
			.andExpect(status().isForbidden());
		assertThat(this.holidays.isHoliday(LocalDate.of(2027, 6, 1))).isFalse();
	}

	@Test
	void operatorsAreWarnedWellBeforeTheCalendarRunsOut(CapturedOutput output) throws Exception {
		ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-01-05T00:00:00Z")));
		this.mvc.perform(get("/actuator/health").with(httpBasic("operator", "demo")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.components.holidayCalendar.status").value("UP"));
		assertThat(this.checks.check()).isFalse();

		ClockUtil.setCurrentTime(Date.from(Instant.parse("2027-06-01T00:00:00Z")));
		this.mvc.perform(get("/actuator/health").with(httpBasic("operator", "demo")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("WARNING"))
			.andExpect(jsonPath("$.components.holidayCalendar.status").value("WARNING"))
			.andExpect(jsonPath("$.components.holidayCalendar.details.lastYear").value(2027));
		this.mvc.perform(get("/actuator/info"))
			.andExpect(jsonPath("$.holidayCalendar.endsOn").value("2027-12-31"))
			.andExpect(jsonPath("$.holidayCalendar.warning").value(true));
		this.mvc.perform(get("/staff/admin/holidays").with(httpBasic("admin", "admin")))
			.andExpect(content().string(containsString("内閣府が公表した翌年の祝日を登録してください")));
		assertThat(this.checks.check()).isTrue();
		assertThat(output).contains("Holiday calendar: 国民の祝日は2027年12月31日まで登録されています（残り213日）");
	}

	@Test
	void officeDaysBeyondTheCalendarAreLogged(CapturedOutput output) {
		assertThat(this.calendar.isOfficeDay(LocalDate.of(2031, 3, 20))).as("春分の日, not yet known").isTrue();

		assertThat(output).contains("Office days of 2031 are counted without national holidays");
	}

}
