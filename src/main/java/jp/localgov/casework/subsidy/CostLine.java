package jp.localgov.casework.subsidy;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/**
 * One cost line as the applicant writes it, in whole yen.
 *
 * @param description what the money is for
 * @param amount yen, not negative
 */
public record CostLine(
		@NotBlank(message = "経費の内容を入力してください / describe the cost") @Size(max = 200,
				message = "経費の内容は200文字以内です / at most 200 characters") String description,
		@NotNull(message = "金額を入力してください / enter an amount") @PositiveOrZero(
				message = "金額は0円以上です / amounts are not negative") Long amount) {
}
