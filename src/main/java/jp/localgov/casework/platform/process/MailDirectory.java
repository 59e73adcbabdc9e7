package jp.localgov.casework.platform.process;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

import jp.localgov.casework.platform.StaffGroup;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;

import org.springframework.stereotype.Component;

/**
 * The e-mail addresses of people as Camunda's user directory knows them: of one person,
 * of a group's members, or of every local-government account; people without an address
 * are left out and nobody appears twice.
 */
@Component
public class MailDirectory {

	private final IdentityService identityService;

	MailDirectory(IdentityService identityService) {
		this.identityService = identityService;
	}

	public Set<String> ofUsers(Collection<String> userIds) {
		Set<String> emails = new LinkedHashSet<>();
		for (String userId : userIds) {
			add(emails, this.identityService.createUserQuery().userId(userId).singleResult());
		}
		return emails;
	}

	public Set<String> ofGroup(String groupId) {
		Set<String> emails = new LinkedHashSet<>();
		this.identityService.createUserQuery().memberOfGroup(groupId).list().forEach((user) -> add(emails, user));
		return emails;
	}

	/** Everybody in a group {@code lg-<code>}. */
	public Set<String> ofLocalGovernments() {
		Set<String> emails = new LinkedHashSet<>();
		for (Group group : this.identityService.createGroupQuery().list()) {
			if (group.getId().startsWith(StaffGroup.LOCAL_GOVERNMENT_PREFIX)) {
				emails.addAll(ofGroup(group.getId()));
			}
		}
		return emails;
	}

	private static void add(Set<String> emails, User user) {
		if (user != null && user.getEmail() != null && !user.getEmail().isBlank()) {
			emails.add(user.getEmail());
		}
	}

}
