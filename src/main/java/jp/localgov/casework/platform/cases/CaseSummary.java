package jp.localgov.casework.platform.cases;

import java.time.Instant;

/**
 * One line of the search results.
 *
 * @param kind the kind of case
 * @param number the number staff quote (e.g. {@code INQ-2026-000123})
 * @param title subject, project title or trainee name
 * @param party who it is for: applicant, local government or host
 * @param municipalityCode the local government's code, or null
 * @param status the status code
 * @param statusLabel the status in Japanese
 * @param since when the case was submitted or started
 * @param processInstanceId the engine's process instance serving the case, or null
 */
public record CaseSummary(CaseKind kind, String number, String title, String party, String municipalityCode,
		String status, String statusLabel, Instant since, String processInstanceId) {

}
