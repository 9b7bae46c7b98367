package io.securityinfo.audit;

import java.time.Clock;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Housekeeping: deletes audit events older than {@code app.audit.retention}. Every instance runs it on the same
 * schedule; the delete is conditional on time alone, so running it twice, or on two instances at once, deletes
 * each event once and nothing more.
 */
@Component
class AuditRetention {

	private static final Logger log = LoggerFactory.getLogger(AuditRetention.class);

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
		Instant cutoff = clock.instant().minus(properties.retention());
		int deleted = events.deleteOccurredBefore(cutoff);
		if (deleted > 0) {
			log.info("Housekeeping deleted {} audit events older than {}", deleted, cutoff);
		}
		return deleted;
	}

}
