package jp.localgov.casework.platform.process;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Checks HTTP Basic credentials against Camunda's identity store (with its login
 * throttling) and turns the person's Camunda groups into roles {@code ROLE_<groupId>}, so
 * one set of accounts, managed in Camunda Admin, serves the REST API, our own APIs and
 * the actuator.
 */
@Component
public class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

	/** Prefix Spring Security expects on role authorities. */
	public static final String ROLE_PREFIX = "ROLE_";

	private final IdentityService identityService;

	public CamundaIdentityAuthenticationProvider(IdentityService identityService) {
		this.identityService = identityService;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		String userId = authentication.getName();
		Object credentials = authentication.getCredentials();
		if (userId == null || userId.isBlank() || credentials == null
				|| !this.identityService.checkPassword(userId, credentials.toString())) {
			throw new BadCredentialsException("ユーザー名またはパスワードが正しくありません / Bad credentials");
		}
		List<GrantedAuthority> roles = this.identityService.createGroupQuery()
			.groupMember(userId)
			.list()
			.stream()
			.map(Group::getId)
			.<GrantedAuthority>map((groupId) -> new SimpleGrantedAuthority(ROLE_PREFIX + groupId))
			.toList();
		return UsernamePasswordAuthenticationToken.authenticated(userId, null, roles);
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

}
