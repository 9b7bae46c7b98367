package io.securityinfo.verification;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.springframework.stereotype.Component;

import io.securityinfo.limits.LimitLocks;
import io.securityinfo.policy.PhoneRules;
import io.securityinfo.sms.DeliveryStatus;

/**
 * The codes sent for challenges, each kept only as its hash with the challenge's id ({@link CodeHasher}), and
 * counted against the policy's sending limits: per person a day, per number or address an hour.
 */
@Component
class SentCodes {

	private static final Duration HOUR = Duration.ofHours(1);

	private static final Duration DAY = Duration.ofDays(1);

	private final SentCodeRepository sentCodes;

	private final CodeHasher hasher;

	private final LimitLocks limitLocks;

	SentCodes(SentCodeRepository sentCodes, CodeHasher hasher, LimitLocks limitLocks) {
		this.sentCodes = sentCodes;
		this.hasher = hasher;
		this.limitLocks = limitLocks;
	}

	/**
	 * The sending limit another code for this challenge would pass, if any. Counted under the locks of the person and
	 * of the destination, always in this order, which hold until the transaction ends: the next send of either
	 * waits for this one's commit and counts its code.
	 */
	Optional<Refusal> limitReached(Challenge challenge, PhoneRules rules, Instant now) {
		limitLocks.lock("codes-person:" + challenge.getAccountId());
		limitLocks.lock("codes-destination:" + challenge.getDestination());
		if (sentCodes.countByAccountIdAndSentAtAfter(challenge.getAccountId(), now.minus(DAY)) >= rules
			.maxSendsPerUserPerDay()) {
			return Optional.of(Refusal.DAILY_LIMIT);
		}
		if (sentCodes.countByDestinationAndSentAtAfter(challenge.getDestination(), now.minus(HOUR)) >= rules
			.maxSendsPerNumberPerHour()) {
			return Optional.of(Refusal.NUMBER_LIMIT);
		}
		return Optional.empty();
	}

	SentCode add(Challenge challenge, String code, Instant now) {
		return sentCodes.save(new SentCode(challenge.getId(), challenge.getAccountId(), challenge.getDestination(),
				hasher.hash(challenge.getId(), code), now));
	}

	/** Whether the typed code is any of the codes sent for the challenge, compared in constant time. */
	boolean matches(Challenge challenge, String typed) {
		String typedHash = hasher.hash(challenge.getId(), typed == null ? "" : typed.strip());
		return sentCodes.findByChallengeId(challenge.getId())
			.stream()
			.anyMatch(sent -> CodeHasher.matches(sent.getCodeHash(), typedHash));
	}

	/** Whether the provider reported that the last text sent for the challenge did not reach the phone. */
	boolean lastTextUndelivered(String challengeId) {
		return sentCodes.findFirstByChallengeIdOrderByIdDesc(challengeId)
			.map(SentCode::getDeliveryStatus)
			.map(DeliveryStatus::isFailure)
			.orElse(false);
	}

}
