package jp.localgov.casework.platform;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import jp.localgov.casework.support.Browser;
import jp.localgov.casework.support.CaseworkSpringBootTest;
import jp.localgov.casework.support.StaffLogin;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Camunda Form of a task in the real Tasklist: form-js's own validation messages are
 * Japanese for a browser that prefers Japanese (and stay English for one that prefers
 * English), and a form filled in correctly still completes the task. The task is the
 * system check's 動作を確認する, whose confirmation is required and whose remarks are at most
 * 2000 characters. Screenshots land in {@code target/screenshots}.
 */
@CaseworkSpringBootTest
class TasklistFormMessagesBrowserTests {

	private static final String TASKLIST = "/camunda/app/tasklist/default/";

	private static final By CLAIM = By.cssSelector("button.claim");

	private static final By UNCLAIM = By.cssSelector("button.unclaim");

	private static final By COMPLETE = By.cssSelector("button.btn-primary[ng-click='complete()']");

	// The Camunda Form (form-js) in the task view
	private static final By CAMUNDA_FORM = By.cssSelector(".fjs-container .fjs-form");

	private static final By CONFIRMED = By.cssSelector(".fjs-form-field-checkbox input[type='checkbox']");

	private static final By CONFIRMED_ERROR = By.cssSelector(".fjs-form-field-checkbox .fjs-form-field-error");

	private static final By REMARKS = By.cssSelector(".fjs-form-field-textarea textarea:not([disabled])");

	private static final By REMARKS_ERROR = By
		.cssSelector(".fjs-form-field-textarea:has(textarea:not([disabled])) .fjs-form-field-error");

	@LocalServerPort
	int port;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	TaskService taskService;

	@Autowired
	HistoryService historyService;

	@Test
	void operatorSeesFormMessagesInJapaneseAndCompletesTheTask() {
		Task task = startSystemCheck();
		try (Browser browser = Browser.start(Locale.JAPANESE)) {
			WebDriver driver = openClaimed(browser, task);

			// Submitted without the required confirmation
			browser.click(COMPLETE);
			WebElement required = browser.waiting()
				.until(ExpectedConditions.visibilityOfElementLocated(CONFIRMED_ERROR));
			browser.waiting().until(ExpectedConditions.textToBe(CONFIRMED_ERROR, "この項目は必須です。"));
			assertThat(required.getText()).doesNotContain("Field");
			scrollIntoView(driver, required);
			browser.screenshot("tasklist-form-required-ja");
			assertThat(this.taskService.createTaskQuery().taskId(task.getId()).count()).isOne();

			// Remarks one character over the limit
			WebElement remarks = driver.findElement(REMARKS);
			type(driver, remarks, "確".repeat(2001));
			browser.waiting().until(ExpectedConditions.textToBe(REMARKS_ERROR, "2000文字以内で入力してください。"));
			browser.screenshot("tasklist-form-max-length-ja");

			// Filled in correctly, the form completes the task.
			type(driver, remarks, "問題ありません。");
			browser.waiting().until(ExpectedConditions.invisibilityOfElementLocated(REMARKS_ERROR));
			driver.findElement(CONFIRMED).click();
			browser.waiting().until(ExpectedConditions.invisibilityOfElementLocated(CONFIRMED_ERROR));
			browser.click(COMPLETE);
			browser.waiting().until(ExpectedConditions.invisibilityOfElementLocated(CAMUNDA_FORM));
		}
		assertThat(this.historyService.createHistoricProcessInstanceQuery()
			.processInstanceId(task.getProcessInstanceId())
			.finished()
			.count()).isOne();
		assertThat(this.historyService.createHistoricVariableInstanceQuery()
			.processInstanceId(task.getProcessInstanceId())
			.variableName("remarks")
			.singleResult()
			.getValue()).isEqualTo("問題ありません。");
	}

	@Test
	void englishBrowserKeepsFormJsMessagesInEnglish() {
		Task task = startSystemCheck();
		try (Browser browser = Browser.start(Locale.ENGLISH)) {
			WebDriver driver = openClaimed(browser, task);

			browser.click(COMPLETE);
			browser.waiting().until(ExpectedConditions.textToBe(CONFIRMED_ERROR, "Field is required."));
		}
		this.runtimeService.deleteProcessInstance(task.getProcessInstanceId(), "browser test done");
	}

	private Task startSystemCheck() {
		ProcessInstance check = this.runtimeService.startProcessInstanceByKey("SystemCheck",
				Map.of("reason", "画面表示の確認 " + System.nanoTime()));
		List<Task> tasks = this.taskService.createTaskQuery().processInstanceId(check.getId()).list();
		assertThat(tasks).hasSize(1);
		return tasks.get(0);
	}

	/** Opens the task in Tasklist as an operator, who claims it. */
	private WebDriver openClaimed(Browser browser, Task task) {
		String baseUrl = "http://localhost:" + this.port;
		StaffLogin.open(browser, baseUrl, TASKLIST, "operator", "demo");
		browser.open(baseUrl + TASKLIST + "#/?task=" + task.getId());
		browser.waiting().until(ExpectedConditions.elementToBeClickable(CLAIM)).click();
		browser.waiting().until(ExpectedConditions.presenceOfElementLocated(UNCLAIM));
		browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(CAMUNDA_FORM));
		browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(CONFIRMED));
		return browser.driver();
	}

	/**
	 * Replaces the text of a form-js field: long text is set at once, the last character
	 * typed so that form-js sees a real input.
	 */
	private static void type(WebDriver driver, WebElement field, String text) {
		String head = text.substring(0, text.length() - 1);
		((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1];", field, head);
		field.sendKeys(text.substring(text.length() - 1));
	}

	private static void scrollIntoView(WebDriver driver, WebElement element) {
		((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
	}

}
