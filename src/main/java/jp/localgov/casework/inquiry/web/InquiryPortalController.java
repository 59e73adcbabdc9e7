package jp.localgov.casework.inquiry.web;

import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jp.localgov.casework.inquiry.InquiryAttachment;
import jp.localgov.casework.inquiry.InquiryField;
import jp.localgov.casework.inquiry.InquiryService;
import jp.localgov.casework.inquiry.InquiryStatus;
import jp.localgov.casework.inquiry.InquiryView;
import jp.localgov.casework.inquiry.NewInquiry;
import jp.localgov.casework.inquiry.Submission;
import jp.localgov.casework.platform.AttachmentTypes;
import jp.localgov.casework.platform.BusinessRuleException;
import jp.localgov.casework.platform.InvalidInputException;
import jp.localgov.casework.platform.UnsupportedAttachmentException;
import jp.localgov.casework.platform.web.ActingMunicipality;
import jp.localgov.casework.platform.web.FormDrafts;
import jp.localgov.casework.platform.web.FormDrafts.DraftFile;
import jp.localgov.casework.platform.web.IntakeLimited;
import jp.localgov.casework.platform.web.IntakeLimiter;
import jp.localgov.casework.platform.web.MunicipalityNames;
import jp.localgov.casework.platform.web.PortalController;
import jp.localgov.casework.platform.web.PortalLanguage;
import jp.localgov.casework.referencedata.ReferenceData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.ui.Model;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The applicant portal of the online secretariat (オンライン事務局): applicants enter an inquiry,
 * confirm what will be sent and send it (入力 → 確認 → 完了), then follow it by their private
 * link; local governments read the inquiries of their municipality. Every error is shown
 * in the page.
 */
@PortalController
@RequestMapping("/portal")
class InquiryPortalController {

	private static final Logger logger = LoggerFactory.getLogger(InquiryPortalController.class);

	/** The six stages the applicant follows, in order. */
	private static final List<InquiryStatus> STAGES = List.of(InquiryStatus.SUBMITTED,
			InquiryStatus.WAITING_FOR_RECEPTION, InquiryStatus.DEPARTMENT_ASSIGNED, InquiryStatus.STAFF_ASSIGNED,
			InquiryStatus.INTERIM_ANSWERED, InquiryStatus.FINAL_ANSWERED);

	/** The fields of the inquiry form, in the order of the page. */
	private static final List<String> FORM_FIELDS = List.of("applicantName", "organization", "municipalityCode",
			"email", "field", "subject", "body", "attachments", "consent");

	private static final int MAX_REPLY_LENGTH = 20_000;

	/** Room left in a request for the form fields besides the files. */
	private static final long FORM_FIELDS_BYTES = 128 * 1024;

	private static final String NEW_INQUIRY = "/portal/inquiries/new";

	private static final String CONFIRM = "/portal/inquiries/confirm";

	/** Session attribute: the token of the draft on its way to the confirmation. */
	private static final String DRAFT = InquiryPortalController.class.getName() + ".draft";

	/** Session attribute: the last draft sent and where it went. */
	private static final String SENT = InquiryPortalController.class.getName() + ".sent";

	private final InquiryService inquiries;

	private final ReferenceData referenceData;

	private final Validator validator;

	private final AttachmentTypes attachmentTypes;

	private final FormDrafts drafts;

	private final IntakeLimiter limiter;

	private final MunicipalityNames municipalityNames;

	private final long maxTotalAttachmentBytes;

	InquiryPortalController(InquiryService inquiries, ReferenceData referenceData, Validator validator,
			AttachmentTypes attachmentTypes, FormDrafts drafts, IntakeLimiter limiter,
			MunicipalityNames municipalityNames,
			@Value("${spring.servlet.multipart.max-request-size:-1}") DataSize maxRequestSize) {
		this.inquiries = inquiries;
		this.referenceData = referenceData;
		this.validator = validator;
		this.attachmentTypes = attachmentTypes;
		this.drafts = drafts;
		this.limiter = limiter;
		this.municipalityNames = municipalityNames;
		long allFiles = NewInquiry.MAX_ATTACHMENTS * NewInquiry.MAX_ATTACHMENT_BYTES;
		this.maxTotalAttachmentBytes = (maxRequestSize.toBytes() < 0) ? allFiles
				: Math.min(allFiles, maxRequestSize.toBytes() - FORM_FIELDS_BYTES);
	}

