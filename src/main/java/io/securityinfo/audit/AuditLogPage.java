package io.securityinfo.audit;

import java.time.LocalDateTime;
import java.util.List;

/**
 * One page of the audit log as the admin page shows it.
 *
 * @param rows the events, newest first
 * @param newerLink the address of the page before this one, or null on the first
 * @param olderLink the address of the page after this one, or null on the last
 * @param filtersValid false when a filter could match nothing (an unknown email, days in the wrong order): the
 * page then says why beside the filter instead of showing an empty log
 */
record AuditLogPage(List<Row> rows, String newerLink, String olderLink, boolean filtersValid) {

	static AuditLogPage invalidFilters() {
		return new AuditLogPage(List.of(), null, null, false);
	}

	/**
	 * One event. An id without an email is an account that no longer exists; a null actor is the application
	 * itself, a null subject a change to no one's account (a policy). The detail is in the reader's words; empty
	 * when the action says all.
	 */
	record Row(LocalDateTime occurredAtUtc, Long actorId, String actorEmail, Long subjectId, String subjectEmail,
			AuditAction action, String detail, String clientIp) {
	}

}
