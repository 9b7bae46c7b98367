package io.securityinfo.account;

import java.time.Instant;

/**
 * Published after a person's password changed, whether they changed it signed in or reset a forgotten one. Other
 * modules end the person's other sessions and tell them, at an address the change could not have touched.
 *
 * @param accountId whose password changed
 * @param occurredAt when
 * @param clientIp from where, as the audit log records it; null when unknown
 * @param keepSessionId the session that made the change and stays signed in, or null to end every session
 * @param reset whether it was a reset of a forgotten password rather than a change by a signed-in person
 */
public record PasswordChanged(long accountId, Instant occurredAt, String clientIp, String keepSessionId,
		boolean reset) {
}
