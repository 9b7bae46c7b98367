package io.securityinfo.securityinfo;

import java.time.Instant;

/**
 * A Temporary Access Pass was created or deleted by an administrator, or used to sign in, in the transaction of the
 * change: the audit log records it, and the person is told by mail when one is created for them.
 *
 * @param accountId whose pass
 * @param actorId the administrator who created or deleted it; the person for a use
 * @param startsAt from when the pass signs in
 * @param endsAt until when
 * @param oneTime whether it signs in once only
 */
public record TemporaryAccessPassChanged(long accountId, long actorId, Change change, Instant startsAt,
		Instant endsAt, boolean oneTime, Instant occurredAt, String clientIp) {

	public enum Change {

		CREATED, DELETED, USED

	}

}
