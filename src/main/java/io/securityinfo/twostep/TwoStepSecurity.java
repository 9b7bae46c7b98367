package io.securityinfo.twostep;

import java.time.Clock;

import jakarta.servlet.http.HttpSession;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.DefaultRedirectStrategy;
import org.springframework.security.web.RedirectStrategy;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.stereotype.Component;

import io.securityinfo.account.SignInSteps;
import io.securityinfo.account.SignedInUser;
import io.securityinfo.totp.AuthenticatorApps;
import io.securityinfo.verification.VerificationCodes;
import io.securityinfo.policy.TwoStepPolicy;
import io.securityinfo.securityinfo.RecoveryCodeCheck;
import io.securityinfo.securityinfo.SecurityInfo;

/**
 * What the security configuration needs of two-step verification: the rules for pages, the code form's filter,
 * where a missing factor sends the person, and the decision taken once at password sign-in.
 */
@Component
public class TwoStepSecurity {

	/** Where a person with no method gives the password again before a change. */
	static final String PASSWORD_AGAIN_PAGE = "/login?again";

	private final TwoStepAuthorization authorization;

	private final SecondFactorAuthenticationProvider provider;

	private final SecurityInfo securityInfo;

	private final TwoStepPolicy twoStepPolicy;

	private final SecondFactors secondFactors;

	private final RecoveryCodeCheck recoveryCodes;

	private final RequestCache requestCache = new FormPageRequestCache();

	TwoStepSecurity(StepUpProperties stepUp, Clock clock, SecurityInfo securityInfo, TwoStepPolicy twoStepPolicy,
			VerificationCodes codes, AuthenticatorApps apps, ApplicationEventPublisher events,
			SecondFactors secondFactors, RecoveryCodeCheck recoveryCodes) {
		this.authorization = new TwoStepAuthorization(stepUp.validFor(), clock, securityInfo,
				secondFactors.authorities());
		this.provider = new SecondFactorAuthenticationProvider(securityInfo, codes, apps, recoveryCodes, events, clock);
		this.recoveryCodes = recoveryCodes;
		this.securityInfo = securityInfo;
		this.twoStepPolicy = twoStepPolicy;
		this.secondFactors = secondFactors;
	}

	/** Signed in, with the second factor when the policy required it at this person's sign-in. */
	public AuthorizationManager<RequestAuthorizationContext> signedIn() {
		return authorization.signedIn();
	}

	/** Administrators, with a second factor when they have a method to give one with. */
	public AuthorizationManager<RequestAuthorizationContext> admin() {
		return authorization.admin();
	}

	/** Adding, changing or deleting security info: a recent factor. */
	public AuthorizationManager<RequestAuthorizationContext> stepUp() {
		return authorization.stepUp();
	}

	/** The pages of the challenge itself, open to anyone signed in with a password. */
	public String[] challengePages() {
		return new String[] { TwoStepController.PAGE, TwoStepController.PAGE + "/**" };
	}

	/** Where to go back after sign-in or a factor: the page, or the page of the refused form. */
	public RequestCache requestCache() {
		return requestCache;
	}

	/**
	 * Adds the code form's filter and sends a person missing a factor to the page that asks for it: the challenge
	 * page for a second factor, the sign-in page for the password.
	 */
	public void configure(HttpSecurity http) throws Exception {
		AuthenticationEntryPoint challenge = redirectTo(TwoStepController.PAGE);
		AuthenticationEntryPoint passwordAgain = redirectTo(PASSWORD_AGAIN_PAGE);
		http.addFilterAfter(new SecondFactorFilter(provider, requestCache, recoveryCodes), UsernamePasswordAuthenticationFilter.class)
			.addFilterBefore(new PolicyRecheckFilter(this, twoStepPolicy), AuthorizationFilter.class)
			.requestCache(cache -> cache.requestCache(requestCache))
			.exceptionHandling(exceptions -> {
				secondFactors.authorities()
					.forEach(authority -> exceptions.defaultDeniedHandlerForMissingAuthority(challenge, authority));
				exceptions.defaultDeniedHandlerForMissingAuthority(passwordAgain,
						FactorGrantedAuthority.PASSWORD_AUTHORITY);
			});
	}

	private static AuthenticationEntryPoint redirectTo(String page) {
		RedirectStrategy redirect = new DefaultRedirectStrategy();
		return (request, response, exception) -> redirect.sendRedirect(request, response, page);
	}

	/**
	 * Decides, once per password sign-in, whether this person must give a second factor now (the two-step policy,
	 * or phishing-resistant sign-in, applies to them and they have a method to give it with), and remembers it in the session.
	 * @return whether the second factor is still to be given
	 */
	public boolean signedInWithPassword(HttpSession session, Authentication authentication) {
		if (!(authentication.getPrincipal() instanceof SignedInUser user)) {
			return false;
		}
		// Read before the policy itself: a save in between leaves the session on the older version, to decide again.
		long policyVersion = twoStepPolicy.version();
		boolean available = securityInfo.hasSignInOption(user.id());
		boolean required = available && isRequiredOf(user.id());
		TwoStepSession.signedInWithPassword(session, policyVersion, available, required);
		return required && !secondFactors.isGivenIn(authentication);
	}

	/**
	 * Decides again, as at sign-in, for a session decided under an older policy, and has the steps after sign-in
	 * (the registration interrupt) look at it again.
	 */
	void policyChanged(HttpSession session, SignedInUser user, long policyVersion) {
		boolean available = securityInfo.hasSignInOption(user.id());
		boolean required = available && isRequiredOf(user.id());
		TwoStepSession.decided(session, policyVersion, available, required);
		session.setAttribute(SignInSteps.PENDING_ATTRIBUTE, Boolean.TRUE);
	}

	/**
	 * The policy requires a second factor of this person, or they must sign in phishing-resistantly and have such a
	 * method: then the password alone is not enough, whatever the two-step policy says.
	 */
	private boolean isRequiredOf(long accountId) {
		return twoStepPolicy.appliesTo(accountId) || securityInfo.mustSignInPhishingResistantly(accountId);
	}

	/** Where the person gives the second factor. */
	public String challengePage() {
		return TwoStepController.PAGE;
	}

}
