package io.securityinfo.audit;

import java.time.Clock;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.securityinfo.Housekeeping;

/**
 * Housekeeping: deletes audit events older than {@code app.audit.retention}. Every instance runs it on the same
 * schedule; the delete is conditional on time alone, so running it twice, or on two instances at once, deletes
 * each event once and nothing more.
 */
@Component
class AuditRetention {

	private final AuditEventRepository events;

	private final AuditProperties properties;

	private final Clock clock;

	AuditRetention(AuditEventRepository events, AuditProperties properties, Clock clock) {
		this.events = events;
		this.properties = properties;
		this.clock = clock;
	}

	/** @return how many events were deleted */
	@Scheduled(cron = "${app.housekeeping.cron}")
	int deleteExpired() {
		return Housekeeping.delete("audit events older than", clock.instant().minus(properties.retention()),
				events::deleteOccurredBefore);
	}

}
