package jp.localgov.casework.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;

import jp.localgov.casework.support.Browser;
import jp.localgov.casework.support.StaffLogin;
import jp.localgov.casework.support.CaseworkSpringBootTest;
import jp.localgov.casework.system.process.SystemCheckProcess;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * In a real Chromium, Tasklist's Camunda Form of the system check shows the case data
 * computed when the form opens (how far the holiday calendar reaches) next to the reason
 * stored at the start.
 */
@CaseworkSpringBootTest
class SystemCheckFormBrowserTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(60);

	@LocalServerPort
	int port;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	TaskService taskService;

	@Test
	void tasklistShowsTheDataComputedWhenTheFormOpens() {
		String instance = this.runtimeService
			.startProcessInstanceByKey(SystemCheckProcess.PROCESS_KEY, Map.of(SystemCheckProcess.REASON, "ブラウザでの確認"))
			.getId();
		String task = this.taskService.createTaskQuery().processInstanceId(instance).singleResult().getId();

		try (Browser browser = Browser.start(Locale.JAPANESE)) {
			WebDriver driver = browser.driver();
			StaffLogin.open(browser, "http://localhost:" + this.port, "/camunda/app/tasklist/default/#/?task=" + task,
					"operator", "demo");

			WebElement calendar = browser.waitUpTo(TIMEOUT)
				.until(ExpectedConditions
					.presenceOfElementLocated(By.cssSelector(".fjs-container textarea[disabled]")));
			browser.waitUpTo(TIMEOUT)
				.until((ignored) -> calendar.getDomProperty("value") != null
						&& calendar.getDomProperty("value").startsWith("国民の祝日は"));
			browser.screenshot("tasklist-system-check-form-data");

			assertThat(driver.findElement(By.cssSelector(".fjs-container")).getText()).contains("国民の祝日カレンダー")
				.contains("このフォームを開いた日時");
			assertThat(driver.findElements(By.cssSelector(".fjs-container input[disabled]")))
				.extracting((input) -> input.getDomProperty("value"))
				.contains("ブラウザでの確認");
		}
	}

}
