package jp.localgov.casework.support;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * How a staff member's browser logs in to the Camunda web applications and the staff
 * pages, in one place for every browser test that needs a logged-in staff member: the one
 * staff login at {@code /login}.
 *
 * <pre>{@code
 * try (Browser browser = Browser.start(Locale.JAPANESE)) {
 *     StaffLogin.open(browser, "http://localhost:" + port, "/camunda/app/cockpit/default/", "operator", "demo");
 *     ...
 * }
 * }</pre>
 */
public final class StaffLogin {

	// The one staff login (templates/login.html)
	private static final By USERNAME = By.id("username");

	private static final By PASSWORD = By.id("password");

	private static final By LOGIN_BUTTON = By.id("login");

	/** The header's account menu of a Camunda web application, shown once logged in. */
	private static final By ACCOUNT_MENU = By.cssSelector("li.account > a.dropdown-toggle");

	private StaffLogin() {
	}

	/**
	 * Logs in as {@code user} at {@code /login} of the application at {@code baseUrl},
	 * then opens {@code path} (e.g. {@code /camunda/app/cockpit/default/}) and, for a
	 * Camunda web application, waits until it shows the logged-in user.
	 */
	public static void open(Browser browser, String baseUrl, String path, String user, String password) {
		WebDriver driver = browser.open(baseUrl + "/login").driver();
		browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(LOGIN_BUTTON));
		driver.findElement(USERNAME).sendKeys(user);
		driver.findElement(PASSWORD).sendKeys(password);
		driver.findElement(LOGIN_BUTTON).click();
		browser.waiting().until(ExpectedConditions.not(ExpectedConditions.urlMatches(".*/login(\\?.*)?$")));
		browser.open(baseUrl + path);
		if (path.startsWith("/camunda/app/")) {
			browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(ACCOUNT_MENU));
		}
	}

}
