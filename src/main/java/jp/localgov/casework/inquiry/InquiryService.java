package jp.localgov.casework.inquiry;

import java.time.Clock;
import java.time.Instant;
import java.time.Year;
import java.util.List;

import jp.localgov.casework.platform.AttachmentTypes;
import jp.localgov.casework.platform.BusinessRuleException;
import jp.localgov.casework.platform.InvalidInputException;
import jp.localgov.casework.platform.NotFoundException;
import jp.localgov.casework.platform.TrackingNumbers;
import jp.localgov.casework.referencedata.OfficeCalendar;
import jp.localgov.casework.referencedata.ReferenceData;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The online secretariat's cases: applicants submit, follow and answer; the lifecycle
 * process moves each inquiry through its stages. Every change that the applicant should
 * hear of queues its mail in the same transaction.
 */
@Service
@Transactional
public class InquiryService {

	/** Prefix of inquiry tracking numbers, e.g. INQ-2026-000123. */
	public static final String TRACKING_PREFIX = "INQ";

	private static final String NOT_FOUND = "問い合わせが見つかりません / Inquiry not found";

	private final InquiryRepository inquiries;

	private final InquiryAttachmentRepository attachments;

	private final TrackingNumbers trackingNumbers;

	private final ReferenceData referenceData;

	private final InquiryMails mails;

	private final ApplicationEventPublisher events;

	private final AttachmentTypes attachmentTypes;

	private final Clock clock;

	InquiryService(InquiryRepository inquiries, InquiryAttachmentRepository attachments,
			TrackingNumbers trackingNumbers, ReferenceData referenceData, InquiryMails mails,
			ApplicationEventPublisher events, AttachmentTypes attachmentTypes, Clock clock) {
		this.inquiries = inquiries;
		this.attachments = attachments;
		this.trackingNumbers = trackingNumbers;
		this.referenceData = referenceData;
		this.mails = mails;
		this.events = events;
		this.attachmentTypes = attachmentTypes;
		this.clock = clock;
	}

	/**
	 * Registers a new inquiry, starts its lifecycle and mails the applicant the private
	 * link.
	 */
	public Submission submit(NewInquiry request) {
		if (request.municipalityCode() != null && !this.referenceData.isKnownMunicipality(request.municipalityCode())) {
			throw new InvalidInputException("municipalityCode", "団体コード " + request.municipalityCode()
					+ " の自治体はありません / No local government has the code " + request.municipalityCode());
		}
		Instant now = now();
		String trackingNumber = this.trackingNumbers.next(TRACKING_PREFIX, Year.from(now.atZone(OfficeCalendar.JAPAN)));
		String token = AccessTokens.newToken();
		Inquiry inquiry = new Inquiry(trackingNumber, AccessTokens.hash(token),
				new Inquiry.Applicant(request.applicantName().strip(), request.organization().strip(),
						request.municipalityCode(), request.email().strip(), request.language()),
				request.field(), request.subject().strip(), request.body(), now);
		this.inquiries.save(inquiry);
		this.events.publishEvent(new InquirySubmitted(trackingNumber, request.field()));
		this.mails.submitted(inquiry, token);
		return new Submission(trackingNumber, token, inquiry.getStatus());
	}

	/**
	 * The inquiry behind a private link; a wrong token looks exactly like an unknown
	 * number.
	 */
	@Transactional(readOnly = true)
	public InquiryView forApplicant(String trackingNumber, String token) {
		return view(byToken(trackingNumber, token));
	}

	/**
	 * An inquiry of the given municipality, for its logged-in local-government account.
	 */
	@Transactional(readOnly = true)
	public InquiryView forMunicipality(String trackingNumber, String municipalityCode) {
		return view(this.inquiries.findByTrackingNumber(trackingNumber)
			.filter((inquiry) -> municipalityCode.equals(inquiry.getMunicipalityCode()))
			.orElseThrow(() -> new NotFoundException(NOT_FOUND)));
	}

	/** Every inquiry of a municipality, newest first. */
	@Transactional(readOnly = true)
	public List<InquiryView> ofMunicipality(String municipalityCode) {
		return this.inquiries.findByMunicipalityCodeOrderBySubmittedAtDesc(municipalityCode)
			.stream()
			.map(this::view)
			.toList();
	}

	/** Staff's view of any inquiry. */
	@Transactional(readOnly = true)
	public InquiryView view(String trackingNumber) {
		return view(get(trackingNumber));
	}

	/** The applicant answers the open request for more information; the case resumes. */
	public InquiryView reply(String trackingNumber, String token, String text) {
		Inquiry inquiry = byToken(trackingNumber, token);
		if (inquiry.openInformationRequest().isEmpty()) {
			throw new BusinessRuleException("現在、追加情報の依頼はありません / There is no open request for information");
		}
		inquiry.reply(text, now());
		this.events.publishEvent(new ApplicantReplied(trackingNumber));
		return view(inquiry);
	}

