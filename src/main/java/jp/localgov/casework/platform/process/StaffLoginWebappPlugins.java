package jp.localgov.casework.platform.process;

import java.util.Set;

import jakarta.ws.rs.Path;
import org.camunda.bpm.admin.plugin.spi.impl.AbstractAdminPlugin;
import org.camunda.bpm.admin.resource.AbstractAdminPluginRootResource;
import org.camunda.bpm.cockpit.plugin.spi.impl.AbstractCockpitPlugin;
import org.camunda.bpm.cockpit.plugin.resource.AbstractCockpitPluginRootResource;
import org.camunda.bpm.tasklist.plugin.spi.impl.AbstractTasklistPlugin;
import org.camunda.bpm.tasklist.resource.AbstractTasklistPluginRootResource;
import org.camunda.bpm.welcome.plugin.spi.impl.AbstractWelcomePlugin;
import org.camunda.bpm.welcome.resource.AbstractWelcomePluginRootResource;

/**
 * A small script in Tasklist, Cockpit, Admin and the welcome page that sends the browser
 * to the one staff login ({@code /login}) whenever the application would show its own
 * login view — after logging out, or when the session has ended. Registered through
 * {@code META-INF/services}; the script is
 * {@code plugin-webapp/casework-login/app/plugin.js}.
 */
public final class StaffLoginWebappPlugins {

	/** Plugin id, also the folder of its assets. */
	public static final String ID = "casework-login";

	private StaffLoginWebappPlugins() {
	}

	public static class Tasklist extends AbstractTasklistPlugin {

		@Override
		public String getId() {
			return ID;
		}

		@Override
		public Set<Class<?>> getResourceClasses() {
			return Set.of(TasklistResource.class);
		}

	}

	@Path("plugin/" + ID)
	public static class TasklistResource extends AbstractTasklistPluginRootResource {

		public TasklistResource() {
			super(ID);
		}

	}

	public static class Cockpit extends AbstractCockpitPlugin {

		@Override
		public String getId() {
			return ID;
		}

		@Override
		public Set<Class<?>> getResourceClasses() {
			return Set.of(CockpitResource.class);
		}

	}

	@Path("plugin/" + ID)
	public static class CockpitResource extends AbstractCockpitPluginRootResource {

		public CockpitResource() {
			super(ID);
		}

	}

	public static class Admin extends AbstractAdminPlugin {

		@Override
		public String getId() {
			return ID;
		}

		@Override
		public Set<Class<?>> getResourceClasses() {
			return Set.of(AdminResource.class);
		}

	}

	@Path("plugin/" + ID)
	public static class AdminResource extends AbstractAdminPluginRootResource {

		public AdminResource() {
			super(ID);
		}

	}

	public static class Welcome extends AbstractWelcomePlugin {

		@Override
		public String getId() {
			return ID;
		}

		@Override
		public Set<Class<?>> getResourceClasses() {
			return Set.of(WelcomeResource.class);
		}

	}

	@Path("plugin/" + ID)
	public static class WelcomeResource extends AbstractWelcomePluginRootResource {

		public WelcomeResource() {
			super(ID);
		}

	}

}
