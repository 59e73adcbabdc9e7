package jp.localgov.casework.platform.cases;

import java.util.List;

/**
 * The figures one feature module contributes to the staff dashboards, as charts the staff
 * pages draw and export as CSV.
 */
public interface DashboardSource {

	/** The module's charts, in display order. */
	List<Chart> charts();

	/**
	 * One chart: a category axis (e.g. weeks, countries, programmes) and one or more
	 * series of numbers over it.
	 *
	 * @param id stable identifier, also the CSV file name (e.g.
	 * {@code inquiries-by-field})
	 * @param titleJa the title in Japanese
	 * @param titleEn the title in English
	 * @param type {@code bar}, {@code stacked-bar}, {@code line} or {@code pie}
	 * @param unitJa the unit of the values in Japanese (e.g. 件, 人, 円, 日)
	 * @param categories the labels of the category axis
	 * @param series the series, each with one value per category
	 */
	record Chart(String id, String titleJa, String titleEn, String type, String unitJa, List<String> categories,
			List<Series> series) {

	}

	/** A named series of values, one per category. */
	record Series(String nameJa, String nameEn, List<Number> values) {

	}

}
