package jp.localgov.casework.inquiry.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jp.localgov.casework.inquiry.InquiryAttachment;
import jp.localgov.casework.inquiry.InquiryField;
import jp.localgov.casework.inquiry.InquiryService;
import jp.localgov.casework.inquiry.InquiryStatus;
import jp.localgov.casework.inquiry.InquiryView;
import jp.localgov.casework.inquiry.NewInquiry;
import jp.localgov.casework.inquiry.Submission;
import jp.localgov.casework.platform.BusinessRuleException;
import jp.localgov.casework.platform.InvalidInputException;
import jp.localgov.casework.platform.LocalGovernmentAccount;
import jp.localgov.casework.platform.NotFoundException;
import jp.localgov.casework.platform.PortalPages;
import jp.localgov.casework.referencedata.OfficeCalendar;
import jp.localgov.casework.referencedata.ReferenceData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.BindingResult;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The applicant portal of the online secretariat (オンライン事務局): applicants submit an inquiry
 * and follow it by their private link, local governments read the inquiries of their
 * municipality; every error is shown in the page.
 */
@Controller
@RequestMapping("/portal")
class InquiryPortalController {

	private static final Logger logger = LoggerFactory.getLogger(InquiryPortalController.class);

	private static final DateTimeFormatter JST = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
		.withZone(OfficeCalendar.JAPAN);

	/** The six stages the applicant follows, in order. */
	private static final List<InquiryStatus> STAGES = List.of(InquiryStatus.SUBMITTED,
			InquiryStatus.WAITING_FOR_RECEPTION, InquiryStatus.DEPARTMENT_ASSIGNED, InquiryStatus.STAFF_ASSIGNED,
			InquiryStatus.INTERIM_ANSWERED, InquiryStatus.FINAL_ANSWERED);

	/** The fields of the inquiry form, in the order of the page. */
	private static final List<String> FORM_FIELDS = List.of("applicantName", "organization", "municipalityCode",
			"email", "field", "subject", "body", "attachments");

	private static final int MAX_REPLY_LENGTH = 20_000;

	/** Room left in a request for the form fields besides the files. */
	private static final long FORM_FIELDS_BYTES = 128 * 1024;

	private static final String NEW_INQUIRY = "/portal/inquiries/new";

	private final InquiryService inquiries;

	private final ReferenceData referenceData;

	private final Validator validator;

	private final long maxTotalAttachmentBytes;

	InquiryPortalController(InquiryService inquiries, ReferenceData referenceData, Validator validator,
			@Value("${spring.servlet.multipart.max-request-size:-1}") DataSize maxRequestSize) {
		this.inquiries = inquiries;
		this.referenceData = referenceData;
		this.validator = validator;
		long allFiles = NewInquiry.MAX_ATTACHMENTS * NewInquiry.MAX_ATTACHMENT_BYTES;
		this.maxTotalAttachmentBytes = (maxRequestSize.toBytes() < 0) ? allFiles
				: Math.min(allFiles, maxRequestSize.toBytes() - FORM_FIELDS_BYTES);
	}

	@ModelAttribute
	void page(HttpServletRequest request, Locale locale, Model model) {
		model.addAllAttributes(common(request, locale).getModel());
	}

	@GetMapping({ "", "/", "/inquiries" })
	String start() {
		return "redirect:" + NEW_INQUIRY;
	}

	@GetMapping("/inquiries/new")
	String newInquiry(Model model) {
		model.addAttribute("inquiry", new InquiryForm());
		return form(model);
	}

	@PostMapping("/inquiries")
	String submit(@ModelAttribute("inquiry") InquiryForm form, BindingResult binding, Locale locale, Model model,
			RedirectAttributes redirect) {
		NewInquiry request = form.toNewInquiry(PortalPages.language(locale));
		List<MultipartFile> files = form.chosenFiles();
		validate(request, binding);
		validate(files, binding);
		if (request.municipalityCode() != null && !binding.hasFieldErrors("municipalityCode")
				&& !this.referenceData.isKnownMunicipality(request.municipalityCode())) {
			binding.rejectValue("municipalityCode", "Unknown", new Object[] { form.getMunicipalityCode() },
					"団体コードの自治体はありません / No local government has this code");
		}
		if (!binding.hasErrors()) {
			try {
				Submission submission = this.inquiries.submit(request);
				redirect.addFlashAttribute("submitted", submission.trackingNumber());
				redirect.addFlashAttribute("failedFiles", attach(submission, files));
				return "redirect:" + privateLink(submission.trackingNumber(), submission.accessToken());
			}
			catch (InvalidInputException ex) {
				reject(binding, ex);
			}
		}
		model.addAttribute("chooseFilesAgain", !files.isEmpty());
		return form(model);
	}

