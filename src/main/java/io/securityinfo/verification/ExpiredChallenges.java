package io.securityinfo.verification;

import java.time.Clock;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Housekeeping: deletes challenges, and with them their codes, once they ended longer ago than
 * {@code app.verification.retention}. Every instance runs it on the same schedule; the delete is conditional on
 * time alone, so whichever instance comes first does the work and the others find nothing left.
 */
@Component
class ExpiredChallenges {

	private static final Logger log = LoggerFactory.getLogger(ExpiredChallenges.class);

	private final ChallengeRepository challenges;

	private final VerificationProperties properties;

	private final Clock clock;

	ExpiredChallenges(ChallengeRepository challenges, VerificationProperties properties, Clock clock) {
		this.challenges = challenges;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * The cutoff is measured from a challenge's end, the latest moment a code of it can have been sent, so every
	 * code the daily sending limit still counts stays in the ledger.
	 * @return how many challenges were deleted
	 */
	@Scheduled(cron = "${app.housekeeping.cron}")
	int deleteExpired() {
		Instant cutoff = clock.instant().minus(properties.retention());
		int deleted = challenges.deleteExpiredBefore(cutoff);
		if (deleted > 0) {
			log.info("Housekeeping deleted {} verification challenges that ended before {}", deleted, cutoff);
		}
		return deleted;
	}

}
