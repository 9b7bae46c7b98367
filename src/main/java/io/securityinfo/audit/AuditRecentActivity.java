package io.securityinfo.audit;

import java.util.List;

import org.springframework.stereotype.Component;

import io.securityinfo.account.RecentActivity;

/** "Recent activity" on My Profile, read from the audit log. */
@Component
class AuditRecentActivity implements RecentActivity {

	private final AuditLog auditLog;

	AuditRecentActivity(AuditLog auditLog) {
		this.auditLog = auditLog;
	}

	@Override
	public List<Activity> newest(long accountId, int limit) {
		return auditLog.recentFor(accountId, limit)
			.stream()
			.map(entry -> new Activity(entry.occurredAt(), entry.action().labelKey()))
			.toList();
	}

}
