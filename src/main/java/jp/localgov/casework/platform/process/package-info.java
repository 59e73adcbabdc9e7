/**
 * The platform's edge to the Camunda engine: deployment of the models, groups,
 * authorizations and demo accounts in Camunda's identity store, and authentication
 * against it.
 */
package jp.localgov.casework.platform.process;
