package jp.localgov.casework.inquiry;

/**
 * The applicant answered a request for more information; the waiting process resumes.
 *
 * @param trackingNumber the inquiry's tracking number
 */
public record ApplicantReplied(String trackingNumber) {
}
