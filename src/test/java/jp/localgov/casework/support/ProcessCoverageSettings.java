package jp.localgov.casework.support;

import org.camunda.community.process_test_coverage.spring_test.common.ProcessEngineCoverageProperties;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Flow-node coverage of the process tests: every test class that drives a process must
 * cover all of its flow nodes; reports land in {@code target/process-test-coverage}.
 */
@TestConfiguration(proxyBeanMethods = false)
public class ProcessCoverageSettings {

	@Bean
	ProcessEngineCoverageProperties processEngineCoverageProperties() {
		return ProcessEngineCoverageProperties.builder().handleTestMethodCoverage(false).build();
	}

}
