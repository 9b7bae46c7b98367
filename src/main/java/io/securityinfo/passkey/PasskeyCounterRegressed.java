package io.securityinfo.passkey;

import java.time.Instant;

/**
 * A passkey signed with a signature counter lower than (or equal to) the last one seen: the sign-in was refused, as
 * the authenticator may have been cloned.
 */
public record PasskeyCounterRegressed(long accountId, String name, long storedCount, long presentedCount,
		Instant occurredAt, String clientIp) {
}
