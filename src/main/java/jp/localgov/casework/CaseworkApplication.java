package jp.localgov.casework;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Case management for the support of Japanese local governments' international work,
 * driven by BPMN models executed on an embedded Camunda 7 engine.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class CaseworkApplication {

	public static void main(String[] args) {
		SpringApplication.run(CaseworkApplication.class, args);
	}

}