	/**
	 * Stores a file the applicant attaches (at most 5 per inquiry, 10 MB each, of a type
	 * {@link AttachmentTypes} accepts by its bytes, stored with that type).
	 */
	public InquiryAttachment attach(String trackingNumber, String token, String filename, byte[] content) {
		Inquiry inquiry = byToken(trackingNumber, token);
		if (inquiry.getStatus().isFinished()) {
			throw new BusinessRuleException("終了した問い合わせには添付できません / The inquiry is finished");
		}
		if (content.length == 0) {
			throw new InvalidInputException("file", "空のファイルは添付できません / The file is empty");
		}
		if (content.length > NewInquiry.MAX_ATTACHMENT_BYTES) {
			throw new InvalidInputException("file", "ファイルは1件10MBまでです / A file may have at most 10 MB");
		}
		if (this.attachments.countByInquiryId(inquiry.getId()) >= NewInquiry.MAX_ATTACHMENTS) {
			throw new BusinessRuleException("添付ファイルは5件までです / At most 5 files can be attached");
		}
		String name = (filename == null || filename.isBlank()) ? "attachment" : sanitize(filename);
		String type = this.attachmentTypes.check(name, content);
		return this.attachments.save(new InquiryAttachment(inquiry.getId(), name, type, content, now()));
	}

	/** An attached file with its content, for the applicant who attached it. */
	@Transactional(readOnly = true)
	public InquiryAttachment attachment(String trackingNumber, String token, long attachmentId) {
		Inquiry inquiry = byToken(trackingNumber, token);
		return attachment(inquiry, attachmentId);
	}

	/** An attached file with its content, for staff. */
	@Transactional(readOnly = true)
	public InquiryAttachment attachment(String trackingNumber, long attachmentId) {
		return attachment(get(trackingNumber), attachmentId);
	}

	@Transactional(readOnly = true)
	public List<InquiryAttachment> attachmentsOf(Inquiry inquiry) {
		return this.attachments.findByInquiryIdOrderById(inquiry.getId());
	}

	/** The inquiry itself; for the lifecycle's steps, which run inside a transaction. */
	@Transactional(readOnly = true)
	public Inquiry get(String trackingNumber) {
		return this.inquiries.findByTrackingNumber(trackingNumber).orElseThrow(() -> new NotFoundException(NOT_FOUND));
	}

	public void openReception(String trackingNumber) {
		get(trackingNumber).openReception(now());
	}

	public void assignDepartment(String trackingNumber, String department) {
		Inquiry inquiry = get(trackingNumber);
		inquiry.assignTo(department, now());
		this.mails.stageReached(inquiry);
	}

	public void returnToDesk(String trackingNumber, String reason, String returnedBy) {
		get(trackingNumber).returnToDesk(reason, returnedBy, now());
	}

	public void assignStaff(String trackingNumber, String staffMember) {
		Inquiry inquiry = get(trackingNumber);
		inquiry.assignStaff(staffMember, now());
		this.mails.stageReached(inquiry);
	}

	public void answer(String trackingNumber, AnswerKind kind, String text, String answeredBy) {
		Inquiry inquiry = get(trackingNumber);
		inquiry.answer(kind, text, answeredBy, now());
		this.mails.answered(inquiry, kind, text);
	}

	public void requestInformation(String trackingNumber, String question, String askedBy) {
		Inquiry inquiry = get(trackingNumber);
		inquiry.requestInformation(question, askedBy, now());
		this.mails.informationRequested(inquiry, question);
	}

	public void closeUnanswered(String trackingNumber) {
		Inquiry inquiry = get(trackingNumber);
		inquiry.closeUnanswered(now());
		this.mails.closedWithoutReply(inquiry);
	}

	private Inquiry byToken(String trackingNumber, String token) {
		return this.inquiries.findByTrackingNumber(trackingNumber)
			.filter((inquiry) -> AccessTokens.matches(token, inquiry.getAccessTokenHash()))
			.orElseThrow(() -> new NotFoundException(NOT_FOUND));
	}

	private InquiryAttachment attachment(Inquiry inquiry, long attachmentId) {
		return this.attachments.findById(attachmentId)
			.filter((file) -> file.getInquiryId().equals(inquiry.getId()))
			.map((file) -> {
				file.getContent();
				return file;
			})
			.orElseThrow(() -> new NotFoundException("添付ファイルが見つかりません / Attachment not found"));
	}

	private InquiryView view(Inquiry inquiry) {
		return InquiryView.of(inquiry, attachmentsOf(inquiry));
	}

	private Instant now() {
		return Instant.now(this.clock);
	}

	private static String sanitize(String filename) {
		String base = filename.replace('\\', '/');
		base = base.substring(base.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}\"]", "_");
		return base.length() > 255 ? base.substring(base.length() - 255) : base;
	}

}
