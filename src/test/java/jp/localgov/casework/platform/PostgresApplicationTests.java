package jp.localgov.casework.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jp.localgov.casework.support.HttpClientSupport;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.annotation.DirtiesContext;

/**
 * The production setup: the same application on a real PostgreSQL 17 with the
 * {@code postgres} profile, where no demo account exists and the administrator comes from
 * the environment.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "camunda.bpm.admin-user.password=pg-Admin-Secret-2026",
				"camunda.bpm.job-execution.enabled=false" })
@ActiveProfiles("postgres")
@DirtiesContext
class PostgresApplicationTests {

	@LocalServerPort
	int port;

	@Autowired
	RepositoryService repositoryService;

	@Autowired
	IdentityService identityService;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void runsOnPostgresql17WithModelsReferenceDataAndNoDemoAccounts() {
		assertThat(this.jdbc.queryForObject("show server_version", String.class)).startsWith("17.");
		assertThat(this.repositoryService.createProcessDefinitionQuery().processDefinitionKey("SystemCheck").count())
			.isEqualTo(1);
		assertThat(this.jdbc.queryForObject("select count(*) from municipality", Integer.class)).isEqualTo(1788);
		assertThat(this.identityService.createUserQuery().list()).extracting("id").containsExactly("admin");
		assertThat(this.identityService.createGroupQuery().groupId("secretariat").count()).isEqualTo(1);
	}

	@Test
	void restApiServesTheAdministratorFromTheEnvironmentAndNoDemoLogins() {
		HttpClientSupport http = new HttpClientSupport(this.port);
		assertThat(http.get("/engine-rest/process-definition/key/SystemCheck", "admin", "pg-Admin-Secret-2026")
			.statusCode()).isEqualTo(200);
		assertThat(http.get("/engine-rest/process-definition/key/SystemCheck", "desk", "demo").statusCode())
			.isEqualTo(401);
		assertThat(http.get("/api/municipalities?q=%E6%B5%9C%E6%9D%BE", null, null).body()).contains("221309");
	}

	/**
	 * PostgreSQL 17 from Maven binaries, owned by the Spring context so that the engine
	 * shuts down before the database does.
	 */
	@TestConfiguration(proxyBeanMethods = false)
	static class EmbeddedPostgresConfiguration {

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
