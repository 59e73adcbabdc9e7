package jp.localgov.casework.referencedata;

import java.time.Clock;
import java.time.LocalDate;

import jp.localgov.casework.platform.InvalidInputException;
import jp.localgov.casework.platform.StaffGroup;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The page where administrators keep the national-holiday calendar: the holidays of a
 * year, adding or removing a date, pasting a year's list as CSV, and the warning when the
 * calendar is about to run out.
 */
@Controller
class HolidayPage {

	static final String PATH = "/staff/admin/holidays";

	private static final String ADMIN_AUTHORITY = "ROLE_" + StaffGroup.ADMINS.id();

	private final NationalHolidays holidays;

	private final Clock clock;

	HolidayPage(NationalHolidays holidays, Clock clock) {
		this.holidays = holidays;
		this.clock = clock;
	}

	@GetMapping(PATH)
	String show(@RequestParam(required = false) Integer year, Authentication authentication, Model model) {
		requireAdmin(authentication);
		return page(year, model);
	}

	@PostMapping(PATH)
	String add(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date, @RequestParam String name,
			Authentication authentication, Model model, RedirectAttributes redirect) {
		requireAdmin(authentication);
		try {
			this.holidays.add(date, name, authentication.getName());
		}
		catch (InvalidInputException ex) {
			model.addAttribute("error", ex.getMessage());
			return page(date.getYear(), model);
		}
		redirect.addFlashAttribute("done", date + " " + name.strip() + " を登録しました / added");
		return "redirect:" + PATH + "?year=" + date.getYear();
	}

	@PostMapping(PATH + "/remove")
	String remove(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
			Authentication authentication, Model model, RedirectAttributes redirect) {
		requireAdmin(authentication);
		try {
			this.holidays.remove(date, authentication.getName());
		}
		catch (InvalidInputException ex) {
			model.addAttribute("error", ex.getMessage());
			return page(date.getYear(), model);
		}
		redirect.addFlashAttribute("done", date + " を祝日から外しました / removed");
		return "redirect:" + PATH + "?year=" + date.getYear();
	}

	@PostMapping(PATH + "/import")
	String importCsv(@RequestParam String csv, Authentication authentication, Model model,
			RedirectAttributes redirect) {
		requireAdmin(authentication);
		int count;
		try {
			count = this.holidays.importCsv(csv, authentication.getName());
		}
		catch (InvalidInputException ex) {
			model.addAttribute("error", ex.getMessage());
			model.addAttribute("csv", csv);
			return page(null, model);
		}
		redirect.addFlashAttribute("done", count + " 件の祝日を登録しました / " + count + " holidays added");
		return "redirect:" + PATH + "?year=" + this.holidays.years().last();
	}

	private String page(Integer year, Model model) {
		NationalHolidays.CalendarStatus status = this.holidays.status();
		int shown = (year != null) ? year
				: (status.lastYear() != null) ? status.lastYear() : LocalDate.now(this.clock).getYear();
		model.addAttribute("year", shown);
		model.addAttribute("years", this.holidays.years());
		model.addAttribute("holidays", this.holidays.ofYear(shown).stream().map(Row::of).toList());
		model.addAttribute("status", status);
		return "staff/admin/holidays";
	}

	/** A line of the year's table. */
	record Row(LocalDate date, String name, String source) {

		static Row of(PublicHoliday holiday) {
			String source = (holiday.getOrigin() == PublicHoliday.Origin.BUNDLED) ? "同梱 / bundled"
					: holiday.getChangedBy() + " " + ((holiday.getChangedAt() == null) ? ""
							: holiday.getChangedAt().atZone(OfficeCalendar.JAPAN).toLocalDate().toString());
			return new Row(holiday.getDate(), holiday.getName(), source.strip());
		}

	}

	private static void requireAdmin(Authentication authentication) {
		boolean admin = authentication != null && authentication.getAuthorities()
			.stream()
			.anyMatch((authority) -> ADMIN_AUTHORITY.equals(authority.getAuthority()));
		if (!admin) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN);
		}
	}

}
