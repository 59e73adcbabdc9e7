package jp.localgov.casework.platform;

import static org.assertj.core.api.Assertions.assertThat;

import jp.localgov.casework.support.CaseworkPostgresTest;
import jp.localgov.casework.support.HttpClientSupport;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The production setup: the same application on a real PostgreSQL 17 with the
 * {@code postgres} profile, where no demo account exists and the administrator comes from
 * the environment.
 */
@CaseworkPostgresTest
@Order(CaseworkPostgresTest.ORDER)
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
		assertThat(this.identityService.createUserQuery().userIdIn("desk", "tanaka", "hamamatsu", "operator").count())
			.as("demo accounts")
			.isZero();
		assertThat(this.identityService.createUserQuery().userId("admin").memberOfGroup("camunda-admin").count())
			.isEqualTo(1);
		assertThat(this.identityService.createGroupQuery().groupId("secretariat").count()).isEqualTo(1);
	}

	@Test
	void restApiServesTheAdministratorFromTheEnvironmentAndNoDemoLogins() {
		HttpClientSupport http = new HttpClientSupport(this.port);
		assertThat(http
			.get("/engine-rest/process-definition/key/SystemCheck", "admin", CaseworkPostgresTest.ADMIN_PASSWORD)
			.statusCode()).isEqualTo(200);
		assertThat(http.get("/engine-rest/process-definition/key/SystemCheck", "desk", "demo").statusCode())
			.isEqualTo(401);
		assertThat(http.get("/api/municipalities?q=%E6%B5%9C%E6%9D%BE", null, null).body()).contains("221309");
	}

}
