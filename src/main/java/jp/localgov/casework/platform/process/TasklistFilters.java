package jp.localgov.casework.platform.process;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.LinkedHashMap;
import java.util.Map;

import jp.localgov.casework.platform.PersonalTaskFilters;
import jp.localgov.casework.platform.StaffGroup;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.TaskQuery;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.context.annotation.DependsOn;
import org.springframework.stereotype.Component;

/**
 * The Tasklist filters staff start with. None carries an expression (they are refused);
 * shared filters rely on the engine's authorizations to show each person only what their
 * groups may work on, and 自分のタスク is a personal filter per staff member.
 */
@Component
@DependsOn("identityBootstrap")
public class TasklistFilters implements InitializingBean, PersonalTaskFilters {

	/** Tasks of my groups and me. */
	public static final String ALL_MY_TASKS = "担当できるタスク";

	/** Tasks assigned to me (personal filter). */
	public static final String MY_TASKS = "自分のタスク";

	/** Unassigned tasks of my groups. */
	public static final String GROUP_TASKS = "所属課のタスク";

	/** Tasks whose deadline passed. */
	public static final String OVERDUE_TASKS = "期限切れ";

	/** Task-local variable set on tasks whose deadline passed. */
	public static final String OVERDUE_VARIABLE = "overdue";

	private final FilterService filterService;

	private final TaskService taskService;

	private final AuthorizationService authorizationService;

	private final IdentityService identityService;

	public TasklistFilters(FilterService filterService, TaskService taskService,
			AuthorizationService authorizationService, IdentityService identityService) {
		this.filterService = filterService;
		this.taskService = taskService;
		this.authorizationService = authorizationService;
		this.identityService = identityService;
	}

	@Override
	public void afterPropertiesSet() {
		ensureShared(GROUP_TASKS, "所属グループの未割当のタスク / Unassigned tasks of your groups", -15,
				this.taskService.createTaskQuery().taskUnassigned());
		ensureShared(OVERDUE_TASKS, "期限を過ぎたタスク / Tasks past their deadline", -11,
				this.taskService.createTaskQuery().taskVariableValueEquals(OVERDUE_VARIABLE, true));
		ensureShared(ALL_MY_TASKS, "自分と所属グループが担当できるタスク / Tasks you and your groups can work on", -10,
				this.taskService.createTaskQuery());
	}

	/**
	 * Once every account exists (demo accounts included), each staff member gets 自分のタスク.
	 */
	@EventListener(ApplicationReadyEvent.class)
	public void providePersonalFilters() {
		for (String groupId : StaffGroup.tasklistGroupIds()) {
			for (User user : this.identityService.createUserQuery().memberOfGroup(groupId).list()) {
				provide(user.getId());
			}
		}
	}

	/** Creates a filter all Tasklist groups can see, unless one of that name exists. */
	public Filter ensureShared(String name, String description, int priority, TaskQuery query) {
		Filter filter = this.filterService.createFilterQuery()
			.filterName(name)
			.list()
			.stream()
			.filter((candidate) -> candidate.getOwner() == null)
			.findFirst()
			.orElse(null);
		if (filter == null) {
			filter = this.filterService.newTaskFilter(name)
				.setProperties(properties(description, priority))
				.setQuery(query);
			this.filterService.saveFilter(filter);
		}
		for (String groupId : StaffGroup.tasklistGroupIds()) {
			grantRead(groupId, filter.getId());
		}
		return filter;
	}

	@Override
	public void provide(String userId) {
		boolean exists = this.filterService.createFilterQuery().filterName(MY_TASKS).filterOwner(userId).count() > 0;
		if (!exists) {
			Filter filter = this.filterService.newTaskFilter(MY_TASKS)
				.setOwner(userId)
				.setProperties(properties("自分が担当者のタスク / Tasks assigned to you", -20))
				.setQuery(this.taskService.createTaskQuery().taskAssignee(userId));
			this.filterService.saveFilter(filter);
		}
	}

	private void grantRead(String groupId, String filterId) {
		boolean granted = this.authorizationService.createAuthorizationQuery()
			.groupIdIn(groupId)
			.resourceType(Resources.FILTER)
			.resourceId(filterId)
			.count() > 0;
		if (!granted) {
			Authorization read = this.authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
			read.setGroupId(groupId);
			read.setResource(Resources.FILTER);
			read.setResourceId(filterId);
			read.addPermission(Permissions.READ);
			this.authorizationService.saveAuthorization(read);
		}
	}

	private static Map<String, Object> properties(String description, int priority) {
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("description", description);
		properties.put("priority", priority);
		properties.put("refresh", true);
		return properties;
	}

}
