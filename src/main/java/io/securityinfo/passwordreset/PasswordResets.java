package io.securityinfo.passwordreset;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.securityinfo.account.ForgottenPasswords;
import io.securityinfo.account.PasswordChanged;
import io.securityinfo.email.EmailAddresses;
import io.securityinfo.limits.LimitLocks;
import io.securityinfo.policy.QuestionPolicy;
import io.securityinfo.securityinfo.ResetWay;
import io.securityinfo.verification.VerificationRefusedException;

/**
 * Self-service password reset: "Get back into your account". Nothing a page says depends on whether the email is an
 * enabled account's, nor on which methods it registered: the person types the number or address a code goes to in
 * full, and a code is sent only when it is the one registered; a reset with no account simply never verifies. Every
 * step does the same lookups either way.
 */
@Service
class PasswordResets {

	private static final Duration HOUR = Duration.ofHours(1);

	/** There is no open reset with this id: it expired, ended or never was. The person starts again. */
	static class ResetNotFoundException extends RuntimeException {

		private static final long serialVersionUID = 1L;

	}

	/** How the verification of one method went. */
	enum Outcome {

		/** Proven; another method is needed. */
		NEXT_METHOD,
		/** Proven, and enough methods are: the new password may be chosen. */
		VERIFIED,
		/** Wrong; the person may try again. */
		WRONG,
		/** Wrong, once too often: the reset ended. */
		ENDED

	}

	/**
	 * A reset as its pages show it.
	 *
	 * @param step the number of the method being proven, from 1
	 * @param options the ways this person may still prove who they are, as offered to everyone
	 */
	record ResetView(PasswordReset.Status status, int step, int methodsRequired, List<ResetOption> options,
			ResetOption pendingOption, String pendingDestination) {
	}

	private final PasswordResetRepository resets;

	private final LimitLocks limitLocks;

	private final ForgottenPasswords forgottenPasswords;

	private final ResetProofs proofs;

	private final ApplicationEventPublisher events;

	private final PasswordResetProperties properties;

	private final Clock clock;

	private final SecureRandom random = new SecureRandom();

	PasswordResets(PasswordResetRepository resets, LimitLocks limitLocks, ForgottenPasswords forgottenPasswords,
			ResetProofs proofs, ApplicationEventPublisher events, PasswordResetProperties properties, Clock clock) {
		this.resets = resets;
		this.limitLocks = limitLocks;
		this.forgottenPasswords = forgottenPasswords;
		this.proofs = proofs;
		this.events = events;
		this.properties = properties;
		this.clock = clock;
	}

	/** The option with this part of the URL, whether or not it is offered. */
	Optional<ResetOption> option(String slug) {
		return proofs.option(slug);
	}

	/** The option that takes this proof, which has a page of its own: the app's code, the answers. */
	ResetOption option(ResetWay.Proof proof) {
		return proofs.option(proof);
	}

	/**
	 * Starts a reset for whatever account this email names, or none.
	 * @return the new reset's id; empty when the email or the client address started too many resets this hour
	 */
	@Transactional
	public Optional<String> start(String email, String clientIp) {
		Instant now = clock.instant();
		String digest = digest(email);
		Optional<Long> accountId = forgottenPasswords.resettableAccount(email);
		// Both counts, always: the same statements whatever the email. Each under its lock, taken in this order,
		// so that the next start for the same email or client waits for this one and counts it.
		limitLocks.lock("reset-email:" + digest);
		limitLocks.lock("reset-client:" + clientIp);
		long byEmail = resets.countByEmailDigestAndCreatedAtAfter(digest, now.minus(HOUR));
		long byClient = resets.countByClientIpAndCreatedAtAfter(clientIp, now.minus(HOUR));
		boolean limited = byEmail >= properties.maxStartsPerAccountPerHour()
				|| byClient >= properties.maxStartsPerClientPerHour();
		if (limited) {
			accountId.ifPresent(id -> events.publishEvent(new PasswordResetStarted(id, 0, true)));
			return Optional.empty();
		}
		int required = proofs.methodsRequired();
		PasswordReset reset = resets.save(new PasswordReset(newId(), accountId.orElse(null), digest, clientIp,
				required, now, now.plus(properties.lifetime())));
		accountId.ifPresent(id -> events.publishEvent(new PasswordResetStarted(id, required, false)));
		return Optional.of(reset.getId());
	}

	/**
	 * @throws ResetNotFoundException when there is no such reset, or it expired or ended
	 */
	@Transactional(readOnly = true)
	public ResetView view(String resetId) {
		PasswordReset reset = open(resetId, PasswordReset.Status.OPEN, PasswordReset.Status.VERIFIED,
				PasswordReset.Status.COMPLETED);
		return new ResetView(reset.getStatus(), reset.provenTypes().size() + 1, reset.getMethodsRequired(),
				proofs.offered(reset), proofs.named(reset.getPendingOption()).orElse(null), reset.getPendingDestination());
	}

	/** How many questions the questions page asks, as the question policy says. */
	@Transactional(readOnly = true)
	public int questionsRequired() {
		return proofs.questionsRequired();
	}

	/** The questions anyone may have picked, offered on the questions page to everyone alike. */
	@Transactional(readOnly = true)
	public List<QuestionPolicy.Question> questionsOffered() {
		return proofs.questionsOffered();
	}

