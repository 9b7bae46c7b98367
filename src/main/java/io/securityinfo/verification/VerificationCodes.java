package io.securityinfo.verification;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.Timer;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.securityinfo.email.EmailAddresses;
import io.securityinfo.email.EmailDeliveryException;
import io.securityinfo.email.EmailGateway;
import io.securityinfo.limits.LimitLocks;
import io.securityinfo.phone.PhoneNumbers;
import io.securityinfo.policy.PhonePolicy;
import io.securityinfo.policy.PhoneRules;
import io.securityinfo.sms.DeliveryStatus;
import io.securityinfo.sms.SmsDeliveryException;
import io.securityinfo.sms.SmsGateway;
import io.securityinfo.AppProperties;

/**
 * One-time codes that prove a person can receive texts or calls on a number, or email at an address. All state,
 * limits included, is in the database, so it holds across restarts and across app instances. Emailed codes follow
 * the phone policy's lifetime, attempts, cooldown and sending limits too (an address counts as a number does); only
 * its countries and regions are about phones alone.
 */
@Service
public class VerificationCodes {

	private static final Duration HOUR = Duration.ofHours(1);

	private static final Duration DAY = Duration.ofDays(1);

	private final ChallengeRepository challenges;

	private final SentCodeRepository sentCodes;

	private final LockoutRepository lockouts;

	private final LockoutRows lockoutRows;

	private final LimitLocks limitLocks;

	private final CodeHasher hasher;

	private final SmsGateway gateway;

	private final EmailGateway emailGateway;

	private final ApplicationEventPublisher events;

	private final MessageSource messages;

	private final VerificationProperties properties;

	private final PhonePolicy phonePolicy;

	private final PhoneNumbers phoneNumbers;

	private final AppProperties app;

	private final Clock clock;

	private final VerificationMetrics metrics;

	private final SecureRandom random = new SecureRandom();

