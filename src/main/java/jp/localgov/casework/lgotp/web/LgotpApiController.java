package jp.localgov.casework.lgotp.web;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import jp.localgov.casework.lgotp.Candidate;
import jp.localgov.casework.lgotp.HostRequestStatus;
import jp.localgov.casework.lgotp.HostingPlan;
import jp.localgov.casework.lgotp.LgotpService;
import jp.localgov.casework.lgotp.LgotpViews.Cohort;
import jp.localgov.casework.lgotp.LgotpViews.HostRequestView;
import jp.localgov.casework.lgotp.LgotpViews.TraineeSummary;
import jp.localgov.casework.lgotp.LgotpViews.TraineeView;
import jp.localgov.casework.lgotp.LgotpViews.YearView;
import jp.localgov.casework.lgotp.TrainingField;
import jp.localgov.casework.lgotp.YearStage;
import jp.localgov.casework.platform.InvalidInputException;
import jp.localgov.casework.platform.LocalGovernmentAccount;
import jp.localgov.casework.platform.web.Accounts;
import jp.localgov.casework.platform.web.ActingMunicipality;
import jp.localgov.casework.referencedata.OfficeCalendar;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The LGOTP API: everyone sees whether a programme year's demand survey is open; a local
 * government files, edits and withdraws its hosting requests, follows its trainee and
 * reports monthly; staff register and select candidates, record withdrawals and read the
 * cohorts.
 */
@RestController
@RequestMapping("/api/lgotp")
@Tag(name = "LGOTP / 自治体職員協力交流事業")
class LgotpApiController {

	private static final int MAX_REASON = 2000;

	private final LgotpService lgotp;

	private final Validator validator;

	private final Clock clock;

	LgotpApiController(LgotpService lgotp, Validator validator, Clock clock) {
		this.lgotp = lgotp;
		this.validator = validator;
		this.clock = clock;
	}

	// ---- programme years (public)

	@GetMapping("/years/{fiscalYear}")
	@Operation(summary = "研修年度と受入要望調査の受付状況 / A programme year and whether its demand survey is open")
	YearResponse year(@PathVariable int fiscalYear) {
		return YearResponse.of(this.lgotp.yearView(fiscalYear));
	}

	// ---- hosting requests (local governments)

	@PostMapping(path = "/years/{fiscalYear}/host-requests", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "受入要望を提出する（自治体、調査期間中） / File a hosting request (local governments, survey open)")
	ResponseEntity<HostRequestResponse> fileHostRequest(@PathVariable int fiscalYear, @RequestBody HostingPlan plan,
			@ActingMunicipality String municipality) {
		validate(plan);
		HostRequestView created = this.lgotp.fileHostRequest(fiscalYear, municipality, plan);
		return ResponseEntity.created(URI.create("/api/lgotp/host-requests/" + created.id()))
			.body(HostRequestResponse.of(created));
	}

