package jp.localgov.casework.lgotp;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * What a host local government offers: field, preferred country or region and language,
 * the duration (6–12 months), an outline of the training programme and a contact.
 */
public record HostingPlan(@NotNull(message = "研修分野を選んでください / choose a field") TrainingField field,
		@NotBlank(message = "希望する国・地域を入力してください / enter a country or region") @Size(max = 100,
				message = "100文字以内です / at most 100 characters") String preferredCountry,
		@NotBlank(message = "希望する言語を入力してください / enter a language") @Size(max = 100,
				message = "100文字以内です / at most 100 characters") String preferredLanguage,
		@NotNull(message = "研修期間（月数）を入力してください / enter the months") @Min(value = 6,
				message = "研修期間は6～12か月です / 6 to 12 months") @Max(value = 12,
						message = "研修期間は6～12か月です / 6 to 12 months") Integer months,
		@NotBlank(message = "研修プログラムの概要を入力してください / outline the programme") @Size(max = 4000,
				message = "4,000文字以内です / at most 4,000 characters") String programmeOutline,
		@NotBlank(message = "担当者名を入力してください / enter a contact") @Size(max = 100,
				message = "100文字以内です / at most 100 characters") String contactName,
		@NotBlank(message = "連絡先メールを入力してください / enter an e-mail address") @Email(
				message = "メールアドレスの形式が正しくありません / not a valid e-mail address") String contactEmail) {
}