	@GetMapping("/inquiries/{trackingNumber}")
	String inquiry(@PathVariable String trackingNumber, @RequestParam(required = false) String token, Model model) {
		return applicantPage(this.inquiries.forApplicant(trackingNumber, token), token, model);
	}

	@PostMapping("/inquiries/{trackingNumber}/replies")
	String reply(@PathVariable String trackingNumber, @RequestParam(required = false) String token,
			@RequestParam(required = false) String text, Model model, RedirectAttributes redirect) {
		InquiryView view = this.inquiries.forApplicant(trackingNumber, token);
		String reply = (text != null) ? text.replace("\r\n", "\n") : "";
		String error;
		if (view.openInformationRequest() == null) {
			error = "reply.error.notOpen";
		}
		else if (reply.isBlank()) {
			error = "reply.error.required";
		}
		else if (reply.length() > MAX_REPLY_LENGTH) {
			error = "reply.error.tooLong";
		}
		else {
			try {
				this.inquiries.reply(trackingNumber, token, reply);
				redirect.addFlashAttribute("notice", "notice.replied");
				return "redirect:" + privateLink(trackingNumber, token);
			}
			catch (BusinessRuleException ex) {
				error = "reply.error.notOpen";
			}
		}
		model.addAttribute((view.openInformationRequest() != null) ? "replyError" : "pageError", error);
		model.addAttribute("replyText", text);
		return applicantPage(view, token, model);
	}

	@PostMapping("/inquiries/{trackingNumber}/attachments")
	String upload(@PathVariable String trackingNumber, @RequestParam(required = false) String token,
			@RequestParam(required = false) MultipartFile file, Model model, RedirectAttributes redirect)
			throws IOException {
		InquiryView view = this.inquiries.forApplicant(trackingNumber, token);
		String error = uploadError(view, file);
		if (error == null) {
			try {
				InquiryAttachment stored = this.inquiries.attach(trackingNumber, token, file.getOriginalFilename(),
						file.getContentType(), file.getBytes());
				redirect.addFlashAttribute("notice", "notice.attached");
				redirect.addFlashAttribute("noticeFile", stored.getFilename());
				return "redirect:" + privateLink(trackingNumber, token);
			}
			catch (InvalidInputException | BusinessRuleException ex) {
				error = "attachment.error.refused";
			}
		}
		boolean formShown = !view.status().isFinished() && view.attachments().size() < NewInquiry.MAX_ATTACHMENTS;
		model.addAttribute(formShown ? "uploadError" : "pageError", error);
		model.addAttribute("uploadFile", (file != null) ? file.getOriginalFilename() : null);
		return applicantPage(view, token, model);
	}

	@GetMapping("/inquiries/{trackingNumber}/attachments/{attachmentId}")
	ResponseEntity<byte[]> download(@PathVariable String trackingNumber, @PathVariable long attachmentId,
			@RequestParam(required = false) String token) {
		return download(this.inquiries.attachment(trackingNumber, token, attachmentId));
	}

	@GetMapping("/login")
	String login() {
		return "portal/login";
	}

	@GetMapping("/lg/inquiries")
	String municipalityInquiries(Authentication authentication, Locale locale, Model model) {
		String code = municipalityOf(authentication);
		model.addAttribute("inquiries", this.inquiries.ofMunicipality(code));
		model.addAttribute("municipality",
				this.referenceData.municipality(code)
					.map((found) -> "en".equals(PortalPages.language(locale)) ? found.getNameEn() : found.getFullName())
					.orElse(code));
		model.addAttribute("account", authentication.getName());
		return "portal/municipality-inquiries";
	}

	@GetMapping("/lg/inquiries/{trackingNumber}")
	String municipalityInquiry(@PathVariable String trackingNumber, Authentication authentication, Model model) {
		return detail(this.inquiries.forMunicipality(trackingNumber, municipalityOf(authentication)), false, model);
	}

