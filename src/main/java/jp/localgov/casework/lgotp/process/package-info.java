/**
 * The {@code LgotpAnnualCycle} and {@code LgotpTraineeJourney} processes at work: Spring
 * beans serving their service tasks, the listeners that deliver hosts' reports and
 * withdrawals, and the mails to local governments. The only part of the LGOTP module that
 * knows Camunda.
 */
package jp.localgov.casework.lgotp.process;
