package jp.localgov.casework.inquiry;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import jp.localgov.casework.inquiry.process.InquiryProcess;
import jp.localgov.casework.platform.StaffGroup;
import jp.localgov.casework.support.Browser;
import jp.localgov.casework.support.CaseworkSpringBootTest;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
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
 * An inquiry in two real Chromium browsers whose preferred language is Japanese: the
 * applicant submits it on the portal, the secretariat desk receives it in the Camunda
 * Tasklist through its Camunda Form, and the inquiry moves on to the department proposed
 * by the routing table. Screenshots land in {@code target/screenshots}.
 */
@CaseworkSpringBootTest
class InquiryBrowserTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private static final Pattern JAPANESE = Pattern.compile("[\\p{IsHiragana}\\p{IsKatakana}\\p{IsHan}]");

	private static final Pattern TRACKING_NUMBER = Pattern.compile("INQ-\\d{4}-\\d{6}");

	/** The secretariat's Tasklist filter of inquiries waiting for reception. */
	private static final String WAITING_FOR_RECEPTION_FILTER = "受付待ち";

	private static final String RECEPTION_TASK_NAME = "受付・担当課の確認";

	private static final String EXCHANGE_COOPERATION_LABEL = "国際交流・協力課";

	// Portal (templates/portal/inquiry-form.html and inquiry.html)
	private static final By PORTAL_FORM = By.cssSelector("form.portal-form[action*='/portal/inquiries/confirm']");

	private static final By PORTAL_HEADING = By.cssSelector("main h1");

	private static final By INTERPRETATION_TRANSLATION = By
		.cssSelector("input[type='radio'][name='field'][value='INTERPRETATION_TRANSLATION']");

	private static final By PORTAL_SUBMIT = By.cssSelector("form.portal-form button[type='submit'].primary");

	private static final By TRACKING = By.cssSelector("dd.tracking");

	private static final By CURRENT_STAGE = By.cssSelector("ol.progress li.current .stage");

	private static final By SUBMITTED_MESSAGE = By.cssSelector(".message.success[role='status']");

	// The one staff login (/login), where Tasklist sends the browser
	private static final By USERNAME = By.id("username");

	private static final By PASSWORD = By.id("password");

	private static final By LOGIN_BUTTON = By.id("login");

	// Tasklist main view
	private static final By FILTERS_COLUMN = By.cssSelector("section.task-filters");

	private static final By TASK_CARD = By.cssSelector("[cam-tasks] .tasks-list li.task");

	private static final By CLAIM = By.cssSelector("button.claim");

	private static final By UNCLAIM = By.cssSelector("button.unclaim");

	private static final By COMPLETE = By.cssSelector("button.btn-primary[ng-click='complete()']");

	// The Camunda Form (form-js) in the task view
	private static final By CAMUNDA_FORM = By.cssSelector(".fjs-container .fjs-form");

	@LocalServerPort
	int port;

	@Autowired
	InquiryService inquiries;

	@Autowired
	TaskService taskService;

	@Autowired
	FilterService filterService;

	@Test
	void applicantSubmitsOnThePortalAndTheDeskReceivesTheInquiryInTheTasklist() {
		String subject = "ポルトガル語通訳の手配 " + System.nanoTime();

		String trackingNumber;
		try (Browser applicant = Browser.start(Locale.JAPANESE)) {
			trackingNumber = submitOnThePortal(applicant, subject);
		}

		Task reception = this.taskService.createTaskQuery()
			.processInstanceBusinessKey(trackingNumber)
			.taskDefinitionKey(InquiryProcess.TASK_RECEIVE)
			.singleResult();
		assertThat(reception).as("reception task of %s", trackingNumber).isNotNull();
		assertThat(reception.getName()).isEqualTo(RECEPTION_TASK_NAME);

		try (Browser desk = Browser.start(Locale.JAPANESE)) {
			receiveInTheTasklist(desk, reception.getId(), trackingNumber, subject);
		}

		InquiryView view = this.inquiries.view(trackingNumber);
		assertThat(view.status()).isEqualTo(InquiryStatus.DEPARTMENT_ASSIGNED);
		assertThat(view.department()).isEqualTo(StaffGroup.EXCHANGE_COOPERATION.id()).isEqualTo("exchangeCooperation");
		Task assignStaff = this.taskService.createTaskQuery()
			.processInstanceBusinessKey(trackingNumber)
			.taskDefinitionKey(InquiryProcess.TASK_ASSIGN_STAFF)
			.singleResult();
		assertThat(assignStaff).as("next task %s", InquiryProcess.TASK_ASSIGN_STAFF).isNotNull();
		assertThat(assignStaff.getTaskDefinitionKey()).isEqualTo("UserTask_AssignStaff");
		List<String> candidateGroups = this.taskService.getIdentityLinksForTask(assignStaff.getId())
			.stream()
			.filter((link) -> IdentityLinkType.CANDIDATE.equals(link.getType()))
			.map(IdentityLink::getGroupId)
			.toList();
		assertThat(candidateGroups).containsExactly("exchangeCooperationLead");
	}

	private String submitOnThePortal(Browser browser, String subject) {
		WebDriver driver = browser.driver();
		browser.open("http://localhost:" + this.port + "/portal/inquiries/new");
		browser.waitUpTo(TIMEOUT).until(ExpectedConditions.visibilityOfElementLocated(PORTAL_FORM));

		assertThat(driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("ja");
		assertThat(driver.findElement(PORTAL_HEADING).getText()).isEqualTo("お問い合わせ").containsPattern(JAPANESE);
		assertThat(driver.findElement(PORTAL_SUBMIT).getText()).isEqualTo("入力内容を確認する");

		driver.findElement(By.id("applicantName")).sendKeys("望月 蓮");
		driver.findElement(By.id("organization")).sendKeys("浜松市 国際課");
		driver.findElement(By.id("municipalityCode")).sendKeys("221309");
		driver.findElement(By.id("email")).sendKeys("browser-" + System.nanoTime() + "@city.example.jp");
		WebElement interpretation = driver.findElement(INTERPRETATION_TRANSLATION);
		assertThat(
				driver.findElement(By.cssSelector("label[for='" + interpretation.getAttribute("id") + "']")).getText())
			.isEqualTo("通訳・翻訳");
		interpretation.click();
		assertThat(interpretation.isSelected()).isTrue();
		driver.findElement(By.id("subject")).sendKeys(subject);
		driver.findElement(By.id("body")).sendKeys("姉妹都市の訪問団（ブラジル）のため、来月ポルトガル語の通訳を手配したいと考えています。ご紹介いただけますか。");
		// The field choice, the subject and the text in view
		scrollIntoView(driver, driver.findElement(By.id("field")));
		browser.screenshot("portal-form-ja");

		WebElement consent = driver.findElement(By.cssSelector("input[type='checkbox'][name='consent']"));
		scrollIntoView(driver, consent);
		consent.click();
		driver.findElement(PORTAL_SUBMIT).click();

		// 確認: what will be sent, then 送信
		browser.waitUpTo(TIMEOUT).until(ExpectedConditions.textToBePresentInElementLocated(PORTAL_HEADING, "入力内容の確認"));
		assertThat(driver.findElement(By.cssSelector("dl.confirm")).getText()).contains(subject, "通訳・翻訳", "望月 蓮");
		browser.screenshot("portal-confirm-ja");
		driver.findElement(By.cssSelector("form.send-once button[type='submit']")).click();
		WebElement tracking = browser.waitUpTo(TIMEOUT).until(ExpectedConditions.visibilityOfElementLocated(TRACKING));
		assertThat(driver.getCurrentUrl()).contains("/portal/inquiries/INQ-").contains("token=");
		String trackingNumber = tracking.getText().strip();
		assertThat(trackingNumber).matches(TRACKING_NUMBER);
		assertThat(driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("ja");
		assertThat(driver.findElement(PORTAL_HEADING).getText()).isEqualTo(subject);
		assertThat(driver.findElement(SUBMITTED_MESSAGE).getText())
			.contains("お問い合わせを受け付けました。受付番号は " + trackingNumber + " です。");
		assertThat(driver.findElement(CURRENT_STAGE).getText()).isEqualTo("受付待ち");
		assertThat(driver.findElement(By.cssSelector("dl.summary")).getText()).contains("受付待ち").contains("通訳・翻訳");
		browser.screenshot("portal-submitted-ja");
		return trackingNumber;
	}

	private void receiveInTheTasklist(Browser browser, String taskId, String trackingNumber, String subject) {
		WebDriver driver = browser.driver();
		browser.open("http://localhost:" + this.port + "/camunda/app/tasklist/default/");
		browser.waitUpTo(TIMEOUT).until(ExpectedConditions.visibilityOfElementLocated(LOGIN_BUTTON));
		browser.waitUpTo(TIMEOUT).until(ExpectedConditions.textMatches(LOGIN_BUTTON, JAPANESE));
		driver.findElement(USERNAME).sendKeys("desk");
		driver.findElement(PASSWORD).sendKeys("demo");
		driver.findElement(LOGIN_BUTTON).click();

		// The filter 受付待ち lists the reception tasks, newest first (its name is the
		// link's first text node, the task count follows in a span).
		By filter = By.xpath("//section[contains(@class,'task-filters')]//h4[contains(@class,'name')]"
				+ "/a[normalize-space(text()[1])='" + WAITING_FOR_RECEPTION_FILTER + "']");
		browser.waitUpTo(TIMEOUT).until(ExpectedConditions.elementToBeClickable(filter)).click();
		// The focused filter shows its task count.
		browser.waitUpTo(TIMEOUT)
			.until(ExpectedConditions.visibilityOfNestedElementsLocatedBy(filter, By.cssSelector("span.counter")));
		// A page of the list appears at once. Ours is on the first page unless other
		// tests left many newer reception tasks; then it is opened by its address.
		browser.waitUpTo(TIMEOUT).until(ExpectedConditions.visibilityOfElementLocated(TASK_CARD));
		By row = By.cssSelector("[cam-tasks] .tasks-list .task [href*='#/?task=" + taskId + "']");
		List<WebElement> links = driver.findElements(row);
		if (links.isEmpty()) {
			String filterId = this.filterService.createFilterQuery()
				.filterName(WAITING_FOR_RECEPTION_FILTER)
				.list()
				.stream()
				.filter((candidate) -> candidate.getOwner() == null)
				.findFirst()
				.orElseThrow()
				.getId();
			browser.open("http://localhost:" + this.port + "/camunda/app/tasklist/default/#/?filter=" + filterId
					+ "&task=" + taskId);
		}
		else {
			WebElement card = links.get(0).findElement(By.xpath("./ancestor::li[contains(@class,'task')][1]"));
			assertThat(card.getText()).contains(RECEPTION_TASK_NAME).contains("オンライン事務局 問い合わせ対応");
			links.get(0).click();
		}

		// Claim it, then wait for the Camunda Form with the inquiry.
		WebElement claim = browser.waitUpTo(TIMEOUT).until(ExpectedConditions.elementToBeClickable(CLAIM));
		assertThat(claim.getText()).isEqualTo("自分で担当する");
		claim.click();
		browser.waitUpTo(TIMEOUT).until(ExpectedConditions.presenceOfElementLocated(UNCLAIM));
		browser.waitUpTo(TIMEOUT).until(ExpectedConditions.visibilityOfElementLocated(CAMUNDA_FORM));
		WebElement subjectField = browser.waitUpTo(TIMEOUT)
			.until(ExpectedConditions.visibilityOfElementLocated(formField("textfield", "件名", "input")));
		browser.waitUpTo(TIMEOUT).until((ignored) -> subject.equals(subjectField.getAttribute("value")));
		assertThat(subjectField.isEnabled()).isFalse();
		WebElement trackingField = driver.findElement(formField("textfield", "受付番号", "input"));
		assertThat(trackingField.getAttribute("value")).isEqualTo(trackingNumber);
		assertThat(trackingField.isEnabled()).isFalse();
		assertThat(driver.findElement(formField("textfield", "サービス分野", "input")).getAttribute("value"))
			.isEqualTo("通訳・翻訳");
		assertThat(driver.findElement(formField("textfield", "自治体", "input")).getAttribute("value")).contains("浜松市");
		assertThat(driver.findElement(formField("textfield", "判定表による担当課の案", "input")).getAttribute("value"))
			.isEqualTo(EXCHANGE_COOPERATION_LABEL);
		WebElement department = driver
			.findElement(formField("select", "担当課", "*[contains(@class,'fjs-select-display')]"));
		assertThat(department.getText()).isEqualTo(EXCHANGE_COOPERATION_LABEL);
		scrollIntoView(driver, department);
		browser.screenshot("tasklist-reception-form-ja");

		WebElement complete = browser.waitUpTo(TIMEOUT).until(ExpectedConditions.elementToBeClickable(COMPLETE));
		assertThat(complete.getText()).isEqualTo("完了");
		complete.click();
		browser.waitUpTo(TIMEOUT).until(ExpectedConditions.invisibilityOfElementLocated(CAMUNDA_FORM));
		browser.waitUpTo(TIMEOUT).until(ExpectedConditions.numberOfElementsToBe(row, 0));
		browser.screenshot("tasklist-reception-done-ja");
	}

	private static void scrollIntoView(WebDriver driver, WebElement element) {
		((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
	}

	/** The input of a form-js field of the given type by its label. */
	private static By formField(String type, String label, String input) {
		return By.xpath("//div[contains(concat(' ', normalize-space(@class), ' '), ' fjs-form-field-" + type + " ')]"
				+ "[.//label[starts-with(normalize-space(), '" + label + "')]]//" + input);
	}

}
