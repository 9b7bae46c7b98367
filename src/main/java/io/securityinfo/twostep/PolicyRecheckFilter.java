package io.securityinfo.twostep;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import io.securityinfo.account.SignedInUser;
import io.securityinfo.policy.TwoStepPolicy;

/**
 * Brings a session signed in under an older two-step policy under the one in force, before its request is
 * authorized: a person whom the policy now requires a second factor of is sent to give it, one with no method to
 * register, as a sign-in now would. Costs nothing while the policy is unchanged: its version is known in memory,
 * and the session's is in the session; only the first request after a change reads the policy for that person.
 */
class PolicyRecheckFilter extends OncePerRequestFilter {

	private final TwoStepSecurity twoStep;

	private final TwoStepPolicy policy;

	PolicyRecheckFilter(TwoStepSecurity twoStep, TwoStepPolicy policy) {
		this.twoStep = twoStep;
		this.policy = policy;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		HttpSession session = request.getSession(false);
		if (session != null) {
			long version = policy.version();
			Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
			if (TwoStepSession.decidedUnderAnotherPolicy(session, version)
					&& authentication != null && authentication.getPrincipal() instanceof SignedInUser user) {
				twoStep.policyChanged(session, user, version);
			}
		}
		chain.doFilter(request, response);
	}

}
