package jp.localgov.casework.platform.process;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.LinkedHashMap;
import java.util.Map;

import jp.localgov.casework.platform.StaffGroup;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/**
 * The shared Tasklist filter every staff member starts with: all tasks they may work on
 * (their own and their groups'), which authorization checks narrow to the person; no
 * expressions, since expressions in task queries are refused.
 */
@Component
public class TasklistFilters implements InitializingBean {

	/** Name of the shared filter, as Tasklist shows it. */
	public static final String ALL_MY_TASKS = "担当できるタスク";

	private final FilterService filterService;

	private final TaskService taskService;

	private final AuthorizationService authorizationService;

	public TasklistFilters(FilterService filterService, TaskService taskService,
			AuthorizationService authorizationService) {
		this.filterService = filterService;
		this.taskService = taskService;
		this.authorizationService = authorizationService;
	}

	@Override
	public void afterPropertiesSet() {
		Filter filter = this.filterService.createFilterQuery().filterName(ALL_MY_TASKS).singleResult();
		if (filter == null) {
			Map<String, Object> properties = new LinkedHashMap<>();
			properties.put("description", "自分と所属グループが担当できるタスク / Tasks you and your groups can work on");
			properties.put("priority", -10);
			properties.put("refresh", true);
			filter = this.filterService.newTaskFilter(ALL_MY_TASKS)
				.setProperties(properties)
				.setQuery(this.taskService.createTaskQuery());
			this.filterService.saveFilter(filter);
		}
		grantRead(this.authorizationService, filter.getId());
	}

	/** Lets every Tasklist group (leads included) see a shared filter. */
	static void grantRead(AuthorizationService authorizationService, String filterId) {
		for (String groupId : StaffGroup.tasklistGroupIds()) {
			boolean granted = authorizationService.createAuthorizationQuery()
				.groupIdIn(groupId)
				.resourceType(Resources.FILTER)
				.resourceId(filterId)
				.count() > 0;
			if (!granted) {
				Authorization read = authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
				read.setGroupId(groupId);
				read.setResource(Resources.FILTER);
				read.setResourceId(filterId);
				read.addPermission(Permissions.READ);
				authorizationService.saveAuthorization(read);
			}
		}
	}

}
