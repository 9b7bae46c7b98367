package io.securityinfo.passwordreset;

import java.time.Clock;
import java.time.Duration;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.securityinfo.Housekeeping;

/**
 * Housekeeping: deletes resets started more than a day ago. By then each has expired (its lifetime is minutes) and
 * the hourly limits no longer count it. Every instance runs it; the delete depends on time alone.
 */
@Component
class ExpiredResets {

	static final Duration RETENTION = Duration.ofDays(1);

	private final PasswordResetRepository resets;

	private final Clock clock;

	ExpiredResets(PasswordResetRepository resets, Clock clock) {
		this.resets = resets;
		this.clock = clock;
	}

	/** @return how many resets were deleted */
	@Scheduled(cron = "${app.housekeeping.cron}")
	int deleteExpired() {
		return Housekeeping.delete("password resets started before", clock.instant().minus(RETENTION),
				resets::deleteStartedBefore);
	}

}
