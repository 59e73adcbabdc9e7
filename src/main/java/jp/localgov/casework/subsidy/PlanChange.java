package jp.localgov.casework.subsidy;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

/**
 * New costs with an explanation: a change request (変更承認申請) or a performance report
 * (実績報告).
 *
 * @param actualCostItems the costs (planned for a change, actual for a report)
 * @param summary why the plan changes, or what the project achieved
 */
public record PlanChange(
		@NotEmpty(message = "経費を1件以上入力してください / enter at least one cost item") @Size(max = 50,
				message = "経費は50件までです / at most 50 cost items") List<@Valid CostLine> actualCostItems,
		@NotBlank(message = "説明を入力してください / enter a summary") @Size(max = 4000,
				message = "説明は4,000文字以内です / at most 4,000 characters") String summary) {
}