	VerificationCodes(ChallengeRepository challenges, SentCodeRepository sentCodes, LockoutRepository lockouts,
			LockoutRows lockoutRows, LimitLocks limitLocks, CodeHasher hasher, SmsGateway gateway, EmailGateway emailGateway,
			ApplicationEventPublisher events, MessageSource messages, VerificationProperties properties, PhonePolicy phonePolicy,
			PhoneNumbers phoneNumbers, AppProperties app, Clock clock, VerificationMetrics metrics) {
		this.challenges = challenges;
		this.sentCodes = sentCodes;
		this.lockouts = lockouts;
		this.lockoutRows = lockoutRows;
		this.limitLocks = limitLocks;
		this.hasher = hasher;
		this.gateway = gateway;
		this.emailGateway = emailGateway;
		this.events = events;
		this.messages = messages;
		this.properties = properties;
		this.phonePolicy = phonePolicy;
		this.phoneNumbers = phoneNumbers;
		this.app = app;
		this.clock = clock;
		this.metrics = metrics;
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
		Instant now = clock.instant();
		PhoneRules rules = phonePolicy.current();
		refuseWhenRegionNotAllowed(rules, channel, destination);
		refuseWhenLockedOut(accountId, now);
		Challenge challenge = challenges.save(new Challenge(UUID.randomUUID().toString(), accountId, channel,
				destination, now, now.plus(rules.codeLifetime())));
		sendCode(challenge, rules, now);
		return ChallengeView.justSent(challenge);
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
		refuseWhenRegionNotAllowed(rules, challenge.getChannel(), challenge.getDestination());
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
		lockoutRows.lock(accountId);
		Challenge challenge = owned(accountId, challengeId);
		if (isLockedOut(accountId, now)) {
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
		String typedHash = hasher.hash(challenge.getId(), code == null ? "" : code.strip());
		boolean right = sentCodes.findByChallengeId(challenge.getId())
			.stream()
			.anyMatch(sent -> CodeHasher.matches(sent.getCodeHash(), typedHash));
		if (right) {
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
		lockouts.countFailure(accountId);
		boolean lockedOut = lockouts.lockWhenLimitReached(accountId, properties.maxConsecutiveFailures(),
				now.plus(properties.lockoutDuration())) == 1;
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

	private void sendCode(Challenge challenge, PhoneRules rules, Instant now) {
		// Counted and inserted under the locks of the person and of the destination, always in this order: the
		// next send of either waits for this one's commit and counts its code.
		limitLocks.lock("codes-person:" + challenge.getAccountId());
		limitLocks.lock("codes-destination:" + challenge.getDestination());
		if (sentCodes.countByAccountIdAndSentAtAfter(challenge.getAccountId(), now.minus(DAY)) >= rules
			.maxSendsPerUserPerDay()) {
			throw refused(Refusal.DAILY_LIMIT);
		}
		if (sentCodes.countByDestinationAndSentAtAfter(challenge.getDestination(), now.minus(HOUR)) >= rules
			.maxSendsPerNumberPerHour()) {
			throw refused(Refusal.NUMBER_LIMIT);
		}
		String code = "%06d".formatted(random.nextInt(1_000_000));
		SentCode sent = sentCodes.save(new SentCode(challenge.getId(), challenge.getAccountId(),
				challenge.getDestination(), hasher.hash(challenge.getId(), code), now));
		challenge.markSent(now);
		Locale locale = LocaleContextHolder.getLocale();
		Timer.Sample send = metrics.startSend();
		try {
			switch (challenge.getChannel()) {
				// Stored with the row at commit. A report that comes before the commit finds no text and is lost,
				// but each report carries the whole status, and the final one comes seconds later.
				case SMS -> sent
					.sentAs(gateway.sendText(challenge.getDestination(), textBody(code, locale)).providerMessageId());
				case VOICE -> gateway.placeCall(challenge.getDestination(), spokenText(code, locale));
				case EMAIL -> emailGateway.send(challenge.getDestination(),
						messages.getMessage("verification.email.subject", null, locale),
						messages.getMessage("verification.email.body", new Object[] { code }, locale));
			}
		}
		catch (SmsDeliveryException ex) {
			metrics.sendFailed(challenge.getChannel(), send);
			throw refused(ex.providerUnavailable() ? Refusal.SEND_UNAVAILABLE : Refusal.SEND_FAILED);
		}
		catch (EmailDeliveryException ex) {
			metrics.sendFailed(challenge.getChannel(), send);
			throw refused(ex.serverUnavailable() ? Refusal.SEND_UNAVAILABLE : Refusal.SEND_FAILED);
		}
		metrics.sent(challenge.getChannel(), send);
		events.publishEvent(
				new VerificationCodeSent(challenge.getAccountId(), challenge.getChannel(), masked(challenge)));
	}

	/**
	 * The text, ending in the origin-bound line ("@host #code") that lets browsers offer the code for one-tap
	 * entry (WebOTP).
	 */
	private String textBody(String code, Locale locale) {
		return messages.getMessage("verification.sms.body", new Object[] { code }, locale) + "\n\n@"
				+ app.publicHost() + " #" + code;
	}

	/** Read digit by digit, so that a speech engine does not say "one hundred twenty-three thousand…". */
	private String spokenText(String code, Locale locale) {
		String digits = code.chars().mapToObj(Character::toString).collect(Collectors.joining(", "));
		return messages.getMessage("verification.call.text", new Object[] { digits }, locale);
	}

	/** Counts the refusal for operators and answers the exception that tells the person. */
	private VerificationRefusedException refused(Refusal refusal, long secondsToWait) {
		metrics.refused(refusal);
		return new VerificationRefusedException(refusal, secondsToWait);
	}

	private VerificationRefusedException refused(Refusal refusal) {
		return refused(refusal, 0);
	}

	/**
	 * The policy's countries and regions are where texts and calls may go, and only to numbers of a kind that can
	 * receive them (see {@link PhoneNumbers#refusalFor}); they say nothing about email.
	 */
	private void refuseWhenRegionNotAllowed(PhoneRules rules, Channel channel, String destination) {
		if (channel.isPhone() && !rules.allowsRegion(phoneNumbers.regionOf(destination))) {
			throw refused(Refusal.REGION_NOT_ALLOWED);
		}
		// Also for numbers stored before their kind was checked: no code goes to a premium-rate number.
		if (channel.isPhone()
				&& phoneNumbers.refusalFor(destination, channel == Channel.SMS, rules.allowVoip()).isPresent()) {
			throw refused(Refusal.NUMBER_TYPE_NOT_ALLOWED);
		}
	}

	private void refuseWhenLockedOut(long accountId, Instant now) {
		if (isLockedOut(accountId, now)) {
			throw refused(Refusal.LOCKED_OUT);
		}
	}

	private boolean isLockedOut(long accountId, Instant now) {
		return lockouts.findById(accountId).map(lockout -> lockout.isLockedAt(now)).orElse(false);
	}

	/** The challenge as the code page shows it, with what the provider reported about its last text. */
	private ChallengeView view(Challenge challenge) {
		boolean textUndelivered = sentCodes.findFirstByChallengeIdOrderByIdDesc(challenge.getId())
			.map(SentCode::getDeliveryStatus)
			.map(DeliveryStatus::isFailure)
			.orElse(false);
		return ChallengeView.of(challenge, textUndelivered);
	}

	private Challenge owned(long accountId, String challengeId) {
		return challenges.findByIdAndAccountId(challengeId, accountId).orElseThrow(ChallengeNotFoundException::new);
	}

	private static String masked(Challenge challenge) {
		return challenge.getChannel().isPhone() ? PhoneNumbers.mask(challenge.getDestination())
				: EmailAddresses.mask(challenge.getDestination());
	}

}
