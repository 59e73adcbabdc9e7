package jp.localgov.casework.lgotp;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A candidate staff register during recruitment; {@code hostFound} marks one the host
 * found itself (e.g. in a sister city).
 */
public record Candidate(
		@NotBlank(message = "氏名を入力してください / enter the name") @Size(max = 200,
				message = "200文字以内です / at most 200 characters") String name,
		@NotBlank(message = "国・地域を入力してください / enter the country") @Size(max = 100,
				message = "100文字以内です / at most 100 characters") String country,
		@NotBlank(message = "所属自治体を入力してください / enter the home local government") @Size(max = 200,
				message = "200文字以内です / at most 200 characters") String homeGovernment,
		@Size(max = 200, message = "200文字以内です / at most 200 characters") String position,
		@Size(max = 200, message = "200文字以内です / at most 200 characters") String languages, Boolean hostFound) {
}
