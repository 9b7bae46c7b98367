package io.securityinfo.passkey;

import java.time.Instant;

/**
 * A person signed in (or gave their second step, or stepped up) with a passkey.
 *
 * @param name the passkey's name
 * @param afterPassword whether the passkey was the second step after a password (or a step-up) rather than the
 * whole sign-in
 */
public record PasskeySignedIn(long accountId, String name, boolean afterPassword, Instant occurredAt,
		String clientIp) {
}