	/**
	 * The person typed the number or address the code of this option goes to. A code is sent only when it is the
	 * one they registered and the policy lets them use it; the page after says the same either way.
	 * @return false when what was typed is not a number (with its country code) or an address at all
	 * @throws VerificationRefusedException when the code for the registered number was not sent (a sending
	 * limit): only someone who typed the person's own number learns this
	 */
	@Transactional
	public boolean sendCode(String resetId, ResetOption option, String typed) {
		PasswordReset reset = locked(resetId, PasswordReset.Status.OPEN);
		Optional<String> destination = proofs.destination(option, typed);
		if (destination.isEmpty()) {
			return false;
		}
		String challengeId = proofs.sendCode(reset, option, destination.get());
		reset.awaitCode(option, proofs.mask(option, destination.get()), challengeId);
		resets.save(reset);
		return true;
	}

	/** A code typed for the code sent last (a text, call or email). */
	@Transactional
	public Outcome checkCode(String resetId, ResetOption option, String code) {
		PasswordReset reset = locked(resetId, PasswordReset.Status.OPEN);
		if (!option.name().equals(reset.getPendingOption())) {
			throw new ResetNotFoundException();
		}
		return outcome(reset, option, proofs.codeIsRight(reset, code));
	}

	/** A code from the person's authenticator app. */
	@Transactional
	public Outcome checkAppCode(String resetId, String code) {
		PasswordReset reset = locked(resetId, PasswordReset.Status.OPEN);
		return outcome(reset, proofs.option(ResetWay.Proof.APP_CODE), proofs.appCodeIsRight(reset, code));
	}

	/** Answers to security questions, by question id. */
	@Transactional
	public Outcome checkAnswers(String resetId, Map<Long, String> answers) {
		PasswordReset reset = locked(resetId, PasswordReset.Status.OPEN);
		return outcome(reset, proofs.option(ResetWay.Proof.ANSWERS), proofs.answersAreRight(reset, answers));
	}

	/**
	 * Gives the verified person their new password, and tells the other modules (which end every session and tell
	 * the person) by {@link PasswordChanged}, in this transaction.
	 * @return why the password was refused, as a message key; empty when it was reset
	 * @throws ResetNotFoundException when the reset is not verified
	 */
	@Transactional
	public Optional<String> complete(String resetId, String newPassword, String clientIp) {
		PasswordReset reset = locked(resetId, PasswordReset.Status.VERIFIED);
		long accountId = reset.getAccountId();
		Optional<String> refusal = forgottenPasswords.refusal(accountId, newPassword);
		if (refusal.isPresent()) {
			return refusal;
		}
		Instant now = clock.instant();
		forgottenPasswords.replace(accountId, newPassword);
		reset.complete(now);
		resets.save(reset);
		events.publishEvent(
				new PasswordChanged(accountId, now, clientIp, null, true, List.copyOf(reset.provenTypes())));
		return Optional.empty();
	}

	/** Whether the reset was completed: what the last page checks before it says so. */
	@Transactional(readOnly = true)
	public boolean isCompleted(String resetId) {
		return resets.findById(resetId).map(reset -> reset.getStatus() == PasswordReset.Status.COMPLETED).orElse(false);
	}

	/**
	 * Saves what the answer did to the reset explicitly: the checks before may have cleared the persistence context
	 * (their conditional updates do), which leaves the reset detached.
	 */
	private Outcome outcome(PasswordReset reset, ResetOption option, boolean right) {
		if (right) {
			reset.prove(option.typeId());
			resets.save(reset);
			events.publishEvent(new ResetProofChecked(reset.getAccountId(), option.typeId(), option.channel(),
					true, false));
			return reset.getStatus() == PasswordReset.Status.VERIFIED ? Outcome.VERIFIED : Outcome.NEXT_METHOD;
		}
		resets.countWrongAnswer(reset.getId(), properties.maxWrongAnswers());
		boolean ended = resets.findById(reset.getId())
			.map(counted -> counted.getStatus() == PasswordReset.Status.ENDED)
			.orElse(true);
		if (reset.getAccountId() != null) {
			events.publishEvent(new ResetProofChecked(reset.getAccountId(), option.typeId(), option.channel(),
					false, ended));
		}
		return ended ? Outcome.ENDED : Outcome.WRONG;
	}

	private PasswordReset open(String resetId, PasswordReset.Status... statuses) {
		return inState(resetId == null ? null : resets.findById(resetId).orElse(null), statuses);
	}

	/**
	 * The reset, locked until this transaction ends, when it is in one of these states. Every step that changes a
	 * reset takes it so: its state is read under the lock, so an answer checked after the reset ended finds it
	 * ended, and nothing written back from an earlier read undoes what another step did.
	 */
	private PasswordReset locked(String resetId, PasswordReset.Status... statuses) {
		return inState(resetId == null ? null : resets.findForUpdate(resetId).orElse(null), statuses);
	}

	private PasswordReset inState(PasswordReset reset, PasswordReset.Status... statuses) {
		if (reset == null || reset.isExpiredAt(clock.instant()) || !List.of(statuses).contains(reset.getStatus())) {
			throw new ResetNotFoundException();
		}
		return reset;
	}

	private String newId() {
		byte[] bytes = new byte[32];
		random.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	/** The per-account limit counts the email, so that it works alike for emails that are no one's. */
	static String digest(String email) {
		try {
			byte[] hash = MessageDigest.getInstance("SHA-256")
				.digest(EmailAddresses.normalize(email).getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(hash);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
