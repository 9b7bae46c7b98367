package io.securityinfo.securityinfo.interrupt;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import jakarta.servlet.http.HttpSession;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import io.securityinfo.securityinfo.MethodTypes;
import io.securityinfo.securityinfo.RegistrationSkipped;
import io.securityinfo.securityinfo.SecurityInfo;
import io.securityinfo.securityinfo.SecurityInfoConfirmed;
import io.securityinfo.account.Accounts;
import io.securityinfo.account.RegistrationState;
import io.securityinfo.account.SignInStep;
import io.securityinfo.account.SignInSteps;
import io.securityinfo.account.SignedInUser;
import io.securityinfo.policy.RegistrationPolicy;
import io.securityinfo.policy.RegistrationRules;
import io.securityinfo.policy.TwoStepPolicy;

/**
 * "More information required": after sign-in, a person with fewer methods than the registration policy asks for
 * registers them first (or skips, while the policy's days to skip last), and a person whose security info is due
 * for reconfirmation confirms it.
 */
@Component
@Order(10)
public class RegistrationInterrupt implements SignInStep {

	static final String PAGE = "/security-info/interrupt";

	private static final String SKIPPED_ATTRIBUTE = RegistrationInterrupt.class.getName() + ".skipped";

	private static final String ASKED_ATTRIBUTE = RegistrationInterrupt.class.getName() + ".asked";

	enum Kind {

		NONE, REGISTER, RECONFIRM

	}

	/** What to ask of a person now, and whether they may skip it. */
	/**
	 * @param forTwoStep whether the person is held only because two-step verification applies to them and they have
	 * no method to give a second factor with: one such method lets them go on, whatever the reset policy counts
	 * @param forPhishingResistance whether the person is held because they must sign in phishing-resistantly and
	 * have no such method yet (a passkey): registering one lets them go on
	 */
	record Decision(Kind kind, boolean canSkip, int methodsRequired, boolean forTwoStep,
			boolean forPhishingResistance) {

		Decision(Kind kind, boolean canSkip, int methodsRequired, boolean forTwoStep) {
			this(kind, canSkip, methodsRequired, forTwoStep, false);
		}

	}

	private final RegistrationPolicy policy;

	private final Accounts accounts;

	private final SecurityInfo securityInfo;

	private final ApplicationEventPublisher events;

	private final MethodTypes types;

	private final TwoStepPolicy twoStepPolicy;

	private final Clock clock;

	RegistrationInterrupt(RegistrationPolicy policy, Accounts accounts, SecurityInfo securityInfo,
			ApplicationEventPublisher events, MethodTypes types, TwoStepPolicy twoStepPolicy, Clock clock) {
		this.types = types;
		this.twoStepPolicy = twoStepPolicy;
		this.policy = policy;
		this.accounts = accounts;
		this.securityInfo = securityInfo;
		this.events = events;
		this.clock = clock;
	}

	@Override
	public Optional<String> pendingPage(SignedInUser user, HttpSession session) {
		if (session.getAttribute(SKIPPED_ATTRIBUTE) != null) {
			return Optional.empty();
		}
		return decide(user.id()).kind() == Kind.NONE ? Optional.empty() : Optional.of(PAGE);
	}

	/** The interrupt's own pages and the add flows it leads into; Security info itself waits until it is done. */
	@Override
	public boolean allows(String path) {
		return path.startsWith(PAGE) || path.equals("/security-info/add")
				|| types.all().stream().anyMatch(type -> type.addPath() != null && path.startsWith(type.addPath()));
	}

	Decision decide(long accountId) {
		RegistrationRules rules = policy.current();
		RegistrationState state = accounts.registrationState(accountId);
		int methods = securityInfo.count(accountId);
		int required = Math.max(1, rules.methodsRequiredForReset());
		boolean forced = state.registrationRequired();
		if (forced ? methods < required : rules.requireRegistration() && methods < required) {
			return new Decision(Kind.REGISTER, !forced && maySkip(rules, state) && !mustRegisterForTwoStep(accountId),
					required, false);
		}
		// Two-step verification required but nothing to give it with: a method that can sign in comes first.
		if (mustRegisterForTwoStep(accountId)) {
			return new Decision(Kind.REGISTER, false, 1, true);
		}
		// Phishing-resistant sign-in required but no such method yet: one comes next, without "Skip for now".
		if (securityInfo.mustRegisterPhishingResistantMethod(accountId)) {
			return new Decision(Kind.REGISTER, false, 1, false, true);
		}
		if (rules.mayReconfirm() && methods > 0 && isDueForReconfirmation(rules, state)) {
			return new Decision(Kind.RECONFIRM, false, required, false);
		}
		return new Decision(Kind.NONE, false, required, false);
	}

	/**
	 * Where "Done" leads after a method was added, for every add flow: back into the interrupt while it holds the
	 * person or once it was shown to them in this session (it asks for the next method or lets them go on; the
	 * pending mark is gone when adding a method was all it asked), else to Security info.
	 */
	public static String doneUrl(HttpSession session) {
		boolean registering = wasAsked(session) || session.getAttribute(SignInSteps.PENDING_ATTRIBUTE) != null;
		return registering ? PAGE + "/continue" : "/security-info";
	}

	void markPrompted(long accountId) {
		accounts.markRegistrationPrompted(accountId);
	}

	/**
	 * Remembers that this session was shown the step's page, so that a method added from it leads back to it even
	 * when adding it was all the step asked: the pending mark is gone by then.
	 */
	static void markAsked(HttpSession session) {
		session.setAttribute(ASKED_ATTRIBUTE, Boolean.TRUE);
	}

	/** Whether a method added in this session should lead back to this step ("Done") rather than to Security info. */
	static boolean wasAsked(HttpSession session) {
		return session.getAttribute(ASKED_ATTRIBUTE) != null;
	}

	static void clearAsked(HttpSession session) {
		session.removeAttribute(ASKED_ATTRIBUTE);
	}

	/** Skips registration for the rest of this session, when the policy still allows skipping. */
	boolean skip(long accountId, HttpSession session) {
		Decision decision = decide(accountId);
		if (decision.kind() != Kind.REGISTER || !decision.canSkip()) {
			return false;
		}
		session.setAttribute(SKIPPED_ATTRIBUTE, Boolean.TRUE);
		events.publishEvent(new RegistrationSkipped(accountId));
		return true;
	}

	/** The person says their security info is right, or has just registered what was asked. */
	void confirm(long accountId) {
		accounts.confirmSecurityInfo(accountId);
		events.publishEvent(new SecurityInfoConfirmed(accountId));
	}

	private boolean mustRegisterForTwoStep(long accountId) {
		return twoStepPolicy.appliesTo(accountId) && !securityInfo.hasSignInOption(accountId);
	}

	private boolean maySkip(RegistrationRules rules, RegistrationState state) {
		if (!rules.maySkip()) {
			return false;
		}
		Instant firstPrompted = state.firstPromptedAt();
		return firstPrompted == null
				|| clock.instant().isBefore(firstPrompted.plus(Duration.ofDays(rules.skipDays())));
	}

	private boolean isDueForReconfirmation(RegistrationRules rules, RegistrationState state) {
		return state.confirmedAt() == null
				|| !clock.instant().isBefore(state.confirmedAt().plus(Duration.ofDays(rules.reconfirmDays())));
	}

}
