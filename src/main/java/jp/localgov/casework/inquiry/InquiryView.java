package jp.localgov.casework.inquiry;

import java.time.Instant;
import java.util.List;

/**
 * A detached snapshot of an inquiry for pages and APIs, with everything the applicant and
 * staff may see of it.
 */
public record InquiryView(String trackingNumber, InquiryField field, String subject, String body, String applicantName,
		String organization, String municipalityCode, String email, String language, InquiryStatus status,
		String department, String staffMember, Instant submittedAt, List<StageView> stages, List<AnswerView> answers,
		List<InformationRequestView> informationRequests, List<ReturnView> returns, List<AttachmentView> attachments) {

	static InquiryView of(Inquiry inquiry, List<InquiryAttachment> attachments) {
		return new InquiryView(inquiry.getTrackingNumber(), inquiry.getField(), inquiry.getSubject(), inquiry.getBody(),
				inquiry.getApplicantName(), inquiry.getOrganization(), inquiry.getMunicipalityCode(),
				inquiry.getEmail(), inquiry.getLanguage(), inquiry.getStatus(), inquiry.getDepartment(),
				inquiry.getStaffMember(), inquiry.getSubmittedAt(),
				inquiry.getStages().stream().map((stage) -> new StageView(stage.getStatus(), stage.getAt())).toList(),
				inquiry.getAnswers()
					.stream()
					.map((answer) -> new AnswerView(answer.getKind(), answer.getText(), answer.getAt()))
					.toList(),
				inquiry.getInformationRequests()
					.stream()
					.map((request) -> new InformationRequestView(request.getQuestion(), request.getAskedAt(),
							request.getReply(), request.getRepliedAt(), request.isOpen()))
					.toList(),
				inquiry.getReturns()
					.stream()
					.map((back) -> new ReturnView(back.getDepartment(), back.getReason(), back.getAt()))
					.toList(),
				attachments.stream()
					.map((file) -> new AttachmentView(file.getId(), file.getFilename(), file.getContentType(),
							file.getSizeBytes(), file.getUploadedAt()))
					.toList());
	}

	/** The open request for more information, if staff are waiting for the applicant. */
	public InformationRequestView openInformationRequest() {
		return this.informationRequests.stream().filter(InformationRequestView::open).findFirst().orElse(null);
	}

	/** A stage the inquiry reached, and when. */
	public record StageView(InquiryStatus status, Instant at) {
	}

	/** An answer sent to the applicant. */
	public record AnswerView(AnswerKind kind, String text, Instant at) {
	}

	/** A request for more information and the applicant's reply. */
	public record InformationRequestView(String question, Instant askedAt, String reply, Instant repliedAt,
			boolean open) {
	}

	/** A department sent the inquiry back to the desk. */
	public record ReturnView(String department, String reason, Instant at) {
	}

	/** A file attached by the applicant (without its content). */
	public record AttachmentView(Long id, String filename, String contentType, long sizeBytes, Instant uploadedAt) {
	}

}
