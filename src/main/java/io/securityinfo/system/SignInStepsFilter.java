package io.securityinfo.system;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import io.securityinfo.account.SignInStep;
import io.securityinfo.account.SignInSteps;
import io.securityinfo.account.SignedInUser;
import io.securityinfo.twostep.LocalPaths;

/**
 * Holds a freshly signed-in person at the first step after sign-in that still has something to ask, and lets
 * them through everywhere once none has. Costs nothing after that: the session then carries no pending mark.
 */
class SignInStepsFilter extends OncePerRequestFilter {

	// The challenge page of two-step verification and the password page come before any step: a step's own pages
	// may need a fresh factor.
	private static final List<String> ALWAYS_ALLOWED = List.of("/logout", "/css/", "/images/", "/js/", "/favicon",
			"/error", "/dev/outbox", "/actuator/", "/two-step", "/login");

	private final List<SignInStep> steps;

	SignInStepsFilter(List<SignInStep> steps) {
		this.steps = steps;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		HttpSession session = request.getSession(false);
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (session == null || session.getAttribute(SignInSteps.PENDING_ATTRIBUTE) == null
				|| !(authentication != null && authentication.getPrincipal() instanceof SignedInUser user)) {
			chain.doFilter(request, response);
			return;
		}
		String path = request.getRequestURI().substring(request.getContextPath().length());
		for (SignInStep step : steps) {
			Optional<String> page = step.pendingPage(user, session);
			if (page.isPresent()) {
				if (step.allows(path) || ALWAYS_ALLOWED.stream().anyMatch(path::startsWith)) {
					chain.doFilter(request, response);
				}
				else {
					rememberWhereTheyWereGoing(request, session, path);
					response.sendRedirect(request.getContextPath() + page.get());
				}
				return;
			}
		}
		session.removeAttribute(SignInSteps.PENDING_ATTRIBUTE);
		chain.doFilter(request, response);
	}

	private static void rememberWhereTheyWereGoing(HttpServletRequest request, HttpSession session, String path) {
		if ("GET".equals(request.getMethod()) && session.getAttribute(SignInSteps.CONTINUE_TO_ATTRIBUTE) == null
				&& !"/".equals(path) && LocalPaths.isLocal(path)) {
			// Spring Security marks the request it replays after sign-in with a bare "continue" parameter.
			String query = request.getQueryString();
			boolean plain = query == null || query.isEmpty() || "continue".equals(query);
			session.setAttribute(SignInSteps.CONTINUE_TO_ATTRIBUTE, path + (plain ? "" : "?" + query));
		}
	}

}
