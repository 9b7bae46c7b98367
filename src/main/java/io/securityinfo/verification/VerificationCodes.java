package io.securityinfo.verification;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.securityinfo.email.EmailAddresses;
import io.securityinfo.phone.PhoneNumber;
import io.securityinfo.phone.PhoneNumbers;
import io.securityinfo.policy.PhonePolicy;
import io.securityinfo.policy.PhoneRules;

/**
 * One-time codes that prove a person can receive texts or calls on a number, or email at an address: their
 * lifetime, resending, attempts, lockout and sending limits. All state, limits included, is in the database, so it
 * holds across restarts and across app instances. Emailed codes follow the phone policy's lifetime, attempts,
 * cooldown and sending limits too (an address counts as a number does); only its countries and regions are about
 * phones alone. Where a code may go and how it gets there is {@link CodeDelivery}'s.
 */
@Service
public class VerificationCodes {

	private final ChallengeRepository challenges;

	private final SentCodes sentCodes;

	private final Lockouts lockouts;

	private final PhonePolicy phonePolicy;

	private final CodeDelivery delivery;

	private final ApplicationEventPublisher events;

	private final VerificationMetrics metrics;

	private final Clock clock;

	private final SecureRandom random = new SecureRandom();

	VerificationCodes(ChallengeRepository challenges, SentCodes sentCodes, Lockouts lockouts, PhonePolicy phonePolicy,
			CodeDelivery delivery, ApplicationEventPublisher events, VerificationMetrics metrics, Clock clock) {
		this.challenges = challenges;
		this.sentCodes = sentCodes;
		this.lockouts = lockouts;
		this.phonePolicy = phonePolicy;
		this.delivery = delivery;
		this.events = events;
		this.metrics = metrics;
		this.clock = clock;
	}

	/**
	 * Sends a new code to a number or an address and opens a challenge for it.
	 * @param destination a number in E.164 form for {@link Channel#SMS} and {@link Channel#VOICE}; a normalized
	 * address ({@link EmailAddresses#normalize}) for {@link Channel#EMAIL}
	 * @throws VerificationRefusedException when a limit applies or the provider did not take the message; then
	 * nothing is stored
	 */
	@Transactional
	public ChallengeView start(long accountId, Channel channel, String destination) {
		PhoneRules rules = phonePolicy.current();
		delivery.refuseWhenUnreachable(rules, channel, destination);
		return open(accountId, channel, destination, rules);
	}

	/**
	 * Texts or calls a new code to a number a person just typed, and opens a challenge for it.
	 * @param channel {@link Channel#SMS} or {@link Channel#VOICE}
	 * @throws VerificationRefusedException when a limit or the policy applies (its
	 * {@link VerificationRefusedException#messageKey()} says what kind of number can't receive codes this way), or
	 * the provider did not take the message; then nothing is stored
	 */
	@Transactional
	public ChallengeView start(long accountId, Channel channel, PhoneNumber number) {
		PhoneRules rules = phonePolicy.current();
		delivery.refuseWhenUnreachable(rules, channel, number);
		return open(accountId, channel, number.e164(), rules);
	}

	/**
	 * Sends another code for an open challenge. Codes sent before stay valid; the challenge's lifetime is not
	 * extended.
	 */
	@Transactional
	public ChallengeView resend(long accountId, String challengeId) {
		Instant now = clock.instant();
		PhoneRules rules = phonePolicy.current();
		Challenge challenge = owned(accountId, challengeId);
		refuseWhenLockedOut(accountId, now);
		delivery.refuseWhenUnreachable(rules, challenge.getChannel(), challenge.getDestination());
		if (challenge.getStatus() != Challenge.Status.OPEN || challenge.isExpiredAt(now)) {
			throw refused(Refusal.CHALLENGE_CLOSED);
		}
		Instant nextSendAllowed = challenge.getLastSentAt().plus(rules.resendCooldown());
		if (now.isBefore(nextSendAllowed)) {
			long secondsRoundedUp = Duration.between(now, nextSendAllowed).plusNanos(999_999_999).toSeconds();
			throw refused(Refusal.COOLDOWN, secondsRoundedUp);
		}
		sendCode(challenge, rules, now);
		return ChallengeView.justSent(challenge);
	}

	/**
	 * @throws ChallengeNotFoundException when this person has no such challenge
	 */
	@Transactional(readOnly = true)
	public ChallengeView get(long accountId, String challengeId) {
		return view(owned(accountId, challengeId));
	}

	/**
	 * A challenge of one of these channels. A code page asks for its own channels, so that a code proving an
	 * address can never register a phone, nor the other way round.
	 * @throws ChallengeNotFoundException when this person has no such challenge of these channels
	 */
	@Transactional(readOnly = true)
	public ChallengeView get(long accountId, String challengeId, Set<Channel> channels) {
		ChallengeView challenge = get(accountId, challengeId);
		if (!channels.contains(challenge.channel())) {
			throw new ChallengeNotFoundException();
		}
		return challenge;
	}

	@Transactional(readOnly = true)
	public Optional<ChallengeView> find(long accountId, String challengeId) {
		return challenges.findByIdAndAccountId(challengeId, accountId).map(this::view);
	}

