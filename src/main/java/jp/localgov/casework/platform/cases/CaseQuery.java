package jp.localgov.casework.platform.cases;

import java.time.LocalDate;
import java.util.Set;

/**
 * What staff search by; every part is optional (null or empty matches everything).
 *
 * @param kinds codes of the kinds of case to search ({@link CaseKind#code()}); empty for
 * all
 * @param text part of the number, the applicant's or trainee's name, the subject or the
 * project title
 * @param municipalityCode the 6-digit local government code
 * @param status a status code of the module (as shown in {@link CaseSummary#status()})
 * @param from first day of the period (cases submitted or started on or after it)
 * @param to last day of the period
 * @param limit the most results wanted
 */
public record CaseQuery(Set<String> kinds, String text, String municipalityCode, String status, LocalDate from,
		LocalDate to, int limit) {

	/** Whether the query asks for the given kind of case. */
	public boolean wants(CaseKind kind) {
		return this.kinds == null || this.kinds.isEmpty() || this.kinds.contains(kind.code());
	}

}
