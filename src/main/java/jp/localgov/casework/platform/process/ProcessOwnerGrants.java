package jp.localgov.casework.platform.process;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import jp.localgov.casework.platform.StaffGroup;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.BatchPermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * What process owners may do beyond deploying models, restored at every start after the
 * groups exist: evaluate a decision table (to try a changed table before deploying it)
 * and migrate running cases to a new model version in Cockpit, one by one or as a batch.
 */
@Component
class ProcessOwnerGrants implements SmartInitializingSingleton {

	private final AuthorizationService authorizationService;

	ProcessOwnerGrants(AuthorizationService authorizationService) {
		this.authorizationService = authorizationService;
	}

	@Override
	public void afterSingletonsInstantiated() {
		String owners = StaffGroup.PROCESS_OWNERS.id();
		grant(owners, Resources.DECISION_DEFINITION, Permissions.CREATE_INSTANCE);
		grant(owners, Resources.PROCESS_DEFINITION, ProcessDefinitionPermissions.MIGRATE_INSTANCE);
		grant(owners, Resources.BATCH, BatchPermissions.CREATE_BATCH_MIGRATE_PROCESS_INSTANCES, Permissions.READ,
				Permissions.UPDATE, Permissions.DELETE);
	}

	/** Adds the permissions to the group's grant for every resource of that type. */
	private void grant(String groupId, Resource resource, Permission... permissions) {
		Authorization authorization = this.authorizationService.createAuthorizationQuery()
			.groupIdIn(groupId)
			.resourceType(resource)
			.resourceId(ANY)
			.list()
			.stream()
			.filter((candidate) -> candidate.getAuthorizationType() == AUTH_TYPE_GRANT)
			.findFirst()
			.orElseGet(() -> {
				Authorization created = this.authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
				created.setGroupId(groupId);
				created.setResource(resource);
				created.setResourceId(ANY);
				return created;
			});
		boolean missing = false;
		for (Permission permission : permissions) {
			if (!authorization.isPermissionGranted(permission)) {
				authorization.addPermission(permission);
				missing = true;
			}
		}
		if (missing) {
			this.authorizationService.saveAuthorization(authorization);
		}
	}

}
