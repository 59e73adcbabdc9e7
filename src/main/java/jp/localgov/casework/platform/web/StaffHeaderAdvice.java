package jp.localgov.casework.platform.web;

import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jp.localgov.casework.platform.StaffGroup;
import jp.localgov.casework.platform.process.CamundaIdentityAuthenticationProvider;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The common header of the staff pages ({@code templates/staff/header.html}): links to
 * Tasklist, the staff pages, Cockpit and Admin for those allowed, and logout. Filled in
 * for every page under {@code /staff}.
 */
@ControllerAdvice
class StaffHeaderAdvice {

	static final String ATTRIBUTE = "staffHeader";

	@ModelAttribute(ATTRIBUTE)
	StaffHeader staffHeader(HttpServletRequest request) {
		if (!RequestPaths.routedPath(request).startsWith("/staff/")) {
			return null;
		}
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !authentication.isAuthenticated()) {
			return null;
		}
		boolean admin = hasGroup(authentication, StaffGroup.ADMINS);
		boolean cockpit = admin || hasGroup(authentication, StaffGroup.OPERATORS)
				|| hasGroup(authentication, StaffGroup.PROCESS_OWNERS);
		List<Link> links = new ArrayList<>();
		links.add(new Link("タスクリスト", "Tasklist", "/camunda/app/tasklist/default/"));
		links.add(new Link("LGOTP 研修員", "LGOTP trainees", "/staff/lgotp"));
		links.add(new Link("助成事業", "Subsidies", "/staff/subsidies"));
		if (cockpit) {
			links.add(new Link("コックピット", "Cockpit", "/camunda/app/cockpit/default/"));
		}
		if (admin) {
			links.add(new Link("ユーザー管理", "Admin", "/camunda/app/admin/default/"));
			links.add(new Link("ログインのロック", "Login locks", "/staff/admin/login-locks"));
			links.add(new Link("国民の祝日", "Holidays", "/staff/admin/holidays"));
		}
		String path = RequestPaths.routedPath(request);
		return new StaffHeader(authentication.getName(),
				links.stream().map((link) -> link.current(path.startsWith(link.href()))).toList());
	}

	private static boolean hasGroup(Authentication authentication, StaffGroup group) {
		String role = CamundaIdentityAuthenticationProvider.ROLE_PREFIX + group.id();
		return authentication.getAuthorities().stream().anyMatch((authority) -> role.equals(authority.getAuthority()));
	}

	/** Who is signed in and where they may go. */
	record StaffHeader(String userId, List<Link> links) {

	}

	/** A link of the header, Japanese label first; {@code current} marks this page. */
	record Link(String label, String labelEn, String href, boolean current) {

		Link(String label, String labelEn, String href) {
			this(label, labelEn, href, false);
		}

		Link current(boolean current) {
			return new Link(this.label, this.labelEn, this.href, current);
		}

	}

}
