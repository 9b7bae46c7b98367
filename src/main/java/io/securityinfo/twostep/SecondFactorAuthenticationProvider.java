package io.securityinfo.twostep;

import java.time.Clock;
import java.util.List;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.FactorGrantedAuthority;

import io.securityinfo.account.SignedInUser;
import io.securityinfo.phone.PhoneNumbers;
import io.securityinfo.securityinfo.RecoveryCodeCheck;
import io.securityinfo.securityinfo.SecurityInfo;
import io.securityinfo.securityinfo.SignInOption;
import io.securityinfo.totp.AppCodeCheck;
import io.securityinfo.totp.AuthenticatorApps;
import io.securityinfo.twostep.SecondFactorChecked.Outcome;
import io.securityinfo.verification.ChallengeView;
import io.securityinfo.verification.CheckResult;
import io.securityinfo.verification.VerificationCodes;

/**
 * Checks a second factor: the person, the method and mode they were asked for (still theirs and still allowed),
 * the challenge sent for it and the code, together. Codes of texts and calls follow the verification rules
 * (lifetime, attempts, lockout, single use: all in the database); codes of an authenticator app those of the app.
 * The answer carries only the new factor; the filter adds the factors given before.
 */
// Not a bean: an AuthenticationProvider bean would replace the password provider Spring Boot sets up.
class SecondFactorAuthenticationProvider implements AuthenticationProvider {

	private final SecurityInfo securityInfo;

	private final VerificationCodes codes;

	private final AuthenticatorApps apps;

	private final ApplicationEventPublisher events;

	private final RecoveryCodeCheck recoveryCodes;

	private final Clock clock;

	SecondFactorAuthenticationProvider(SecurityInfo securityInfo, VerificationCodes codes, AuthenticatorApps apps,
			RecoveryCodeCheck recoveryCodes, ApplicationEventPublisher events, Clock clock) {
		this.recoveryCodes = recoveryCodes;
		this.securityInfo = securityInfo;
		this.codes = codes;
		this.apps = apps;
		this.events = events;
		this.clock = clock;
	}

	/** Told to a person who must sign in phishing-resistantly and sent a code by text, call or app instead. */
	static final String PHISHING_RESISTANT_REQUIRED = "twostep.phishing-resistant.required";

	@Override
	public Authentication authenticate(Authentication authentication) throws AuthenticationException {
		SecondFactorAuthentication typed = (SecondFactorAuthentication) authentication;
		SignedInUser user = typed.user();
		TwoStepSession.Attempt attempt = typed.attempt();
		SignInOption option = securityInfo.signInOptions(user.id())
			.stream()
			.filter(candidate -> attempt != null && attempt.isFor(candidate.methodId(), candidate.mode()))
			.findFirst()
			.orElseThrow(() -> new SecondFactorException(securityInfo.mustSignInPhishingResistantly(user.id())
					? PHISHING_RESISTANT_REQUIRED : "twostep.code.none"));
		if (option.mode().sendsCode()) {
			checkSentCode(user.id(), option, attempt.challengeId(), typed.code());
		}
		else if (recoveryCodes.checks(option.mode().name())) {
			if (!recoveryCodes.use(user.id(), typed.code())) {
				throw failed(user.id(), option, "twostep.code.wrong.recovery");
			}
		}
		else {
			checkAppCode(user.id(), option, typed.code());
		}
		checked(user.id(), option, Outcome.SUCCEEDED);
		return SecondFactorAuthentication.authenticated(user,
				List.of(FactorGrantedAuthority.withFactor(option.mode().secondFactor()).issuedAt(clock.instant()).build()));
	}

	private void checkAppCode(long accountId, SignInOption option, String code) {
		AppCodeCheck check = apps.verify(accountId, option.methodId(), code);
		switch (check) {
			case ACCEPTED -> {
			}
			case WRONG -> throw failed(accountId, option, "twostep.code.wrong.app");
			case ALREADY_USED -> throw failed(accountId, option, "twostep.code.already-used.app");
			case LOCKED_OUT -> throw lockedOut(accountId, option);
			case DISABLED -> throw lockedOut(accountId, option, "twostep.code.disabled.app");
		}
	}

	private void checkSentCode(long accountId, SignInOption option, String challengeId, String code) {
		ChallengeView challenge = challengeId == null ? null
				: codes.find(accountId, challengeId, Set.of(option.mode().channel())).orElse(null);
		if (challenge == null || !challenge.destination().equals(option.destination())) {
			throw new SecondFactorException("twostep.code.none");
		}
		CheckResult result = codes.check(accountId, challengeId, code);
		if (result instanceof CheckResult.Verified) {
			return;
		}
		if (result instanceof CheckResult.LockedOut) {
			throw lockedOut(accountId, option);
		}
		throw failed(accountId, option, result.messageKey("twostep.code."), result.messageArguments());
	}

	private SecondFactorException failed(long accountId, SignInOption option, String messageKey,
			Object... arguments) {
		checked(accountId, option, Outcome.FAILED);
		return new SecondFactorException(messageKey, arguments);
	}

	private SecondFactorException lockedOut(long accountId, SignInOption option) {
		return lockedOut(accountId, option, "twostep.code.locked-out");
	}

	private SecondFactorException lockedOut(long accountId, SignInOption option, String messageKey) {
		checked(accountId, option, Outcome.LOCKED_OUT);
		return new SecondFactorException(messageKey);
	}

	private void checked(long accountId, SignInOption option, Outcome outcome) {
		events.publishEvent(new SecondFactorChecked(accountId, option.mode(),
				option.destination() == null ? null : PhoneNumbers.mask(option.destination()), outcome));
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return SecondFactorAuthentication.class.isAssignableFrom(authentication);
	}

}
