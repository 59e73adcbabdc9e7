/**
 * The {@code InquiryLifecycle} process at work: Spring beans serving its service tasks,
 * the listeners that start and resume it, its Tasklist filters and the reminders and
 * escalations of its deadlines. The only part of the inquiry module that knows Camunda.
 */
package jp.localgov.casework.inquiry.process;
