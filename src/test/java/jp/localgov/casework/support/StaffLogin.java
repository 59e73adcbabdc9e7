package jp.localgov.casework.support;

import java.util.regex.Pattern;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * How a staff member's browser logs in to the Camunda web applications, in one place for
 * every browser test that needs a logged-in staff member.
 *
 * <pre>{@code
 * try (Browser browser = Browser.start(Locale.JAPANESE)) {
 *     StaffLogin.open(browser, "http://localhost:" + port, "/camunda/app/cockpit/default/", "operator", "demo");
 *     ...
 * }
 * }</pre>
 *
 * <p>
 * Today the staff log in through the login form that each Camunda web application shows
 * itself ({@link #throughCamundaLoginForm}). When they log in elsewhere (for example one
 * login page shared by all applications), only {@link #open} changes.
 */
public final class StaffLogin {

	/** A label once the application's locale has loaded (before, it is empty). */
	private static final Pattern LABEL = Pattern.compile("\\S");

	// Camunda's login form (camunda-commons-ui auth/page/form.html)
	private static final By LOGIN_FORM = By.cssSelector("form[name='signinForm']");

	private static final By USERNAME = By.cssSelector("form[name='signinForm'] input[type='text']");

	private static final By PASSWORD = By.cssSelector("form[name='signinForm'] input[type='password']");

	private static final By LOGIN_BUTTON = By.cssSelector("form[name='signinForm'] button[type='submit']");

	/** The header's account menu, shown once someone is logged in. */
	private static final By ACCOUNT_MENU = By.cssSelector("li.account > a.dropdown-toggle");

	private StaffLogin() {
	}

	/**
	 * Opens {@code path} of the application at {@code baseUrl} (e.g.
	 * {@code /camunda/app/cockpit/default/}) logged in as {@code user}, and waits until
	 * the application shows the logged-in user.
	 */
	public static void open(Browser browser, String baseUrl, String path, String user, String password) {
		throughCamundaLoginForm(browser, baseUrl + path, user, password);
	}

	private static void throughCamundaLoginForm(Browser browser, String url, String user, String password) {
		WebDriver driver = browser.open(url).driver();
		browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(LOGIN_BUTTON));
		// The labels are filled in once the locale has loaded.
		browser.waiting().until(ExpectedConditions.textMatches(LOGIN_BUTTON, LABEL));
		driver.findElement(USERNAME).sendKeys(user);
		driver.findElement(PASSWORD).sendKeys(password);
		driver.findElement(LOGIN_BUTTON).click();
		browser.waiting().until(ExpectedConditions.invisibilityOfElementLocated(LOGIN_FORM));
		browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(ACCOUNT_MENU));
	}

}
