package jp.localgov.casework.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * The whole application on a private in-memory H2 database with the demo accounts, served
 * on a random port; every test class using it shares one Spring context (and one engine).
 * Jobs are executed by the tests themselves, so timers and asynchronous steps are
 * deterministic. The intake limit is off (the suite submits far more than a person
 * would); the tests of the limit switch it on for themselves.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:h2:mem:casework-test;DB_CLOSE_DELAY=-1",
				"camunda.bpm.job-execution.enabled=false", "spring.mail.port=${casework.test.smtp-port:3025}",
				"casework.intake.rate-limit-per-minute=0" })
@Import({ ProcessEngineCoverageConfiguration.class, ProcessCoverageSettings.class, MockMvcSessions.class })
public @interface CaseworkSpringBootTest {

}