	@GetMapping("/lg/inquiries/{trackingNumber}/attachments/{attachmentId}")
	ResponseEntity<byte[]> municipalityDownload(@PathVariable String trackingNumber, @PathVariable long attachmentId,
			Authentication authentication) {
		this.inquiries.forMunicipality(trackingNumber, municipalityOf(authentication));
		return download(this.inquiries.attachment(trackingNumber, attachmentId));
	}

	@ExceptionHandler({ NotFoundException.class, MethodArgumentTypeMismatchException.class })
	ModelAndView notFound(HttpServletRequest request, Locale locale) {
		return PortalPages.notFound(common(request, locale));
	}

	@ExceptionHandler(Exception.class)
	ModelAndView failed(Exception ex, HttpServletRequest request, Locale locale) {
		return PortalPages.failed(ex, common(request, locale), request, logger);
	}

	private String form(Model model) {
		model.addAttribute("fields", InquiryField.values());
		model.addAttribute("maxAttachments", NewInquiry.MAX_ATTACHMENTS);
		model.addAttribute("maxAttachmentBytes", NewInquiry.MAX_ATTACHMENT_BYTES);
		model.addAttribute("maxTotalBytes", this.maxTotalAttachmentBytes);
		boolean limitedTotal = this.maxTotalAttachmentBytes < NewInquiry.MAX_ATTACHMENTS
				* NewInquiry.MAX_ATTACHMENT_BYTES;
		model.addAttribute("maxTotalMegabytes", limitedTotal ? this.maxTotalAttachmentBytes / (1024 * 1024) : null);
		return "portal/inquiry-form";
	}

	private String applicantPage(InquiryView view, String token, Model model) {
		model.addAttribute("token", token);
		model.addAttribute("languageBase", privateLink(view.trackingNumber(), token));
		return detail(view, true, model);
	}

	private String detail(InquiryView view, boolean applicant, Model model) {
		model.addAttribute("view", view);
		model.addAttribute("applicant", applicant);
		model.addAttribute("steps", steps(view));
		model.addAttribute("since", lastReached(view, view.status()));
		model.addAttribute("maxAttachments", NewInquiry.MAX_ATTACHMENTS);
		return "portal/inquiry";
	}

	/**
	 * Checks the submission with the rules of {@link NewInquiry}; each message is looked
	 * up by constraint and field (e.g. {@code NotBlank.applicantName}) in the page's
	 * language.
	 */
	private void validate(NewInquiry request, BindingResult binding) {
		this.validator.validate(request)
			.stream()
			.sorted(Comparator.comparingInt((ConstraintViolation<NewInquiry> violation) -> position(field(violation)))
				.thenComparing((violation) -> constraint(violation)))
			.forEach((violation) -> {
				String code = constraint(violation);
				if (FORM_FIELDS.contains(field(violation))) {
					binding.rejectValue(field(violation), code, violation.getMessage());
				}
				else {
					binding.reject(code, violation.getMessage());
				}
			});
	}

	private static void validate(List<MultipartFile> files, BindingResult binding) {
		if (files.size() > NewInquiry.MAX_ATTACHMENTS) {
			binding.rejectValue("attachments", "TooMany", new Object[] { NewInquiry.MAX_ATTACHMENTS },
					"添付ファイルは5件までです / At most 5 files can be attached");
		}
		for (MultipartFile file : files) {
			if (file.getSize() > NewInquiry.MAX_ATTACHMENT_BYTES) {
				binding.rejectValue("attachments", "TooLarge", new Object[] { file.getOriginalFilename() },
						"ファイルは1件10MBまでです / A file may have at most 10 MB");
			}
			else if (file.isEmpty()) {
				binding.rejectValue("attachments", "Empty", new Object[] { file.getOriginalFilename() },
						"空のファイルは添付できません / The file is empty");
			}
		}
	}

	private static void reject(BindingResult binding, InvalidInputException ex) {
		if (FORM_FIELDS.contains(ex.getField())) {
			binding.rejectValue(ex.getField(), "Unknown", new Object[] { binding.getFieldValue(ex.getField()) },
					ex.getMessage());
		}
		else {
			binding.reject("Invalid", ex.getMessage());
		}
	}