	@GetMapping({ "", "/", "/inquiries" })
	String start() {
		return "redirect:" + NEW_INQUIRY;
	}

	// ---- 入力: the form, filled in again when the applicant comes back from the
	// confirmation

	@GetMapping("/inquiries/new")
	String newInquiry(HttpSession session, Model model) {
		String token = (String) session.getAttribute(DRAFT);
		InquiryForm form = this.drafts.find(token, NewInquiry.class).map(InquiryForm::of).orElseGet(InquiryForm::new);
		model.addAttribute("inquiry", form);
		model.addAttribute("keptFiles", (token != null) ? this.drafts.fileNames(token) : List.of());
		return form(model);
	}

	// ---- 確認: checked input kept as a draft, shown before it is sent

	@PostMapping("/inquiries/confirm")
	String confirm(@ModelAttribute("inquiry") InquiryForm form, BindingResult binding, Locale locale,
			HttpSession session, HttpServletResponse response, Model model) {
		NewInquiry request = form.toNewInquiry(PortalLanguage.of(locale));
		String previous = (String) session.getAttribute(DRAFT);
		List<DraftFile> kept = (previous == null || form.isDiscardFiles()) ? List.of() : this.drafts.files(previous);
		List<MultipartFile> chosen = form.chosenFiles();
		validate(request, binding);
		if (request.municipalityCode() != null && !binding.hasFieldErrors("municipalityCode")
				&& !this.referenceData.isKnownMunicipality(request.municipalityCode())) {
			binding.rejectValue("municipalityCode", "Unknown", new Object[] { request.municipalityCode() }, null);
		}
		List<DraftFile> files = new ArrayList<>(kept);
		files.addAll(checked(chosen, kept.size(), binding, response));
		if (!form.isConsent()) {
			binding.rejectValue("consent", "Required");
		}
		if (binding.hasErrors()) {
			model.addAttribute("chooseFilesAgain", !chosen.isEmpty());
			model.addAttribute("keptFiles", kept.stream().map(DraftFile::filename).toList());
			return form(model);
		}
		session.setAttribute(DRAFT, this.drafts.save(request, files));
		return "redirect:" + CONFIRM;
	}

	@GetMapping("/inquiries/confirm")
	String confirmation(HttpSession session, Locale locale, Model model) {
		String token = (String) session.getAttribute(DRAFT);
		NewInquiry draft = this.drafts.find(token, NewInquiry.class).orElse(null);
		if (draft == null) {
			return "redirect:" + NEW_INQUIRY;
		}
		model.addAttribute("draft", draft);
		model.addAttribute("draftToken", token);
		model.addAttribute("files", this.drafts.fileNames(token));
		model.addAttribute("municipalityName", (draft.municipalityCode() != null)
				? this.municipalityNames.nameOf(draft.municipalityCode(), locale) : null);
		return "portal/inquiry-confirm";
	}

	// ---- 完了: the draft is sent once, then the private page

	@PostMapping("/inquiries")
	@IntakeLimited
	String submit(@RequestParam(required = false) String draft, HttpSession session, RedirectAttributes redirect) {
		Sent sent = this.drafts.consume(draft, NewInquiry.class, (request, files) -> {
			this.limiter.countEmail(request.email());
			Submission submission = this.inquiries.submit(request);
			List<String> failed = attach(submission, files);
			return new Sent(draft, submission.trackingNumber(),
					privateLink(submission.trackingNumber(), submission.accessToken()), failed);
		}).orElse(null);
		if (sent == null) {
			Object last = session.getAttribute(SENT);
			if (last instanceof Sent earlier && Objects.equals(earlier.draft(), draft)) {
				redirect.addFlashAttribute("notice", "notice.alreadySent");
				return "redirect:" + earlier.link();
			}
			redirect.addFlashAttribute("draftGone", true);
			return "redirect:" + NEW_INQUIRY;
		}
		session.removeAttribute(DRAFT);
		session.setAttribute(SENT, sent);
		redirect.addFlashAttribute("submitted", sent.trackingNumber());
		redirect.addFlashAttribute("failedFiles", sent.failedFiles());
		return "redirect:" + sent.link();
	}

