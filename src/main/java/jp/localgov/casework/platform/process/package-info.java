/**
 * The platform's edge to the Camunda engine: deployment of the models under the deploy
 * contract process owners rely on (bare file names, deploy changed only, refusal of a
 * model that would break cases), forms checked on the server and filled with case data
 * from the modules' {@link jp.localgov.casework.platform.process.FormDataProvider}s,
 * groups, authorizations and demo accounts in Camunda's identity store, and
 * authentication against it.
 */
package jp.localgov.casework.platform.process;