	/**
	 * Attaches the files of a stored inquiry one by one; a file that fails is reported,
	 * the inquiry stays.
	 */
	private List<String> attach(Submission submission, List<MultipartFile> files) {
		List<String> failed = new ArrayList<>();
		for (MultipartFile file : files) {
			try {
				this.inquiries.attach(submission.trackingNumber(), submission.accessToken(), file.getOriginalFilename(),
						file.getContentType(), file.getBytes());
			}
			catch (IOException | RuntimeException ex) {
				logger.warn("An attachment of inquiry {} could not be stored", submission.trackingNumber(), ex);
				failed.add(file.getOriginalFilename());
			}
		}
		return failed;
	}

	private static String uploadError(InquiryView view, MultipartFile file) {
		if (view.status().isFinished()) {
			return "attachment.error.finished";
		}
		if (view.attachments().size() >= NewInquiry.MAX_ATTACHMENTS) {
			return "attachment.error.tooMany";
		}
		if (file == null
				|| (file.isEmpty() && (file.getOriginalFilename() == null || file.getOriginalFilename().isBlank()))) {
			return "attachment.error.choose";
		}
		if (file.isEmpty()) {
			return "attachment.error.empty";
		}
		if (file.getSize() > NewInquiry.MAX_ATTACHMENT_BYTES) {
			return "attachment.error.tooLarge";
		}
		return null;
	}

	private static ResponseEntity<byte[]> download(InquiryAttachment file) {
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename(file.getFilename(), StandardCharsets.UTF_8)
						.build()
						.toString())
			.contentType(MediaType.APPLICATION_OCTET_STREAM)
			.body(file.getContent());
	}

	/**
	 * The six stages with the time each was last reached; a stage counts as reached only
	 * on the way to the current one (an inquiry sent back to the desk loses its
	 * department).
	 */
	static List<Step> steps(InquiryView view) {
		InquiryStatus current = InquiryStatus.SUBMITTED;
		for (InquiryView.StageView stage : view.stages()) {
			if (STAGES.contains(stage.status())) {
				current = stage.status();
			}
		}
		int reachedUpTo = STAGES.indexOf(current);
		List<Step> steps = new ArrayList<>();
		for (int i = 0; i < STAGES.size(); i++) {
			InquiryStatus stage = STAGES.get(i);
			Instant at = (i <= reachedUpTo) ? lastReached(view, stage) : null;
			steps.add(new Step(stage, at != null, stage == current, at));
		}
		return steps;
	}

	private static Instant lastReached(InquiryView view, InquiryStatus status) {
		Instant at = null;
		for (InquiryView.StageView stage : view.stages()) {
			if (stage.status() == status) {
				at = stage.at();
			}
		}
		return at;
	}

	private static ModelAndView common(HttpServletRequest request, Locale locale) {
		ModelAndView page = new ModelAndView();
		page.addObject("lang", PortalPages.language(locale));
		page.addObject("jst", JST);
		page.addObject("languageBase",
				HttpMethod.GET.matches(request.getMethod()) ? PortalPages.currentPage(request) : NEW_INQUIRY);
		return page;
	}

	private static String privateLink(String trackingNumber, String token) {
		return UriComponentsBuilder.fromPath("/portal/inquiries/{number}")
			.queryParam("token", "{token}")
			.buildAndExpand(trackingNumber, token)
			.encode()
			.toUriString();
	}

	private static String municipalityOf(Authentication authentication) {
		return LocalGovernmentAccount.municipalityCode(authentication)
			.orElseThrow(() -> new NotFoundException("自治体のアカウントではありません / Not a local-government account"));
	}

	private static String field(ConstraintViolation<?> violation) {
		return violation.getPropertyPath().toString();
	}

	private static String constraint(ConstraintViolation<?> violation) {
		return violation.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
	}

	private static int position(String field) {
		int position = FORM_FIELDS.indexOf(field);
		return (position < 0) ? FORM_FIELDS.size() : position;
	}

	/**
	 * One of the six stages on the progress list of an inquiry.
	 *
	 * @param status the stage
	 * @param reached whether the inquiry got there on its current way
	 * @param current whether it is the stage the inquiry is at
	 * @param at when it was last reached
	 */
	record Step(InquiryStatus status, boolean reached, boolean current, Instant at) {
	}

}
