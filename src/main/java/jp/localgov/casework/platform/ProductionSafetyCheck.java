package jp.localgov.casework.platform;

import java.util.Locale;
import java.util.Set;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Refuses to start outside the demo profile without a proper administrator password,
 * before the engine could create the administrator with a guessable one.
 */
public class ProductionSafetyCheck implements EnvironmentPostProcessor, Ordered {

	static final String DEMO_ENABLED = "casework.demo.enabled";

	static final String ADMIN_PASSWORD = "camunda.bpm.admin-user.password";

	static final int MINIMUM_LENGTH = 12;

	private static final Set<String> WELL_KNOWN = Set.of("admin", "demo", "password", "changeme", "change-me",
			"camunda", "secret");

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (Boolean.parseBoolean(environment.getProperty(DEMO_ENABLED, "false"))) {
			return;
		}
		String password = environment.getProperty(ADMIN_PASSWORD, "");
		if (password.isBlank()) {
			throw new IllegalStateException("管理者パスワードが設定されていません。環境変数 CAMUNDA_BPM_ADMINUSER_PASSWORD を設定してください。"
					+ " / No administrator password: set CAMUNDA_BPM_ADMINUSER_PASSWORD.");
		}
		if (password.length() < MINIMUM_LENGTH || WELL_KNOWN.contains(password.toLowerCase(Locale.ROOT))
				|| password.toLowerCase(Locale.ROOT).startsWith("change-me")) {
			throw new IllegalStateException("管理者パスワードが弱すぎます（" + MINIMUM_LENGTH + "文字以上の推測されにくいものにしてください）。"
					+ " / The administrator password is too weak: use at least " + MINIMUM_LENGTH
					+ " characters that are hard to guess.");
		}
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

}
