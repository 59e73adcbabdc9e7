package jp.localgov.casework.platform;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jp.localgov.casework.support.Browser;
import jp.localgov.casework.support.CaseworkSpringBootTest;
import jp.localgov.casework.support.StaffLogin;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Cockpit, Admin and the welcome app in a real Chromium whose preferred language is
 * Japanese: each shows the labels of our {@code ja.json} to a user allowed there, and
 * none shows Camunda's "migrate to Camunda 8" banner. Screenshots land in
 * {@code target/screenshots}.
 */
@CaseworkSpringBootTest
class CamundaWebappsJapaneseBrowserTests {

	/** Camunda 7.24 CE's end-of-life banner above every application (hidden by us). */
	private static final By EOL_BANNER = By.cssSelector(".ce-eol-banner");

	private static final By HEADER = By.cssSelector("[cam-widget-header]");

	@LocalServerPort
	int port;

	@Test
	void operatorSeesCockpitInJapanese() throws IOException {
		JsonNode labels = labels("cockpit");
		try (Browser browser = Browser.start(Locale.JAPANESE)) {
			StaffLogin.open(browser, baseUrl(), "/camunda/app/cockpit/default/#/dashboard", "operator", "demo");
			WebDriver driver = browser.driver();
			browser.waiting()
				.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"),
						text(labels, "DASHBOARD_RUNNING_PROCESS_INSTANCE")));

			String page = driver.findElement(By.tagName("body")).getText();
			assertThat(text(labels, "DASHBOARD_RIGHT_NOW")).isEqualTo("現在の状況");
			assertThat(page)
				.contains("現在の状況", "実行中のプロセスインスタンス", "未解決のインシデント", "プロセス定義", "決定定義",
						text(labels, "DASHBOARD_OPEN_HUMAN_TASKS"))
				.doesNotContain("Running Process Instances", "Open Incidents", "Deployed");
			assertThat(driver.findElement(HEADER).getText()).contains("プロセス", "決定", "ユーザータスク")
				.doesNotContain("Processes", "Decisions");
			assertBannerHidden(driver);
			browser.screenshot("cockpit-dashboard-ja");
		}
	}

	@Test
	void administratorSeesAdminInJapanese() throws IOException {
		JsonNode labels = labels("admin");
		try (Browser browser = Browser.start(Locale.JAPANESE)) {
			StaffLogin.open(browser, baseUrl(), "/camunda/app/admin/default/#/", "admin", "admin");
			WebDriver driver = browser.driver();
			browser.waiting()
				.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"),
						text(labels, "USERS_LIST_OF_USERS")));

			String page = driver.findElement(By.tagName("body")).getText();
			assertThat(page).contains("ユーザー一覧", "グループ一覧", "権限設定", text(labels, "USERS_CREATE_NEW_USER"))
				.doesNotContain("List of users", "Authorizations");
			assertBannerHidden(driver);
			browser.screenshot("admin-dashboard-ja");

			browser.open(baseUrl() + "/camunda/app/admin/default/#/users");
			browser.waiting()
				.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"),
						text(labels, "USERS_LIST_USERS")));
			// The demo staff (窓口 花子) are listed
			browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "窓口"));
			browser.screenshot("admin-users-ja");
		}
	}

	@Test
	void staffMemberLandsOnTheWelcomeAppInJapanese() throws IOException {
		JsonNode labels = labels("welcome");
		try (Browser browser = Browser.start(Locale.JAPANESE)) {
			// Logged out, the welcome app sends the browser to the one staff login
			browser.open(baseUrl() + "/camunda/app/welcome/");
			browser.waiting().until(ExpectedConditions.urlMatches(".*/login(\\?.*)?$"));
			assertThat(browser.driver().findElement(By.tagName("body")).getText()).contains("職員ログイン");
			browser.screenshot("welcome-login-ja");

			StaffLogin.open(browser, baseUrl(), "/camunda/app/welcome/default/#!/welcome", "desk", "demo");
			browser.waiting()
				.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"),
						text(labels, "APPLICATIONS")));
			String page = browser.driver().findElement(By.tagName("body")).getText();
			assertThat(page).contains("アプリケーション", "プロフィール", "プロフィールの編集", "パスワードの変更", "Tasklist")
				.doesNotContain("Applications", "Edit profile", "Change password");
			assertBannerHidden(browser.driver());
			browser.screenshot("welcome-ja");
		}
	}

	/** The banner is in the page (so Camunda still renders it) but nobody sees it. */
	private static void assertBannerHidden(WebDriver driver) {
		List<WebElement> banners = driver.findElements(EOL_BANNER);
		assertThat(banners).as("Camunda's end-of-life banner").isNotEmpty();
		assertThat(banners).noneMatch(WebElement::isDisplayed);
		assertThat(driver.findElement(By.tagName("body")).getText()).doesNotContain("Camunda 8");
	}

	private String baseUrl() {
		return "http://localhost:" + this.port;
	}

	private static JsonNode labels(String app) throws IOException {
		String path = "META-INF/resources/webjars/camunda/app/" + app + "/locales/ja.json";
		try (InputStream json = new ClassPathResource(path).getInputStream()) {
			return new ObjectMapper().readTree(json).get("labels");
		}
	}

	private static String text(JsonNode labels, String key) {
		JsonNode value = labels.get(key);
		assertThat(value).as("label %s", key).isNotNull();
		return value.asText();
	}

}
