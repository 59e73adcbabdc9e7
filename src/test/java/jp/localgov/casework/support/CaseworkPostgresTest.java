package jp.localgov.casework.support;

import java.io.IOException;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The production setup: the whole application with the {@code postgres} profile on a real
 * PostgreSQL 17 (binaries from Maven), the job executor running and mail going to port
 * the run's SMTP port ({@link TestSmtp}) for GreenMail. Test classes using it share one
 * context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "camunda.bpm.admin-user.password=pg-Admin-Secret-2026",
				"casework.intake.rate-limit-per-minute=0", "spring.mail.port=${casework.test.smtp-port:3025}",
				"camunda.bpm.job-execution.wait-time-in-millis=200", "camunda.bpm.job-execution.max-wait=1000" })
@ActiveProfiles("postgres")
@Import({ CaseworkPostgresTest.EmbeddedPostgresConfiguration.class, ProcessCoverageSettings.class,
		org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration.class })
public @interface CaseworkPostgresTest {

	/** Class order of the PostgreSQL test classes: before every other. */
	int ORDER = 1;

	/** Administrator password of the test environment. */
	String ADMIN_PASSWORD = "pg-Admin-Secret-2026";

	/**
	 * PostgreSQL 17 owned by the Spring context, so that the engine shuts down before the
	 * database does.
	 */
	@TestConfiguration(proxyBeanMethods = false)
	class EmbeddedPostgresConfiguration {

		@Bean(destroyMethod = "close")
		EmbeddedPostgres embeddedPostgres() throws IOException {
			return EmbeddedPostgres.builder().start();
		}

		@Bean
		DataSource dataSource(EmbeddedPostgres postgres) {
			return postgres.getPostgresDatabase();
		}

	}

}
