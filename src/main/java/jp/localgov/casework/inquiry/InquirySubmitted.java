package jp.localgov.casework.inquiry;

/**
 * An applicant submitted an inquiry; its lifecycle process starts in the same
 * transaction.
 *
 * @param trackingNumber the inquiry's tracking number, the business key of its process
 * @param field the service field, which the routing and deadline tables decide on
 */
public record InquirySubmitted(String trackingNumber, InquiryField field) {
}
