package jp.localgov.casework.platform.mail;

/**
 * A mail was queued in the same transaction as the change that caused it; the workflow
 * edge starts the retried step that sends it.
 *
 * @param mailId id of the queued {@link OutgoingMail}
 * @param reference the case it belongs to (tracking number), for operators in Cockpit
 */
public record MailQueued(long mailId, String reference) {
}
