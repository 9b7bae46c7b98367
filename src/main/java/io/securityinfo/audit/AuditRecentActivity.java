package io.securityinfo.audit;

import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Component;

import io.securityinfo.account.RecentActivity;

/** "Recent activity" on My Profile, read from the audit log and told in the reader's language. */
@Component
class AuditRecentActivity implements RecentActivity {

	private final AuditLog auditLog;

	private final AuditWords words;

	AuditRecentActivity(AuditLog auditLog, AuditWords words) {
		this.auditLog = auditLog;
		this.words = words;
	}

	@Override
	public List<Activity> newest(long accountId, int limit, Locale locale) {
		return auditLog.recentFor(accountId, limit)
			.stream()
			.map(entry -> new Activity(entry.occurredAt(), entry.action().labelKey(), words.describe(entry, locale)))
			.toList();
	}

}
