package jp.localgov.casework;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Module boundaries: Camunda stays at the edge (only {@code process} sub-packages use the
 * engine), and the top-level modules do not depend on each other in cycles.
 */
@AnalyzeClasses(packages = "jp.localgov.casework", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

	@ArchTest
	static final ArchRule onlyProcessPackagesUseCamunda = noClasses().that()
		.resideOutsideOfPackage("..process..")
		.should()
		.dependOnClassesThat()
		.resideInAPackage("org.camunda..")
		.because("domain and web code must not know the workflow engine (see STYLE.md)");

	@ArchTest
	static final ArchRule modulesAreFreeOfCycles = slices().matching("jp.localgov.casework.(*)..")
		.should()
		.beFreeOfCycles();

	@ArchTest
	static final ArchRule featureModulesDoNotReachIntoEachOther = noClasses().that()
		.resideInAnyPackage("..inquiry..", "..lgotp..", "..subsidy..")
		.and()
		.resideOutsideOfPackages("..process..", "..web..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("..casework.platform.process..", "..casework.platform.web..")
		.allowEmptyShould(true)
		.because("feature modules use the platform's public types; only their process packages meet the engine's");

	@ArchTest
	static final ArchRule featureWebPackagesUseOnlyThePortalWebLayer = noClasses().that()
		.resideInAnyPackage("..inquiry.web..", "..lgotp.web..", "..subsidy.web..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("..casework.platform.process..")
		.because("pages and APIs build on the shared web layer (platform.web), never on the engine's support");

}
