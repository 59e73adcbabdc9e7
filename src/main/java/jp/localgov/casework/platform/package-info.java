/**
 * Shared platform of the application: staff groups and accounts, security of the web
 * applications and APIs, deployment of the process models and the error format of the
 * APIs. Feature modules (inquiry, lgotp, subsidy) may depend on it; it depends on none of
 * them. Only its {@code process} sub-package talks to the Camunda engine.
 */
package jp.localgov.casework.platform;