	/** A challenge of one of these channels, as {@link #get(long, String, Set)} finds it, or none. */
	@Transactional(readOnly = true)
	public Optional<ChallengeView> find(long accountId, String challengeId, Set<Channel> channels) {
		return find(accountId, challengeId).filter(challenge -> channels.contains(challenge.channel()));
	}

	/**
	 * Checks a code typed for a challenge. Run it in the transaction that stores what the code proves, before it
	 * reads the challenge.
	 * <p>
	 * The person's lockout row is locked first, so that their checks run one at a time, each on the counts the one
	 * before left: codes typed at once are checked no more often than the limits allow, and a code is verified
	 * once.
	 */
	@Transactional
	public CheckResult check(long accountId, String challengeId, String code) {
		Instant now = clock.instant();
		lockouts.lockRow(accountId);
		Challenge challenge = owned(accountId, challengeId);
		if (lockouts.isLockedOut(accountId, now)) {
			return new CheckResult.LockedOut();
		}
		switch (challenge.getStatus()) {
			case VERIFIED:
				return new CheckResult.AlreadyVerified(challenge.getDestination(), challenge.getChannel());
			case EXHAUSTED:
				return new CheckResult.Exhausted();
			default:
				break;
		}
		if (challenge.isExpiredAt(now)) {
			return new CheckResult.Expired();
		}
		int maxWrongAttempts = phonePolicy.current().maxWrongAttempts();
		if (challenge.getWrongAttempts() >= maxWrongAttempts) {
			return new CheckResult.Exhausted();
		}
		if (sentCodes.matches(challenge, code)) {
			if (challenges.markVerified(challenge.getId(), now) == 0) {
				return new CheckResult.AlreadyVerified(challenge.getDestination(), challenge.getChannel());
			}
			lockouts.resetFailures(accountId);
			metrics.verified(challenge.getChannel());
			events.publishEvent(new VerificationCodeChecked(accountId, challenge.getChannel(), masked(challenge), true,
					false));
			return new CheckResult.Verified(challenge.getDestination(), challenge.getChannel());
		}
		return countWrongCode(accountId, challenge, maxWrongAttempts, now);
	}

	private CheckResult countWrongCode(long accountId, Challenge challenge, int maxWrongAttempts, Instant now) {
		metrics.wrong(challenge.getChannel());
		challenges.countWrongAttempt(challenge.getId(), maxWrongAttempts);
		boolean lockedOut = lockouts.countFailure(accountId, now);
		events.publishEvent(
				new VerificationCodeChecked(accountId, challenge.getChannel(), masked(challenge), false, lockedOut));
		if (lockedOut) {
			return new CheckResult.LockedOut();
		}
		Challenge counted = owned(accountId, challenge.getId());
		if (counted.getStatus() == Challenge.Status.EXHAUSTED) {
			return new CheckResult.Exhausted();
		}
		return new CheckResult.Wrong(Math.max(0, maxWrongAttempts - counted.getWrongAttempts()));
	}

	/** Opens a challenge to a destination codes may go to, and sends its first code. */
	private ChallengeView open(long accountId, Channel channel, String destination, PhoneRules rules) {
		Instant now = clock.instant();
		refuseWhenLockedOut(accountId, now);
		Challenge challenge = challenges.save(new Challenge(UUID.randomUUID().toString(), accountId, channel,
				destination, now, now.plus(rules.codeLifetime())));
		sendCode(challenge, rules, now);
		return ChallengeView.justSent(challenge);
	}

	private void sendCode(Challenge challenge, PhoneRules rules, Instant now) {
		Optional<Refusal> limit = sentCodes.limitReached(challenge, rules, now);
		if (limit.isPresent()) {
			throw refused(limit.get());
		}
		String code = "%06d".formatted(random.nextInt(1_000_000));
		SentCode sent = sentCodes.add(challenge, code, now);
		challenge.markSent(now);
		// Stored with the row at commit. A report that comes before the commit finds no text and is lost, but each
		// report carries the whole status, and the final one comes seconds later.
		delivery.send(challenge.getAccountId(), challenge.getChannel(), challenge.getDestination(), code)
			.ifPresent(sent::sentAs);
		events.publishEvent(
				new VerificationCodeSent(challenge.getAccountId(), challenge.getChannel(), masked(challenge)));
	}

	/** Counts the refusal for operators and answers the exception that tells the person. */
	private VerificationRefusedException refused(Refusal refusal, long secondsToWait) {
		metrics.refused(refusal);
		return new VerificationRefusedException(refusal, secondsToWait);
	}

	private VerificationRefusedException refused(Refusal refusal) {
		return refused(refusal, 0);
	}

	private void refuseWhenLockedOut(long accountId, Instant now) {
		if (lockouts.isLockedOut(accountId, now)) {
			throw refused(Refusal.LOCKED_OUT);
		}
	}

	/** The challenge as the code page shows it, with what the provider reported about its last text. */
	private ChallengeView view(Challenge challenge) {
		return ChallengeView.of(challenge, sentCodes.lastTextUndelivered(challenge.getId()));
	}

	private Challenge owned(long accountId, String challengeId) {
		return challenges.findByIdAndAccountId(challengeId, accountId).orElseThrow(ChallengeNotFoundException::new);
	}

	private static String masked(Challenge challenge) {
		return challenge.getChannel().isPhone() ? PhoneNumbers.mask(challenge.getDestination())
				: EmailAddresses.mask(challenge.getDestination());
	}

}
