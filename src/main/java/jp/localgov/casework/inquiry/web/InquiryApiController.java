package jp.localgov.casework.inquiry.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jp.localgov.casework.inquiry.AnswerKind;
import jp.localgov.casework.inquiry.InquiryAttachment;
import jp.localgov.casework.inquiry.InquiryField;
import jp.localgov.casework.inquiry.InquiryService;
import jp.localgov.casework.inquiry.InquiryStatus;
import jp.localgov.casework.inquiry.InquiryView;
import jp.localgov.casework.inquiry.NewInquiry;
import jp.localgov.casework.inquiry.Submission;
import jp.localgov.casework.platform.InvalidInputException;
import jp.localgov.casework.platform.LocalGovernmentAccount;
import jp.localgov.casework.platform.NotFoundException;
import jp.localgov.casework.platform.web.ActingMunicipality;
import jp.localgov.casework.platform.web.IntakeLimited;
import jp.localgov.casework.platform.web.IntakeLimiter;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The online secretariat's API: submit an inquiry, attach files, follow it and answer
 * requests for information with the private token; list a municipality's inquiries when
 * logged in.
 */
@RestController
@RequestMapping("/api/inquiries")
@Tag(name = "Inquiries / オンライン事務局")
class InquiryApiController {

	/** Header carrying the secret of the applicant's private link. */
	static final String TOKEN_HEADER = "X-Access-Token";

	private final InquiryService inquiries;

	private final IntakeLimiter limiter;

	InquiryApiController(InquiryService inquiries, IntakeLimiter limiter) {
		this.inquiries = inquiries;
		this.limiter = limiter;
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	@IntakeLimited
	@Operation(summary = "問い合わせを送信する / Submit an inquiry")
	ResponseEntity<SubmissionResponse> submit(@Valid @RequestBody NewInquiry request) {
		this.limiter.countEmail(request.email());
		Submission submission = this.inquiries.submit(request);
		return ResponseEntity.created(URI.create("/api/inquiries/" + submission.trackingNumber()))
			.body(new SubmissionResponse(submission.trackingNumber(), submission.accessToken(), submission.status()));
	}

	@GetMapping
	@Operation(summary = "自治体の問い合わせ一覧（ログインが必要） / Inquiries of the logged-in local government")
	List<InquiryResponse> ofMyMunicipality(@ActingMunicipality String municipality) {
		return this.inquiries.ofMunicipality(municipality).stream().map(InquiryResponse::of).toList();
	}

	@GetMapping("/{trackingNumber}")
	@Operation(summary = "問い合わせの状況 / Status of an inquiry (token, or login of its local government)")
	InquiryResponse status(@PathVariable String trackingNumber,
			@RequestHeader(name = TOKEN_HEADER, required = false) String token, Authentication authentication) {
		return InquiryResponse.of(find(trackingNumber, token, authentication));
	}

	@PostMapping(path = "/{trackingNumber}/replies", consumes = MediaType.APPLICATION_JSON_VALUE)
	@IntakeLimited
	@Operation(summary = "追加情報の依頼に回答する / Answer a request for more information")
	InquiryResponse reply(@PathVariable String trackingNumber, @RequestHeader(TOKEN_HEADER) String token,
			@Valid @RequestBody ReplyRequest reply) {
		return InquiryResponse.of(this.inquiries.reply(trackingNumber, token, reply.text()));
	}

	@PostMapping(path = "/{trackingNumber}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	@IntakeLimited
	@Operation(summary = "ファイルを添付する（PDF・画像・Office 文書・テキスト・CSV、10MBまで、5件まで） / "
			+ "Attach a file (PDF, PNG, JPEG, Office documents, text, CSV; 10 MB, 5 files at most)")
	AttachmentResponse attach(@PathVariable String trackingNumber, @RequestHeader(TOKEN_HEADER) String token,
			@RequestParam(name = "file", required = false) MultipartFile file) {
		if (file == null) {
			throw InvalidInputException.withMessage("file", "attachment.error.choose");
		}
		try {
			InquiryAttachment attachment = this.inquiries.attach(trackingNumber, token, file.getOriginalFilename(),
					file.getBytes());
			return new AttachmentResponse(attachment.getId(), attachment.getFilename(), attachment.getContentType(),
					attachment.getSizeBytes());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@GetMapping("/{trackingNumber}/attachments/{attachmentId}")
	@Operation(summary = "添付ファイルを取り出す / Download an attached file")
	ResponseEntity<byte[]> attachment(@PathVariable String trackingNumber, @PathVariable long attachmentId,
			@RequestHeader(TOKEN_HEADER) String token) {
		InquiryAttachment file = this.inquiries.attachment(trackingNumber, token, attachmentId);
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename(file.getFilename(), StandardCharsets.UTF_8)
						.build()
						.toString())
			.contentType(MediaType.APPLICATION_OCTET_STREAM)
			.body(file.getContent());
	}

	private InquiryView find(String trackingNumber, String token, Authentication authentication) {
		if (token != null && !token.isBlank()) {
			return this.inquiries.forApplicant(trackingNumber, token);
		}
		return LocalGovernmentAccount.municipalityCode(authentication)
			.map((code) -> this.inquiries.forMunicipality(trackingNumber, code))
			.orElseThrow(() -> NotFoundException.withMessage("inquiry.error.notFound"));
	}

	record SubmissionResponse(String trackingNumber, String accessToken, InquiryStatus status) {
	}

	record ReplyRequest(@NotBlank(message = "{reply.error.required}") @Size(max = 20000,
			message = "{reply.error.tooLong}") String text) {
	}

	record AttachmentResponse(Long id, String filename, String contentType, long size) {
	}

	record InquiryResponse(String trackingNumber, InquiryField field, String subject, InquiryStatus status,
			List<Stage> stages, List<Answer> answers, OpenRequest openInformationRequest, List<File> attachments) {

		static InquiryResponse of(InquiryView view) {
			InquiryView.InformationRequestView open = view.openInformationRequest();
			return new InquiryResponse(view.trackingNumber(), view.field(), view.subject(), view.status(),
					view.stages().stream().map((stage) -> new Stage(stage.status(), stage.at())).toList(),
					view.answers()
						.stream()
						.map((answer) -> new Answer(answer.kind(), answer.text(), answer.at()))
						.toList(),
					(open == null) ? null : new OpenRequest(open.question(), open.askedAt()),
					view.attachments()
						.stream()
						.map((file) -> new File(file.id(), file.filename(), file.sizeBytes()))
						.toList());
		}

		record Stage(InquiryStatus status, Instant at) {
		}

		record Answer(AnswerKind kind, String text, Instant at) {
		}

		record OpenRequest(String question, Instant askedAt) {
		}

		record File(Long id, String filename, long size) {
		}

	}

}
