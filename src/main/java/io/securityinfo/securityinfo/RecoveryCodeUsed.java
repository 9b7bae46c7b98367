package io.securityinfo.securityinfo;

import java.time.Instant;

/**
 * A recovery code was used as a second factor, in the transaction that used it up: the audit log records it and the
 * person is told by mail.
 *
 * @param remaining the person's codes still unused
 */
public record RecoveryCodeUsed(long accountId, int remaining, Instant occurredAt, String clientIp) {
}
