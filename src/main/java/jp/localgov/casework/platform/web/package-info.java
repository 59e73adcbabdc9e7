/**
 * Web security and the error format shared by every API: which paths need whom, the
 * guards that mitigate known flaws of the end-of-life Camunda 7 web applications, and
 * {@code ProblemDetail} errors.
 */
package jp.localgov.casework.platform.web;
