package jp.localgov.casework.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Arrays;
import java.util.UUID;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jp.localgov.casework.support.CaseworkPostgresTest;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.output.MigrateResult;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every Flyway migration runs from an empty database, on H2 and on PostgreSQL, as on a
 * new installation, and a second run finds nothing to do.
 */
@CaseworkPostgresTest
@Order(CaseworkPostgresTest.ORDER)
class DatabaseMigrationTests {

	@Autowired
	EmbeddedPostgres postgres;

	@Test
	void everyMigrationRunsOnAnEmptyH2Database() throws IOException {
		JdbcDataSource h2 = new JdbcDataSource();
		h2.setURL("jdbc:h2:mem:migration-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
		assertMigratesFromEmpty(h2);
	}

	@Test
	void everyMigrationRunsOnAnEmptyPostgresqlDatabase() throws IOException {
		String database = "migration_" + UUID.randomUUID().toString().replace("-", "");
		new JdbcTemplate(this.postgres.getPostgresDatabase()).execute("create database " + database);
		assertMigratesFromEmpty(this.postgres.getDatabase("postgres", database));
	}

	private void assertMigratesFromEmpty(DataSource dataSource) throws IOException {
		int scripts = new PathMatchingResourcePatternResolver().getResources("classpath:db/migration/V*.sql").length;
		Flyway flyway = Flyway.configure()
			.dataSource(dataSource)
			.locations("classpath:db/migration")
			.table("app_schema_history")
			.load();

		MigrateResult first = flyway.migrate();
		assertThat(first.success).isTrue();
		assertThat(first.migrationsExecuted).isEqualTo(scripts);
		assertThat(Arrays.stream(flyway.info().all()).map(MigrationInfo::getState))
			.containsOnly(MigrationState.SUCCESS);
		assertThat(flyway.migrate().migrationsExecuted).as("second run").isZero();
		assertThat(new JdbcTemplate(dataSource).queryForObject("select count(*) from startup_lock", Integer.class))
			.isOne();
	}

}
