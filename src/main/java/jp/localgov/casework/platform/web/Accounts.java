package jp.localgov.casework.platform.web;

import java.util.Arrays;

import jp.localgov.casework.platform.StaffGroup;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * Who is calling an API: anonymous callers are asked to log in (401), staff-only
 * endpoints refuse every other account (403).
 */
public final class Accounts {

	private static final String ROLE = "ROLE_";

	private Accounts() {
	}

	/** Whether someone (not anonymous) is logged in. */
	public static boolean isLoggedIn(Authentication authentication) {
		return authentication != null && authentication.isAuthenticated()
				&& !(authentication instanceof AnonymousAuthenticationToken);
	}

	/** Staff: logged in with at least one group that is not a local-government group. */
	public static boolean isStaff(Authentication authentication) {
		return isLoggedIn(authentication) && authentication.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.filter((authority) -> authority.startsWith(ROLE))
			.map((authority) -> authority.substring(ROLE.length()))
			.anyMatch((group) -> !group.startsWith(StaffGroup.LOCAL_GOVERNMENT_PREFIX));
	}

	/** Whether the person belongs to one of the groups. */
	public static boolean isMemberOfAny(Authentication authentication, StaffGroup... groups) {
		return isLoggedIn(authentication) && authentication.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.anyMatch((authority) -> Arrays.stream(groups).anyMatch((group) -> authority.equals(ROLE + group.id())));
	}

	/** Anonymous callers are asked to log in with HTTP Basic (401). */
	public static void requireLogin(Authentication authentication) {
		if (!isLoggedIn(authentication)) {
			throw new LoginRequiredException();
		}
	}

	/** Staff only: anonymous callers get 401, other accounts 403. */
	public static void requireStaff(Authentication authentication) {
		requireLogin(authentication);
		if (!isStaff(authentication)) {
			throw new AccessRefusedException("account.error.staffOnly");
		}
	}

}
