package jp.localgov.casework.inquiry;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What an applicant submits: who they are, how to reach them and what they ask.
 *
 * @param applicantName name of the person asking
 * @param organization local government or organisation
 * @param municipalityCode 6-digit local government code, optional
 * @param email address for the answers
 * @param language {@code ja} or {@code en}, for mails and pages
 * @param field the service field
 * @param subject short subject
 * @param body the inquiry itself, up to 20,000 characters
 */
public record NewInquiry(
		@NotBlank(message = "{inquiry.applicantName.NotBlank}") @Size(max = 100,
				message = "{inquiry.applicantName.Size}") String applicantName,
		@NotBlank(message = "{inquiry.organization.NotBlank}") @Size(max = 200,
				message = "{inquiry.organization.Size}") String organization,
		@Pattern(regexp = "\\d{6}", message = "{inquiry.municipalityCode.Pattern}") String municipalityCode,
		@NotBlank(message = "{inquiry.email.NotBlank}") @Email(message = "{inquiry.email.Email}") @Size(max = 320,
				message = "{inquiry.email.Size}") String email,
		@NotNull(message = "{inquiry.language.NotNull}") @Pattern(regexp = "ja|en",
				message = "{inquiry.language.Pattern}") String language,
		@NotNull(message = "{inquiry.field.NotNull}") InquiryField field,
		@NotBlank(message = "{inquiry.subject.NotBlank}") @Size(max = 200,
				message = "{inquiry.subject.Size}") String subject,
		@NotBlank(message = "{inquiry.body.NotBlank}") @Size(max = 20000,
				message = "{inquiry.body.Size}") String body) {

	/** Maximum size of one attachment. */
	public static final long MAX_ATTACHMENT_BYTES = 10L * 1024 * 1024;

	/** Maximum number of attachments per inquiry. */
	public static final int MAX_ATTACHMENTS = 5;

}
