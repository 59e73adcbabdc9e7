package jp.localgov.casework.inquiry;

/**
 * What the applicant gets back on submission: the number to quote, the secret of the
 * private link (shown once, never stored in clear) and the status.
 */
public record Submission(String trackingNumber, String accessToken, InquiryStatus status) {
}
