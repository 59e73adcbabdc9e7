/**
 * The inquiry API ({@code /api/inquiries}) and the applicant portal pages
 * ({@code /portal}), both on {@code InquiryService}: applicants use their private token,
 * local-government accounts their login.
 */
package jp.localgov.casework.inquiry.web;
