/**
 * What the staff pages need from every feature module without knowing it: finding cases
 * ({@link CaseSource}) and the figures of the dashboards ({@link DashboardSource}). Each
 * module implements both as Spring beans; the staff pages in {@code platform.web} list,
 * show and draw whatever the beans return.
 */
package jp.localgov.casework.platform.cases;
