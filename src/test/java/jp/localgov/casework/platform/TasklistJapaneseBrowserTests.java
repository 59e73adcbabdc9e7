package jp.localgov.casework.platform;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jp.localgov.casework.platform.process.TasklistFilters;
import jp.localgov.casework.support.Browser;
import jp.localgov.casework.support.CaseworkSpringBootTest;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Camunda Tasklist in a real Chromium whose preferred language is Japanese: Tasklist
 * sends the browser to the one staff login (Japanese), and the main view shows the labels
 * of our {@code ja.json}; a local-government account cannot open it. Screenshots land in
 * {@code target/screenshots}.
 */
@CaseworkSpringBootTest
class TasklistJapaneseBrowserTests {

	private static final String JA_LOCALE = "META-INF/resources/webjars/camunda/app/tasklist/locales/ja.json";

	private static final Pattern JAPANESE = Pattern.compile("[\\p{IsHiragana}\\p{IsKatakana}\\p{IsHan}]");

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	// The one staff login (/login)
	private static final By LOGIN_FORM = By.cssSelector("form[action$='/login']");

	private static final By USERNAME = By.id("username");

	private static final By PASSWORD = By.id("password");

	private static final By LOGIN_BUTTON = By.id("login");

	// Main view
	private static final By ACCOUNT_MENU = By.cssSelector("li.account > a.dropdown-toggle");

	private static final By START_PROCESS = By.cssSelector("li.start-process-action a");

	private static final By CREATE_TASK = By.cssSelector("li.create-task-action a");

	private static final By SORT_BY_LABEL = By.cssSelector("[cam-sorting-choices] .sorting-label");

	private static final By FILTERS_COLUMN = By.cssSelector("section.task-filters");

	private static JsonNode labels;

	@LocalServerPort
	int port;

	@Autowired
	IdentityService identityService;

	@BeforeAll
	static void readJapaneseLabels() throws IOException {
		try (InputStream json = new ClassPathResource(JA_LOCALE).getInputStream()) {
			labels = new ObjectMapper().readTree(json).get("labels");
		}
	}

	@Test
	void secretariatSeesTheTasklistInJapanese() {
		try (Browser browser = Browser.start(Locale.JAPANESE)) {
			WebDriver driver = openLoginPage(browser);

			assertThat(driver.findElement(By.cssSelector("label[for='username']")).getText()).startsWith("ユーザー名");
			assertThat(driver.findElement(By.cssSelector("label[for='password']")).getText()).startsWith("パスワード");
			assertThat(driver.findElement(LOGIN_BUTTON).getText()).startsWith("ログイン").containsPattern(JAPANESE);
			browser.screenshot("tasklist-login-ja");

			logIn(driver, "desk", "demo");
			browser.waitUpTo(TIMEOUT).until(ExpectedConditions.visibilityOfElementLocated(START_PROCESS));
			browser.waitUpTo(TIMEOUT).until(ExpectedConditions.visibilityOfElementLocated(FILTERS_COLUMN));
			browser.waitUpTo(TIMEOUT).until(ExpectedConditions.invisibilityOfElementLocated(LOGIN_FORM));

			User desk = this.identityService.createUserQuery().userId("desk").singleResult();
			assertThat(driver.findElement(ACCOUNT_MENU).getText())
				.isEqualTo(desk.getFirstName() + " " + desk.getLastName());
			assertThat(driver.findElement(START_PROCESS).getText()).isEqualTo(label("START_PROCESS"))
				.isEqualTo("プロセスを開始");
			assertThat(driver.findElement(CREATE_TASK).getText()).isEqualTo(label("CREATE_TASK"));
			assertThat(driver.findElement(SORT_BY_LABEL).getAttribute("textContent").strip())
				.isEqualTo(label("SORT_BY"));
			browser.waitUpTo(TIMEOUT)
				.until(ExpectedConditions.textToBePresentInElementLocated(FILTERS_COLUMN,
						TasklistFilters.ALL_MY_TASKS));
			browser.screenshot("tasklist-ja");
		}
	}

	@Test
	void localGovernmentAccountCannotLogInToTheTasklist() {
		try (Browser browser = Browser.start(Locale.JAPANESE)) {
			WebDriver driver = openLoginPage(browser);

			logIn(driver, "hamamatsu", "demo");
			browser.waitUpTo(TIMEOUT).until(ExpectedConditions.urlContains("/portal/"));
			browser.open("http://localhost:" + this.port + "/camunda/app/tasklist/default/");
			browser.screenshot("tasklist-login-refused-ja");

			assertThat(driver.findElements(ACCOUNT_MENU)).isEmpty();
			assertThat(driver.findElements(START_PROCESS)).isEmpty();
		}
	}

	private WebDriver openLoginPage(Browser browser) {
		browser.open("http://localhost:" + this.port + "/camunda/app/tasklist/default/");
		browser.waitUpTo(TIMEOUT).until(ExpectedConditions.visibilityOfElementLocated(LOGIN_BUTTON));
		assertThat(browser.driver().getCurrentUrl()).endsWith("/login");
		return browser.driver();
	}

	private static void logIn(WebDriver driver, String user, String password) {
		driver.findElement(USERNAME).sendKeys(user);
		driver.findElement(PASSWORD).sendKeys(password);
		driver.findElement(LOGIN_BUTTON).click();
	}

	private static String label(String key) {
		JsonNode value = labels.get(key);
		assertThat(value).as("label %s in %s", key, JA_LOCALE).isNotNull();
		return value.asText();
	}

}