	// ---- the private page

	@GetMapping("/inquiries/{trackingNumber}")
	String inquiry(@PathVariable String trackingNumber, @RequestParam(required = false) String token, Model model) {
		return applicantPage(this.inquiries.forApplicant(trackingNumber, token), token, model);
	}

	@PostMapping("/inquiries/{trackingNumber}/replies")
	@IntakeLimited
	String reply(@PathVariable String trackingNumber, @RequestParam(required = false) String token,
			@RequestParam(required = false) String text, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
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
		boolean open = view.openInformationRequest() != null;
		response.setStatus(open ? HttpStatus.BAD_REQUEST.value() : HttpStatus.CONFLICT.value());
		model.addAttribute(open ? "replyError" : "pageError", error);
		model.addAttribute("replyText", text);
		return applicantPage(view, token, model);
	}

	@PostMapping("/inquiries/{trackingNumber}/attachments")
	@IntakeLimited
	String upload(@PathVariable String trackingNumber, @RequestParam(required = false) String token,
			@RequestParam(required = false) MultipartFile file, Model model, HttpServletResponse response,
			RedirectAttributes redirect) throws IOException {
		InquiryView view = this.inquiries.forApplicant(trackingNumber, token);
		String error = uploadError(view, file);
		HttpStatus status = HttpStatus.BAD_REQUEST;
		if (error == null) {
			try {
				InquiryAttachment stored = this.inquiries.attach(trackingNumber, token, file.getOriginalFilename(),
						file.getBytes());
				redirect.addFlashAttribute("notice", "notice.attached");
				redirect.addFlashAttribute("noticeFile", stored.getFilename());
				return "redirect:" + privateLink(trackingNumber, token);
			}
			catch (UnsupportedAttachmentException ex) {
				error = "attachment.error.unsupportedType";
				status = HttpStatus.UNSUPPORTED_MEDIA_TYPE;
			}
			catch (InvalidInputException | BusinessRuleException ex) {
				error = "attachment.error.refused";
				status = HttpStatus.CONFLICT;
			}
		}
		boolean formShown = !view.status().isFinished() && view.attachments().size() < NewInquiry.MAX_ATTACHMENTS;
		response.setStatus(formShown ? status.value() : HttpStatus.CONFLICT.value());
		model.addAttribute(formShown ? "uploadError" : "pageError", error);
		model.addAttribute("uploadFile", (file != null) ? file.getOriginalFilename() : null);
		return applicantPage(view, token, model);
	}

	@GetMapping("/inquiries/{trackingNumber}/attachments/{attachmentId}")
	ResponseEntity<byte[]> download(@PathVariable String trackingNumber, @PathVariable long attachmentId,
			@RequestParam(required = false) String token) {
		return download(this.inquiries.attachment(trackingNumber, token, attachmentId));
	}

	// ---- local governments

	@GetMapping("/login")
	String login() {
		return "portal/login";
	}

	@GetMapping("/lg/inquiries")
	String municipalityInquiries(@ActingMunicipality String municipality, Model model) {
		model.addAttribute("inquiries", this.inquiries.ofMunicipality(municipality));
		return "portal/municipality-inquiries";
	}

	@GetMapping("/lg/inquiries/{trackingNumber}")
	String municipalityInquiry(@PathVariable String trackingNumber, @ActingMunicipality String municipality,
			Model model) {
		return detail(this.inquiries.forMunicipality(trackingNumber, municipality), false, model);
	}

