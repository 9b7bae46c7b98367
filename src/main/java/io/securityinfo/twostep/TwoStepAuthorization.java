package io.securityinfo.twostep;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.springframework.security.authorization.AllRequiredFactorsAuthorizationManager;
import org.springframework.security.authorization.AuthenticatedAuthorizationManager;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.FactorAuthorizationDecision;
import org.springframework.security.authorization.RequiredFactorError;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

import io.securityinfo.account.SignedInUser;
import io.securityinfo.securityinfo.SecurityInfo;

/**
 * The authorization rules of two-step verification, built from Spring Security's required factors. A person
 * gives one second factor of several (text, call, app), so "a second factor" is granted when any of them is; when
 * none is, the decision lists every missing one and the access-denied handler sends the person to the challenge
 * page.
 */
final class TwoStepAuthorization {

	private final List<AllRequiredFactorsAuthorizationManager<RequestAuthorizationContext>> anySecondFactor;

	private final List<AllRequiredFactorsAuthorizationManager<RequestAuthorizationContext>> recentSecondFactor;

	private final AllRequiredFactorsAuthorizationManager<RequestAuthorizationContext> recentPassword;

	private final SecurityInfo securityInfo;

	TwoStepAuthorization(Duration stepUpValidFor, Clock clock, SecurityInfo securityInfo,
			List<String> secondFactorAuthorities) {
		this.securityInfo = securityInfo;
		this.anySecondFactor = secondFactorAuthorities.stream().map(authority -> factor(authority, null, clock)).toList();
		this.recentSecondFactor = secondFactorAuthorities.stream()
			.map(authority -> factor(authority, stepUpValidFor, clock))
			.toList();
		this.recentPassword = factor(FactorGrantedAuthority.PASSWORD_AUTHORITY, stepUpValidFor, clock);
	}

	/**
	 * Signed in, and, when the policy required a second factor at this person's sign-in, with one given.
	 */
	AuthorizationManager<RequestAuthorizationContext> signedIn() {
		AuthorizationManager<RequestAuthorizationContext> authenticated = AuthenticatedAuthorizationManager
			.authenticated();
		return (authentication, context) -> {
			AuthorizationResult signedIn = authenticated.authorize(authentication, context);
			if (!signedIn.isGranted() || !TwoStepSession.isRequired(context.getRequest())) {
				return signedIn;
			}
			return anyOf(anySecondFactor, authentication, context);
		};
	}

	/**
	 * An administrator, with a second factor given when they have a method to give it with, whatever the policy
	 * says about others.
	 */
	AuthorizationManager<RequestAuthorizationContext> admin() {
		AuthorizationManager<RequestAuthorizationContext> signedIn = signedIn();
		AuthorizationManager<RequestAuthorizationContext> admin = AuthorityAuthorizationManager.hasRole("ADMIN");
		return (authentication, context) -> {
			AuthorizationResult result = signedIn.authorize(authentication, context);
			if (!result.isGranted()) {
				return result;
			}
			result = admin.authorize(authentication, context);
			if (!result.isGranted() || !Boolean.TRUE.equals(TwoStepSession.wasAvailable(context.getRequest()))) {
				return result;
			}
			return anyOf(anySecondFactor, authentication, context);
		};
	}

	/**
	 * Step-up before security info changes: a second factor given within the configured time. A person with no
	 * method to give one with gives the password within that time instead; so does a person who had none when they
	 * signed in and registered their first in this session, while that password is recent (the registration
	 * interrupt right after sign-in), after which their new method is asked for.
	 */
	AuthorizationManager<RequestAuthorizationContext> stepUp() {
		AuthorizationManager<RequestAuthorizationContext> signedIn = signedIn();
		return (authentication, context) -> {
			AuthorizationResult result = signedIn.authorize(authentication, context);
			if (!result.isGranted()) {
				return result;
			}
			FactorAuthorizationDecision recent = anyOf(recentSecondFactor, authentication, context);
			if (recent.isGranted()) {
				return recent;
			}
			if (!hasMethod(authentication.get())) {
				return recentPassword.authorize(authentication, context);
			}
			if (Boolean.FALSE.equals(TwoStepSession.wasAvailable(context.getRequest()))) {
				FactorAuthorizationDecision password = recentPassword.authorize(authentication, context);
				if (password.isGranted()) {
					return password;
				}
			}
			return recent;
		};
	}

	private boolean hasMethod(Authentication authentication) {
		return authentication.getPrincipal() instanceof SignedInUser user && securityInfo.hasSignInOption(user.id());
	}

	private static FactorAuthorizationDecision anyOf(
			List<AllRequiredFactorsAuthorizationManager<RequestAuthorizationContext>> factors,
			Supplier<? extends Authentication> authentication, RequestAuthorizationContext context) {
		List<RequiredFactorError> errors = new ArrayList<>();
		for (AllRequiredFactorsAuthorizationManager<RequestAuthorizationContext> factor : factors) {
			FactorAuthorizationDecision decision = factor.authorize(authentication, context);
			if (decision.isGranted()) {
				return decision;
			}
			errors.addAll(decision.getFactorErrors());
		}
		return new FactorAuthorizationDecision(errors);
	}

	private static AllRequiredFactorsAuthorizationManager<RequestAuthorizationContext> factor(String authority,
			Duration validFor, Clock clock) {
		AllRequiredFactorsAuthorizationManager<RequestAuthorizationContext> manager = AllRequiredFactorsAuthorizationManager
			.<RequestAuthorizationContext>builder()
			.requireFactor(required -> {
				required.authority(authority);
				if (validFor != null) {
					required.validDuration(validFor);
				}
			})
			.build();
		manager.setClock(clock);
		return manager;
	}

}
