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
		@NotBlank(message = "氏名を入力してください / enter your name") @Size(max = 100,
				message = "氏名は100文字以内です / at most 100 characters") String applicantName,
		@NotBlank(message = "所属団体を入力してください / enter your organisation") @Size(max = 200,
				message = "所属団体は200文字以内です / at most 200 characters") String organization,
		@Pattern(regexp = "\\d{6}",
				message = "団体コードは6桁の数字です / the local government code has 6 digits") String municipalityCode,
		@NotBlank(message = "メールアドレスを入力してください / enter your e-mail address") @Email(
				message = "メールアドレスの形式が正しくありません / not a valid e-mail address") @Size(max = 320,
						message = "メールアドレスが長すぎます / too long") String email,
		@NotNull(message = "言語を選んでください（ja または en） / choose ja or en") @Pattern(regexp = "ja|en",
				message = "言語は ja または en です / language must be ja or en") String language,
		@NotNull(message = "サービス分野を選んでください / choose a service field") InquiryField field,
		@NotBlank(message = "件名を入力してください / enter a subject") @Size(max = 200,
				message = "件名は200文字以内です / at most 200 characters") String subject,
		@NotBlank(message = "問い合わせ内容を入力してください / enter your inquiry") @Size(max = 20000,
				message = "問い合わせ内容は20,000文字以内です / at most 20,000 characters") String body) {

	/** Maximum size of one attachment. */
	public static final long MAX_ATTACHMENT_BYTES = 10L * 1024 * 1024;

	/** Maximum number of attachments per inquiry. */
	public static final int MAX_ATTACHMENTS = 5;

}
