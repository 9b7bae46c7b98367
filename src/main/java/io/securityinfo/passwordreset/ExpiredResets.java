package io.securityinfo.passwordreset;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Housekeeping: deletes resets started more than a day ago. By then each has expired (its lifetime is minutes) and
 * the hourly limits no longer count it. Every instance runs it; the delete depends on time alone.
 */
@Component
class ExpiredResets {

	static final Duration RETENTION = Duration.ofDays(1);

	private static final Logger log = LoggerFactory.getLogger(ExpiredResets.class);

	private final PasswordResetRepository resets;

	private final Clock clock;

	ExpiredResets(PasswordResetRepository resets, Clock clock) {
		this.resets = resets;
		this.clock = clock;
	}

	/** @return how many resets were deleted */
	@Scheduled(cron = "${app.housekeeping.cron}")
	int deleteExpired() {
		Instant cutoff = clock.instant().minus(RETENTION);
		int deleted = resets.deleteStartedBefore(cutoff);
		if (deleted > 0) {
			log.info("Housekeeping deleted {} password resets started before {}", deleted, cutoff);
		}
		return deleted;
	}

}
