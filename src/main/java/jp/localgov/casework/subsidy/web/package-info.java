/**
 * The subsidy API ({@code /api/subsidies}) and the staff's budget page
 * ({@code /staff/subsidies}), both on {@code SubsidyService}: local-government accounts
 * apply, correct, request changes, report and print their decision notices; staff read
 * any application and the budget position of every programme; process owners set a
 * programme's rules for a fiscal year.
 */
package jp.localgov.casework.subsidy.web;
