package jp.localgov.casework.platform.process;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.repository.ResourceDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Deploys the models bundled in {@code bpmn/} ({@code .bpmn}, {@code .dmn}) and
 * {@code forms/} ({@code .form}) under their bare file names — the names Camunda Modeler
 * deploys them under — with Camunda's "deploy changed only", so the application and the
 * process owners write one version history.
 *
 * <p>
 * The rule, as the engine applies it ({@code DeployCmd#resolveResourcesToDeploy}): each
 * bundled file is compared byte for byte with the latest resource of the same name in the
 * deployments named {@value #DEPLOYMENT_NAME} with source {@value #DEPLOYMENT_SOURCE} —
 * the application's own deployments, never an owner's. An unchanged file is left out, so
 * a restart or a new jar leaves an owner's newer version (deployed from Modeler under any
 * other deployment name or source) in effect; a changed file becomes the next version and
 * takes effect. Models bind decisions, forms and called processes with {@code latest}, so
 * a deployment holding one file is complete.
 *
 * <p>
 * Databases of releases that deployed relative names ({@code bpmn/inquiry/...}) hold no
 * resource of a bare name yet: the first start after the upgrade deploys every model once
 * under its bare name, as the next version of each definition.
 */
@Component
public class ModelDeployer implements InitializingBean {

	/** Name of the application's deployments. */
	public static final String DEPLOYMENT_NAME = "casework-models";

	/**
	 * Source of the application's deployments; duplicate filtering compares only with
	 * deployments of this name and source.
	 */
	public static final String DEPLOYMENT_SOURCE = "casework-models";

	private static final Logger log = LoggerFactory.getLogger(ModelDeployer.class);

	private static final Map<String, List<String>> MODEL_ROOTS = Map.of("bpmn", List.of("bpmn", "dmn"), "forms",
			List.of("form"));

	private final RepositoryService repositoryService;

	private final ResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();

	public ModelDeployer(RepositoryService repositoryService) {
		this.repositoryService = repositoryService;
	}

	@Override
	public void afterPropertiesSet() {
		Outcome outcome = deploy();
		outcome.ownerVersionsInEffect()
			.forEach((definition) -> log.warn(
					"{} {} version {} in effect was deployed by a process owner (deployment {}) and differs from the bundled {}; "
							+ "copy it into the repository before the next release (see docs/owners-guide.md)",
					definition.kind(), definition.key(), definition.version(), definition.deploymentId(),
					definition.resourceName()));
	}

	/**
	 * Deploys the bundled models that differ from what the application deployed last.
	 * @return what was deployed and which owner versions stay in effect
	 */
	public Outcome deploy() {
		Map<String, Resource> models = findModels();
		if (models.isEmpty()) {
			log.warn("No process models found under classpath:bpmn/ or classpath:forms/");
			return new Outcome(null, List.of(), List.of());
		}
		Map<String, byte[]> contents = new TreeMap<>();
		models.forEach((name, resource) -> contents.put(name, read(resource)));
		return deploy(contents);
	}

	/**
	 * Deploys bundled files as the application does at start: each one that differs from
	 * what the application deployed last becomes the next version.
	 * @param contents bare file name to content
	 * @return what was deployed and which owner versions stay in effect
	 */
	public Outcome deploy(Map<String, byte[]> contents) {
		String previous = latestOwnDeploymentId();
		DeploymentBuilder builder = this.repositoryService.createDeployment()
			.name(DEPLOYMENT_NAME)
			.source(DEPLOYMENT_SOURCE)
			.enableDuplicateFiltering(true);
		contents.forEach((name, bytes) -> builder.addInputStream(name, new ByteArrayInputStream(bytes)));
		Deployment deployment = builder.deploy();

		List<String> deployed = (deployment.getId().equals(previous)
				|| !DEPLOYMENT_SOURCE.equals(deployment.getSource())) ? List.of()
						: this.repositoryService.getDeploymentResourceNames(deployment.getId());
		if (deployed.isEmpty()) {
			log.info("Models: {} bundled resources, none changed", contents.size());
		}
		else {
			log.info("Models: {} bundled resources, deployed as new versions: {}", contents.size(), deployed);
		}
		return new Outcome(deployment, deployed, ownerVersionsInEffect(contents));
	}

	/**
	 * Bare file name (e.g. {@code inquiry-lifecycle.bpmn}) to resource.
	 * @throws IllegalStateException when two bundled files share a bare name
	 */
	Map<String, Resource> findModels() {
		Map<String, Resource> models = new TreeMap<>();
		Map<String, String> paths = new TreeMap<>();
		MODEL_ROOTS.forEach((root, extensions) -> {
			try {
				for (Resource rootResource : this.resolver.getResources("classpath*:" + root + "/")) {
					String rootUrl = rootResource.getURL().toString();
					for (String extension : extensions) {
						for (Resource model : this.resolver.getResources(rootUrl + "**/*." + extension)) {
							String path = root + "/" + model.getURL().toString().substring(rootUrl.length());
							String name = bareName(path);
							String earlier = paths.putIfAbsent(name, path);
							if (earlier != null && !earlier.equals(path)) {
								throw new IllegalStateException(
										"Two models share the file name " + name + ": " + earlier + " and " + path
												+ "; file names must be unique across bpmn/ and forms/");
							}
							models.putIfAbsent(name, model);
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

	/** The file name without its folders: the name Camunda Modeler deploys it under. */
	public static String bareName(String path) {
		return path.substring(path.lastIndexOf('/') + 1);
	}

	private String latestOwnDeploymentId() {
		return this.repositoryService.createDeploymentQuery()
			.deploymentName(DEPLOYMENT_NAME)
			.deploymentSource(DEPLOYMENT_SOURCE)
			.orderByDeploymentTime()
			.desc()
			.listPage(0, 1)
			.stream()
			.map(Deployment::getId)
			.findFirst()
			.orElse(null);
	}

	/**
	 * Latest process and decision definitions of bundled files that come from someone
	 * else's deployment and differ from the bundled file.
	 */
	private List<InEffect> ownerVersionsInEffect(Map<String, byte[]> bundled) {
		List<ResourceDefinition> latest = new ArrayList<>();
		latest.addAll(this.repositoryService.createProcessDefinitionQuery().latestVersion().list());
		latest.addAll(this.repositoryService.createDecisionDefinitionQuery().latestVersion().list());
		Set<String> ownDeployments = Set.copyOf(this.repositoryService.createDeploymentQuery()
			.deploymentName(DEPLOYMENT_NAME)
			.deploymentSource(DEPLOYMENT_SOURCE)
			.list()
			.stream()
			.map(Deployment::getId)
			.toList());
		List<InEffect> owners = new ArrayList<>();
		for (ResourceDefinition definition : latest) {
			byte[] bundledBytes = bundled.get(definition.getResourceName());
			if (bundledBytes == null || ownDeployments.contains(definition.getDeploymentId())) {
				continue;
			}
			byte[] inEffect;
			try (InputStream in = this.repositoryService.getResourceAsStream(definition.getDeploymentId(),
					definition.getResourceName())) {
				inEffect = in.readAllBytes();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			if (!Arrays.equals(inEffect, bundledBytes)) {
				owners.add(new InEffect(
						(definition instanceof ProcessDefinition) ? "Process"
								: (definition instanceof DecisionDefinition) ? "Decision" : "Definition",
						definition.getKey(), definition.getVersion(), definition.getDeploymentId(),
						definition.getResourceName()));
			}
		}
		return owners;
	}

	private static byte[] read(Resource resource) {
		try (InputStream in = resource.getInputStream()) {
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read model " + resource, ex);
		}
	}

	/**
	 * What a deployment at start did.
	 *
	 * @param deployment the application's deployment now holding the latest bundled files
	 * (new, or the latest when nothing changed)
	 * @param deployedResources bare names deployed as new versions; empty when nothing
	 * changed
	 * @param ownerVersionsInEffect definitions whose version in effect a process owner
	 * deployed and the repository does not hold yet
	 */
	public record Outcome(Deployment deployment, List<String> deployedResources, List<InEffect> ownerVersionsInEffect) {

		public String getId() {
			return (this.deployment == null) ? null : this.deployment.getId();
		}

	}

	/** A definition whose version in effect differs from the bundled file. */
	public record InEffect(String kind, String key, int version, String deploymentId, String resourceName) {

	}

}
