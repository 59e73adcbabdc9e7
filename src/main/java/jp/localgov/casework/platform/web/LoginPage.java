package jp.localgov.casework.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.authentication.LockedException;
import org.springframework.security.web.WebAttributes;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The one staff login ({@code /login}), in Japanese then English: Tasklist, Cockpit,
 * Admin and the staff pages all start here.
 */
@Controller
class LoginPage {

	@GetMapping("/login")
	String login(HttpServletRequest request, Model model) {
		HttpSession session = request.getSession(false);
		if (request.getParameter("locked") != null && session != null
				&& session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION) instanceof LockedException locked) {
			model.addAttribute("lockedMessage", locked.getMessage());
		}
		return "login";
	}

}
