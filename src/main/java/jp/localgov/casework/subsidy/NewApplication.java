package jp.localgov.casework.subsidy;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A local government's application for a subsidy (交付申請).
 *
 * @param programmeCode the programme applied to
 * @param fiscalYear its fiscal year (April–March, named by the April)
 * @param title the project's title
 * @param summary what the project does
 * @param periodFrom first day of the project
 * @param periodTo last day of the project
 * @param costItems the planned costs, at least one
 */
public record NewApplication(@NotBlank(message = "事業を選んでください / choose a programme") String programmeCode,
		@NotNull(message = "年度を入力してください / enter the fiscal year") Integer fiscalYear,
		@NotBlank(message = "事業名を入力してください / enter a title") @Size(max = 200,
				message = "事業名は200文字以内です / at most 200 characters") String title,
		@NotBlank(message = "事業概要を入力してください / enter a summary") @Size(max = 4000,
				message = "事業概要は4,000文字以内です / at most 4,000 characters") String summary,
		@NotNull(message = "事業開始日を入力してください / enter the first day") LocalDate periodFrom,
		@NotNull(message = "事業終了日を入力してください / enter the last day") LocalDate periodTo,
		@NotEmpty(message = "経費を1件以上入力してください / enter at least one cost item") @Size(max = 50,
				message = "経費は50件までです / at most 50 cost items") List<@Valid CostLine> costItems) {
}
