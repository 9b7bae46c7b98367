package io.securityinfo.verification;

import java.time.Clock;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.securityinfo.Housekeeping;

/**
 * Housekeeping: deletes challenges, and with them their codes, once they ended longer ago than
 * {@code app.verification.retention}. Every instance runs it on the same schedule; the delete is conditional on
 * time alone, so whichever instance comes first does the work and the others find nothing left.
 */
@Component
class ExpiredChallenges {

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
		return Housekeeping.delete("verification challenges that ended before",
				clock.instant().minus(properties.retention()), challenges::deleteExpiredBefore);
	}

}