	@PutMapping(path = "/host-requests/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "受入要望を修正する（調査期間中） / Edit a hosting request (survey open)")
	HostRequestResponse updateHostRequest(@PathVariable long id, @RequestBody HostingPlan plan,
			@ActingMunicipality String municipality) {
		validate(plan);
		return HostRequestResponse.of(this.lgotp.updateHostRequest(id, municipality, plan));
	}

	@DeleteMapping("/host-requests/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "受入要望を取り下げる（調査期間中） / Withdraw a hosting request (survey open)")
	void withdrawHostRequest(@PathVariable long id, @ActingMunicipality String municipality) {
		this.lgotp.withdrawHostRequest(id, municipality);
	}

	@GetMapping("/host-requests/{id}")
	@Operation(summary = "自治体の受入要望と決定した研修員 / A hosting request of the local government and its trainee")
	HostRequestResponse hostRequest(@PathVariable long id, @ActingMunicipality String municipality) {
		return HostRequestResponse.of(this.lgotp.hostRequest(id, municipality));
	}

	@GetMapping("/years/{fiscalYear}/host-requests")
	@Operation(summary = "年度の受入要望（自治体は自らの要望、職員はすべて） / Hosting requests of a year (own, or all for staff)")
	List<HostRequestResponse> hostRequests(@PathVariable int fiscalYear, Authentication authentication) {
		Accounts.requireLogin(authentication);
		this.lgotp.yearView(fiscalYear);
		List<HostRequestView> requests = LocalGovernmentAccount.municipalityCode(authentication)
			.map((code) -> this.lgotp.hostRequestsOf(fiscalYear, code))
			.orElseGet(() -> {
				Accounts.requireStaff(authentication);
				return this.lgotp.hostRequests(fiscalYear);
			});
		return requests.stream().map(HostRequestResponse::of).toList();
	}

	@PostMapping(path = "/host-requests/{id}/reports", consumes = MediaType.APPLICATION_JSON_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "月例報告を提出する（研修員の赴任中） / File the monthly report (while the trainee is posted)")
	ReportResponse report(@PathVariable long id, @RequestBody ReportRequest report,
			@ActingMunicipality String municipality) {
		this.lgotp.fileMonthlyReport(id, municipality, report.month(), report.text());
		return new ReportResponse(id, report.month());
	}

	// ---- candidates and trainees (staff)

	@PostMapping(path = "/years/{fiscalYear}/candidates", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "候補者を登録する（職員、要望の確認から募集・決定の間） / Register a candidate (staff)")
	ResponseEntity<TraineeView> registerCandidate(@PathVariable int fiscalYear, @RequestBody Candidate candidate,
			Authentication authentication) {
		Accounts.requireStaff(authentication);
		validate(candidate);
		TraineeView trainee = this.lgotp.registerCandidate(fiscalYear, candidate);
		return ResponseEntity.created(URI.create("/api/lgotp/trainees/" + trainee.id())).body(trainee);
	}

	@PostMapping(path = "/candidates/{id}/decision", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(
			summary = "選考結果：受入要望との決定、または不採用（hostRequestId: null） / Selection: match to a hosting request, or null for not selected")
	TraineeView decide(@PathVariable long id, @RequestBody JsonNode decision, Authentication authentication) {
		Accounts.requireStaff(authentication);
		return this.lgotp.decide(id, hostRequestId(decision));
	}

	@PostMapping(path = "/trainees/{id}/withdrawal", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "辞退・途中帰国を記録する（職員） / Record a withdrawal or early return (staff)")
	TraineeView withdraw(@PathVariable long id, @RequestBody WithdrawalRequest withdrawal,
			Authentication authentication) {
		Accounts.requireStaff(authentication);
		if (withdrawal.reason() != null && withdrawal.reason().length() > MAX_REASON) {
			throw InvalidInputException.withMessage("reason", "lgotp.error.reasonTooLong");
		}
		return this.lgotp.withdraw(id, withdrawal.reason());
	}

	@GetMapping("/trainees/{id}")
	@Operation(summary = "研修員（職員） / A trainee (staff)")
	TraineeView trainee(@PathVariable long id, Authentication authentication) {
		Accounts.requireStaff(authentication);
		return this.lgotp.traineeView(id);
	}

	@GetMapping("/years/{fiscalYear}/trainees")
	@Operation(summary = "年度の候補者・研修員（職員） / Candidates and trainees of a year (staff)")
	List<TraineeView> trainees(@PathVariable int fiscalYear, Authentication authentication) {
		Accounts.requireStaff(authentication);
		this.lgotp.yearView(fiscalYear);
		return this.lgotp.trainees(fiscalYear);
	}

	@GetMapping("/cohorts")
	@Operation(
			summary = "年度の研修員の内訳と開始以来の累計（職員、年度を省略すると今年度） / A year's trainees by stage, country and host, and the totals since the first year (staff)")
	Cohort cohort(@RequestParam(required = false) Integer fiscalYear, Authentication authentication) {
		Accounts.requireStaff(authentication);
		if (fiscalYear != null && (fiscalYear < 1990 || fiscalYear > 2100)) {
			throw InvalidInputException.withMessage("fiscalYear", "lgotp.error.fiscalYear");
		}
		return this.lgotp.cohort((fiscalYear != null) ? fiscalYear : currentFiscalYear());
	}

	// ---- helpers

	/** The programme year of today: April to March, named by the April. */
	private int currentFiscalYear() {
		return OfficeCalendar.currentFiscalYear(this.clock);
	}

	/**
	 * The hosting request of a decision; the property must be present, {@code null}
	 * meaning not selected.
	 */
	private static Long hostRequestId(JsonNode decision) {
		if (decision == null || !decision.isObject() || !decision.has("hostRequestId")) {
			throw InvalidInputException.withMessage("hostRequestId", "lgotp.error.decisionMissing");
		}
		JsonNode value = decision.get("hostRequestId");
		if (value.isNull()) {
			return null;
		}
		if (!value.isIntegralNumber() || !value.canConvertToLong() || value.asLong() <= 0) {
			throw InvalidInputException.withMessage("hostRequestId", "lgotp.error.decisionInvalid");
		}
		return value.asLong();
	}

	private <T> void validate(T body) {
		Set<ConstraintViolation<T>> violations = this.validator.validate(body);
		if (!violations.isEmpty()) {
			throw new ConstraintViolationException(violations);
		}
	}

	// ---- bodies

	record YearResponse(int fiscalYear, boolean surveyOpen, LocalDate surveyClosesOn, YearStage stage,
			String stageLabel) {

		static YearResponse of(YearView year) {
			return new YearResponse(year.fiscalYear(), year.surveyOpen(), year.surveyClosesOn(), year.stage(),
					year.stage().label());
		}

	}

	record HostRequestResponse(Long id, int fiscalYear, String municipalityCode, HostRequestStatus status,
			String statusLabel, TrainingField field, String fieldLabel, String preferredCountry,
			String preferredLanguage, int months, String programmeOutline, String contactName, String contactEmail,
			TraineeSummary trainee) {

		static HostRequestResponse of(HostRequestView request) {
			return new HostRequestResponse(request.id(), request.fiscalYear(), request.municipalityCode(),
					request.status(), request.status().label(), request.field(), request.field().label(),
					request.preferredCountry(), request.preferredLanguage(), request.months(),
					request.programmeOutline(), request.contactName(), request.contactEmail(), request.trainee());
		}

	}

	record ReportRequest(String month, String text) {
	}

	record ReportResponse(long hostRequestId, String month) {
	}

	record WithdrawalRequest(String reason) {
	}

}
