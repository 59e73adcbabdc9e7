/**
 * Subsidy approvals (助成事業): programmes with yearly budgets, rates and ceilings;
 * applications from local governments through formal check, scored review, sign-off,
 * grant decision, change requests, performance report, amount determination and payment.
 * Depends on {@code platform} and {@code referencedata}; the {@code process} sub-package
 * drives the {@code SubsidyApplication} process, {@code web} offers the API.
 */
package jp.localgov.casework.subsidy;
