package io.securityinfo.audit;

import java.time.Instant;

/**
 * Which events of the audit log to read; a null component matches every event.
 *
 * @param accountId events this account acted in or was the subject of
 * @param action events of this kind
 * @param from events at or after this instant
 * @param until events before this instant
 */
public record AuditQuery(Long accountId, AuditAction action, Instant from, Instant until) {

	/** Every event. */
	public static AuditQuery everything() {
		return new AuditQuery(null, null, null, null);
	}

}
