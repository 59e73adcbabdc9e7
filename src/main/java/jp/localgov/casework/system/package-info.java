/**
 * Running the system itself: the operators' check after an installation or upgrade
 * ({@code SystemCheck}). Depends on the platform and the reference data only.
 */
package jp.localgov.casework.system;
