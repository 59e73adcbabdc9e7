package jp.localgov.casework.platform;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.mock.env.MockEnvironment;

/**
 * Outside the demo profile the application refuses to start with a missing or weak admin
 * password.
 */
class ProductionSafetyCheckTests {

	private final ProductionSafetyCheck check = new ProductionSafetyCheck();

	@Test
	void refusesToStartWithoutAdminPassword() {
		assertThatIllegalStateException()
			.isThrownBy(() -> this.check.postProcessEnvironment(new MockEnvironment(), null))
			.withMessageContaining("CAMUNDA_BPM_ADMINUSER_PASSWORD");
	}

	@ParameterizedTest
	@ValueSource(strings = { "admin", "demo", "short-pw", "CHANGE-ME-please-now", "Password" })
	void refusesWeakAdminPasswords(String password) {
		MockEnvironment environment = new MockEnvironment().withProperty(ProductionSafetyCheck.ADMIN_PASSWORD,
				password);
		assertThatIllegalStateException().isThrownBy(() -> this.check.postProcessEnvironment(environment, null))
			.withMessageContaining("too weak");
	}

	@Test
	void startsWithAStrongAdminPassword() {
		MockEnvironment environment = new MockEnvironment().withProperty(ProductionSafetyCheck.ADMIN_PASSWORD,
				"k7#Qm2-v9Lp!xR4t");
		assertThatCode(() -> this.check.postProcessEnvironment(environment, null)).doesNotThrowAnyException();
	}

	@Test
	void theDemoProfileMayUseTheDocumentedDemoPassword() {
		MockEnvironment environment = new MockEnvironment().withProperty(ProductionSafetyCheck.DEMO_ENABLED, "true")
			.withProperty(ProductionSafetyCheck.ADMIN_PASSWORD, "admin");
		assertThatCode(() -> this.check.postProcessEnvironment(environment, null)).doesNotThrowAnyException();
	}

}
