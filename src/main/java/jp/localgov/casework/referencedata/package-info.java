/**
 * Reference data shared by all processes: Japanese municipalities with their 6-digit
 * local government codes and the overseas offices, loaded once from the CSV files shipped
 * with the application and offered read-only to forms and the applicant portal; the
 * national holidays, kept by administrators beyond the shipped list, and the office-day
 * calendar that models use as the bean {@code officeDays}.
 */
package jp.localgov.casework.referencedata;
