package jp.localgov.casework.platform.process;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.TreeMap;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Deploys every model of {@code bpmn/} ({@code .bpmn}, {@code .dmn}) and {@code forms/}
 * ({@code .form}) as one deployment with stable relative resource names, so forms bound
 * with {@code formRefBinding="deployment"} resolve, and so a restart, another working
 * directory or the packaged jar creates no new versions; when any model changed, all of
 * them are deployed again.
 */
@Component
public class ModelDeployer implements InitializingBean {

	/**
	 * Name (and source) of the deployment; duplicate filtering compares against its
	 * latest version.
	 */
	public static final String DEPLOYMENT_NAME = "casework-models";

	private static final Logger log = LoggerFactory.getLogger(ModelDeployer.class);

	private static final Map<String, String[]> MODEL_ROOTS = Map.of("bpmn", new String[] { "bpmn", "dmn" }, "forms",
			new String[] { "form" });

	private final RepositoryService repositoryService;

	private final ResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();

	public ModelDeployer(RepositoryService repositoryService) {
		this.repositoryService = repositoryService;
	}

	@Override
	public void afterPropertiesSet() {
		deploy();
	}

	/**
	 * Deploys the models found on the classpath unless the latest deployment already
	 * holds them unchanged.
	 * @return the deployment now holding the models: a new one, or the latest when
	 * nothing changed
	 */
	public DeploymentWithDefinitions deploy() {
		Map<String, Resource> models = findModels();
		if (models.isEmpty()) {
			log.warn("No process models found under classpath:bpmn/ or classpath:forms/");
			return null;
		}
		DeploymentBuilder builder = this.repositoryService.createDeployment()
			.name(DEPLOYMENT_NAME)
			.source(DEPLOYMENT_NAME)
			.enableDuplicateFiltering(false);
		models.forEach((name, resource) -> builder.addInputStream(name, open(resource)));
		DeploymentWithDefinitions deployment = builder.deployWithResult();
		log.info("Models: {} resources, current deployment {}", models.size(), deployment.getId());
		return deployment;
	}

	/**
	 * Relative resource name (e.g. {@code bpmn/inquiry/inquiry-lifecycle.bpmn}) to
	 * resource.
	 */
	Map<String, Resource> findModels() {
		Map<String, Resource> models = new TreeMap<>();
		MODEL_ROOTS.forEach((root, extensions) -> {
			try {
				for (Resource rootResource : this.resolver.getResources("classpath*:" + root + "/")) {
					String rootUrl = rootResource.getURL().toString();
					for (String extension : extensions) {
						for (Resource model : this.resolver.getResources(rootUrl + "**/*." + extension)) {
							String url = model.getURL().toString();
							models.putIfAbsent(root + "/" + url.substring(rootUrl.length()), model);
						}
					}
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Cannot list the models under " + root + "/", ex);
			}
		});
		return models;
	}

	private static InputStream open(Resource resource) {
		try {
			return resource.getInputStream();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read model " + resource, ex);
		}
	}

}
