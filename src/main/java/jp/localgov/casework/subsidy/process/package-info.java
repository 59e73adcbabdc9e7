/**
 * The {@code SubsidyApplication} process at work: Spring beans serving its service tasks
 * and listeners, the listeners that start it and deliver the applicant's messages, and
 * the mails to local governments. The only part of the subsidy module that knows Camunda.
 */
package jp.localgov.casework.subsidy.process;
