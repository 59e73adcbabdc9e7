/**
 * Online secretariat inquiries (オンライン事務局): an applicant asks, the secretariat desk routes
 * the inquiry to a department, the department assigns a staff member who answers
 * (interim, then final), and the applicant follows each stage by a private link. Depends
 * on {@code platform} and {@code referencedata}; the {@code process} sub-package drives
 * it with the {@code InquiryLifecycle} process, {@code web} offers the API and the
 * portal.
 */
package jp.localgov.casework.inquiry;
