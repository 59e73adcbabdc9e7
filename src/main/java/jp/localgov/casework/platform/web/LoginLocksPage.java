package jp.localgov.casework.platform.web;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Administrators ({@code camunda-admin}) see which accounts and client addresses are
 * locked for a while after failed logins, and lift a lock.
 */
@Controller
@RequestMapping("/staff/admin/login-locks")
class LoginLocksPage {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm:ss")
		.withZone(ZoneId.of("Asia/Tokyo"));

	private final LoginThrottle throttle;

	LoginLocksPage(LoginThrottle throttle) {
		this.throttle = throttle;
	}

	@GetMapping
	String locks(Model model) {
		List<Row> rows = this.throttle.locks()
			.stream()
			.map((lock) -> new Row(lock.kind().name(), lock.value(), TIME.format(lock.until())))
			.toList();
		model.addAttribute("locks", rows);
		return "staff/login-locks";
	}

	@PostMapping("/unlock")
	String unlock(@RequestParam LoginThrottle.Kind kind, @RequestParam String value) {
		boolean lifted = this.throttle.unlock(kind, value);
		return "redirect:/staff/admin/login-locks" + (lifted ? "?unlocked" : "");
	}

	/** One lock as shown: account or address, what, until when (JST). */
	record Row(String kind, String value, String until) {

		public boolean account() {
			return LoginThrottle.Kind.ACCOUNT.name().equals(this.kind);
		}

	}

}
