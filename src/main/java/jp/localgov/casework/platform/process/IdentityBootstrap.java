package jp.localgov.casework.platform.process;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.List;
import java.util.Map;

import jp.localgov.casework.platform.StaffGroup;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/**
 * Creates the staff groups and restores, at every start, the baseline authorizations of
 * each group's role (adding to what an administrator granted in Camunda Admin); since
 * permissions belong to groups, adding a person to a group gives them the group's work.
 * <p>
 * Case processes are started only by the application's own services (which run without an
 * engine authentication), never by staff over the REST API or Tasklist: no staff group
 * holds CREATE_INSTANCE on every process definition, and a grant of it that earlier
 * versions made is revoked at start. Only the processes people start by hand are
 * startable, each by its team: the LGOTP year by the LGOTP team, the system check by the
 * operators.
 */
@Component
public class IdentityBootstrap implements InitializingBean {

	/** Camunda web applications, as named in the APPLICATION resource. */
	static final String TASKLIST = "tasklist";

	static final String COCKPIT = "cockpit";

	/** Processes started by hand in Tasklist, and the one group that may start each. */
	static final Map<String, StaffGroup> STARTABLE_BY_HAND = Map.of("LgotpAnnualCycle", StaffGroup.EXCHANGE_COOPERATION,
			"SystemCheck", StaffGroup.OPERATORS);

	private final IdentityService identityService;

	private final AuthorizationService authorizationService;

	public IdentityBootstrap(IdentityService identityService, AuthorizationService authorizationService) {
		this.identityService = identityService;
		this.authorizationService = authorizationService;
	}

	@Override
	public void afterPropertiesSet() {
		for (StaffGroup group : StaffGroup.values()) {
			ensureGroup(group.id(), group.displayName(), group.kind().name());
			grantRole(group);
			if (group.hasLeads()) {
				ensureGroup(group.leadGroupId(), group.leadDisplayName(), "LEAD");
				grantTasklist(group.leadGroupId());
			}
		}
		STARTABLE_BY_HAND.forEach((processKey, group) -> grant(group.id(), Resources.PROCESS_DEFINITION, processKey,
				Permissions.READ, Permissions.CREATE_INSTANCE));
	}

	private void ensureGroup(String id, String name, String type) {
		if (this.identityService.createGroupQuery().groupId(id).count() > 0) {
			return;
		}
		Group group = this.identityService.newGroup(id);
		group.setName(name);
		group.setType(type);
		this.identityService.saveGroup(group);
	}

	private void grantTasklist(String id) {
		grant(id, Resources.APPLICATION, TASKLIST, Permissions.ACCESS);
		grant(id, Resources.PROCESS_DEFINITION, ANY, Permissions.READ);
		revokeStartingEveryProcess(id);
		grant(id, Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE);
		grant(id, Resources.DECISION_DEFINITION, ANY, Permissions.READ);
	}

	/**
	 * Earlier versions let every staff group start any process (CREATE_INSTANCE on every
	 * process definition); that grant is taken back, whoever made it.
	 */
	private void revokeStartingEveryProcess(String groupId) {
		for (Authorization authorization : this.authorizationService.createAuthorizationQuery()
			.groupIdIn(groupId)
			.resourceType(Resources.PROCESS_DEFINITION)
			.resourceId(ANY)
			.list()) {
			if (authorization.getAuthorizationType() == AUTH_TYPE_GRANT
					&& authorization.isPermissionGranted(Permissions.CREATE_INSTANCE)) {
				authorization.removePermission(Permissions.CREATE_INSTANCE);
				this.authorizationService.saveAuthorization(authorization);
			}
		}
	}

	private void grantRole(StaffGroup group) {
		if (group == StaffGroup.ADMINS) {
			// camunda-admin holds ALL on every resource, granted by the engine's
			// admin-user setup.
			return;
		}
		String id = group.id();
		if (group.usesTasklist()) {
			grantTasklist(id);
		}
		if (group.usesCockpit()) {
			grant(id, Resources.APPLICATION, COCKPIT, Permissions.ACCESS);
			grant(id, Resources.PROCESS_DEFINITION, ANY, Permissions.READ, Permissions.READ_INSTANCE,
					Permissions.READ_HISTORY, Permissions.UPDATE_INSTANCE, Permissions.READ_TASK);
			grant(id, Resources.PROCESS_INSTANCE, ANY, Permissions.READ, Permissions.UPDATE);
			grant(id, Resources.DECISION_DEFINITION, ANY, Permissions.READ, Permissions.READ_HISTORY);
			grant(id, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.READ);
			grant(id, Resources.DEPLOYMENT, ANY, Permissions.READ);
			grant(id, Resources.TASK, ANY, Permissions.READ);
			grant(id, Resources.BATCH, ANY, Permissions.READ);
		}
		if (group == StaffGroup.PROCESS_OWNERS) {
			grant(id, Resources.DEPLOYMENT, ANY, Permissions.CREATE, Permissions.READ, Permissions.DELETE);
			grant(id, Resources.PROCESS_DEFINITION, ANY, Permissions.UPDATE);
			grant(id, Resources.DECISION_DEFINITION, ANY, Permissions.UPDATE);
		}
	}

	/**
	 * Grants the permissions unless the group already has an authorization for that
	 * resource.
	 */
	private void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
		List<Authorization> existing = this.authorizationService.createAuthorizationQuery()
			.groupIdIn(groupId)
			.resourceType(resource)
			.resourceId(resourceId)
			.list();
		Authorization authorization = existing.stream()
			.filter((candidate) -> candidate.getAuthorizationType() == AUTH_TYPE_GRANT)
			.findFirst()
			.orElseGet(() -> newGrant(groupId, resource, resourceId));
		for (Permission permission : permissions) {
			authorization.addPermission(permission);
		}
		this.authorizationService.saveAuthorization(authorization);
	}

	private Authorization newGrant(String groupId, Resource resource, String resourceId) {
		Authorization authorization = this.authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
		authorization.setGroupId(groupId);
		authorization.setResource(resource);
		authorization.setResourceId(resourceId);
		return authorization;
	}

}
