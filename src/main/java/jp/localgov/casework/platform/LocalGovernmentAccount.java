package jp.localgov.casework.platform;

import java.util.Optional;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * The municipality a logged-in local-government account acts for: its group
 * {@code lg-<code>} arrives as the role {@code ROLE_lg-<code>}.
 */
public final class LocalGovernmentAccount {

	private static final String ROLE = "ROLE_" + StaffGroup.LOCAL_GOVERNMENT_PREFIX;

	private LocalGovernmentAccount() {
	}

	/**
	 * The 6-digit municipality code of the account, if it is a local-government account.
	 */
	public static Optional<String> municipalityCode(Authentication authentication) {
		if (authentication == null || !authentication.isAuthenticated()) {
			return Optional.empty();
		}
		return authentication.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.filter((authority) -> authority.startsWith(ROLE) && authority.length() == ROLE.length() + 6)
			.map((authority) -> authority.substring(ROLE.length()))
			.findFirst();
	}

}
