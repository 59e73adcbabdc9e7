/**
 * The {@code SystemCheck} process at the engine: its constants and the case data its
 * confirmation form shows, computed when the form is opened (the worked example of a
 * {@code FormDataProvider}).
 */
package jp.localgov.casework.system.process;
