package jp.localgov.casework.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real, headless Chromium driven by Selenium, for UI tests.
 *
 * <pre>{@code
 * try (Browser browser = Browser.start(Locale.JAPANESE)) {
 *     browser.open("http://localhost:" + port + "/");
 *     browser.waitUpTo(Duration.ofSeconds(30)).until(...);
 *     browser.screenshot("home-ja");
 * }
 * }</pre>
 *
 * <p>
 * Uses the installed Chromium and chromedriver ({@code /usr/bin/chromium},
 * {@code /usr/bin/chromedriver}, or the paths in the environment variables
 * {@code CHROME_BIN} and {@code CHROMEDRIVER}); nothing is downloaded (the build sets
 * {@code SE_OFFLINE=true} for Selenium Manager). When either binary is missing the test
 * is skipped, except on CI ({@code CI=true}) where it fails.
 */
public final class Browser implements AutoCloseable {

	public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

	private static final String DEFAULT_CHROME = "/usr/bin/chromium";

	private static final String DEFAULT_CHROMEDRIVER = "/usr/bin/chromedriver";

	private static final Path SCREENSHOTS = Paths.get("target", "screenshots");

	private final WebDriver driver;

	private final Path userDataDir;

	private boolean quit;

	private Browser(WebDriver driver, Path userDataDir) {
		this.driver = driver;
		this.userDataDir = userDataDir;
	}

	/**
	 * Starts a browser whose UI and preferred content language is {@code locale}, English
	 * as the fallback.
	 */
	public static Browser start(Locale locale) {
		return start(locale.toLanguageTag());
	}

	/**
	 * Starts a browser whose UI and preferred content language is {@code lang} (e.g.
	 * {@code "ja"}), then English.
	 */
	public static Browser start(String lang) {
		String chrome = env("CHROME_BIN", DEFAULT_CHROME);
		String chromedriver = env("CHROMEDRIVER", DEFAULT_CHROMEDRIVER);
		requireExecutable(chrome, "Chromium", "CHROME_BIN");
		requireExecutable(chromedriver, "chromedriver", "CHROMEDRIVER");
		System.setProperty("webdriver.chrome.driver", chromedriver);

		Path userDataDir;
		try {
			userDataDir = Files.createTempDirectory("chromium-profile-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		String acceptLanguages = lang.toLowerCase(Locale.ROOT).startsWith("en") ? lang : lang + ",en";

		ChromeOptions options = new ChromeOptions();
		options.setBinary(chrome);
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
				"--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
				"--window-size=1366,900", "--user-data-dir=" + userDataDir.toAbsolutePath(), "--lang=" + lang);
		options.setExperimentalOption("prefs", Map.of("intl.accept_languages", acceptLanguages));
		try {
			return new Browser(new ChromeDriver(options), userDataDir);
		}
		catch (RuntimeException ex) {
			deleteRecursively(userDataDir);
			throw ex;
		}
	}

	/** The underlying Selenium driver, for anything this class does not wrap. */
	public WebDriver driver() {
		return this.driver;
	}

	/** Navigates to {@code url}. */
	public Browser open(String url) {
		this.driver.get(url);
		return this;
	}

	/** A wait of at most {@link #DEFAULT_TIMEOUT}. */
	/**
	 * Clicks an element once it is clickable, scrolled to the middle of the window first
	 * (Tasklist's footer and its notifications cover the bottom of the window); retries
	 * while a passing overlay takes the click.
	 */
	public void click(By element) {
		waiting().until((driver) -> {
			WebElement target = driver.findElement(element);
			((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", target);
			try {
				target.click();
				return true;
			}
			catch (ElementClickInterceptedException ex) {
				// A Camunda notification stays until closed and may cover the button.
				((JavascriptExecutor) driver).executeScript(
						"document.querySelectorAll('.page-notifications .close').forEach((close) => close.click());");
				return false;
			}
		});
	}

	public WebDriverWait waiting() {
		return waitUpTo(DEFAULT_TIMEOUT);
	}

	/** A wait of at most {@code timeout}. */
	public WebDriverWait waitUpTo(Duration timeout) {
		return new WebDriverWait(this.driver, timeout);
	}

	/**
	 * Saves a PNG of the current viewport as {@code target/screenshots/<name>.png} and
	 * returns its path.
	 */
	public Path screenshot(String name) {
		try {
			Files.createDirectories(SCREENSHOTS);
			Path target = SCREENSHOTS.resolve(name + ".png");
			Path png = ((TakesScreenshot) this.driver).getScreenshotAs(OutputType.FILE).toPath();
			Files.copy(png, target, StandardCopyOption.REPLACE_EXISTING);
			return target;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Closes the browser and removes its temporary profile; calling it again does
	 * nothing.
	 */
	public void quit() {
		if (this.quit) {
			return;
		}
		this.quit = true;
		try {
			this.driver.quit();
		}
		finally {
			deleteRecursively(this.userDataDir);
		}
	}

	@Override
	public void close() {
		quit();
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return (value == null || value.isBlank()) ? fallback : value;
	}

	private static void requireExecutable(String path, String what, String variable) {
		if (Files.isExecutable(Paths.get(path))) {
			return;
		}
		String message = what + " not found at " + path + " (set " + variable + " to its path, or install it: "
				+ "apt-get install chromium chromium-driver fonts-noto-cjk); browser tests need a real Chromium";
		if ("true".equals(System.getenv("CI"))) {
			Assertions.fail(message);
		}
		Assumptions.assumeTrue(false, message);
	}

	private static void deleteRecursively(Path dir) {
		if (dir == null || !Files.exists(dir)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(dir)) {
			paths.sorted(Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
		}
		catch (IOException | UncheckedIOException ex) {
			// A leftover temporary profile is harmless.
		}
	}

}