	@GetMapping("/lg/inquiries/{trackingNumber}/attachments/{attachmentId}")
	ResponseEntity<byte[]> municipalityDownload(@PathVariable String trackingNumber, @PathVariable long attachmentId,
			@ActingMunicipality String municipality) {
		this.inquiries.forMunicipality(trackingNumber, municipality);
		return download(this.inquiries.attachment(trackingNumber, attachmentId));
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
	 * Checks the submission with the rules of {@link NewInquiry}; each message comes from
	 * the bundles in the page's language.
	 */
	private void validate(NewInquiry request, BindingResult binding) {
		this.validator.validate(request)
			.stream()
			.sorted(Comparator.comparingInt((ConstraintViolation<NewInquiry> violation) -> position(field(violation)))
				.thenComparing((violation) -> violation.getMessageTemplate()))
			.forEach((violation) -> {
				if (FORM_FIELDS.contains(field(violation))) {
					binding.rejectValue(field(violation), constraint(violation), violation.getMessage());
				}
				else {
					binding.reject(constraint(violation), violation.getMessage());
				}
			});
	}

	/**
	 * The chosen files that may be attached, read from their bytes; the others are
	 * refused at the field (415 for a type that is not accepted).
	 */
	private List<DraftFile> checked(List<MultipartFile> files, int alreadyKept, BindingResult binding,
			HttpServletResponse response) {
		if (alreadyKept + files.size() > NewInquiry.MAX_ATTACHMENTS) {
			binding.rejectValue("attachments", "TooMany", new Object[] { NewInquiry.MAX_ATTACHMENTS }, null);
			return List.of();
		}
		List<DraftFile> accepted = new ArrayList<>();
		for (MultipartFile file : files) {
			String name = file.getOriginalFilename();
			if (file.getSize() > NewInquiry.MAX_ATTACHMENT_BYTES) {
				binding.rejectValue("attachments", "TooLarge", new Object[] { name }, null);
			}
			else if (file.isEmpty()) {
				binding.rejectValue("attachments", "Empty", new Object[] { name }, null);
			}
			else {
				try {
					byte[] content = file.getBytes();
					accepted.add(new DraftFile(name, this.attachmentTypes.check(name, content), content));
				}
				catch (IOException ex) {
					logger.warn("An upload of {} could not be read", name, ex);
					binding.rejectValue("attachments", "attachment.error.refused", new Object[] { name }, null);
				}
				catch (UnsupportedAttachmentException ex) {
					binding.rejectValue("attachments", "attachment.error.unsupportedType", new Object[] { name }, null);
					response.setStatus(HttpStatus.UNSUPPORTED_MEDIA_TYPE.value());
				}
			}
		}
		return accepted;
	}

	/**
	 * Attaches the files of a stored inquiry one by one; a file that fails is reported,
	 * the inquiry stays.
	 */
	private List<String> attach(Submission submission, List<DraftFile> files) {
		List<String> failed = new ArrayList<>();
		for (DraftFile file : files) {
			try {
				this.inquiries.attach(submission.trackingNumber(), submission.accessToken(), file.filename(),
						file.content());
			}
			catch (RuntimeException ex) {
				logger.warn("An attachment of inquiry {} could not be stored", submission.trackingNumber(), ex);
				failed.add(file.filename());
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

	private static String privateLink(String trackingNumber, String token) {
		return UriComponentsBuilder.fromPath("/portal/inquiries/{number}")
			.queryParam("token", "{token}")
			.buildAndExpand(trackingNumber, token)
			.encode()
			.toUriString();
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

	/**
	 * A draft that was sent: where its private page is, for a second press of 送信.
	 *
	 * @param draft the draft's token
	 * @param trackingNumber the inquiry's number
	 * @param link the private link
	 * @param failedFiles files that could not be attached
	 */
	record Sent(String draft, String trackingNumber, String link, List<String> failedFiles) implements Serializable {
	}

}
