package io.securityinfo.system;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a session, however active, once it is older than the absolute lifetime, and sends the person to sign in
 * again ({@code /login?expired}).
 * <p>
 * A session's age is measured on the application's {@link Clock}, from a start time this filter writes into the
 * session on the request that created it. Spring Session's own creation time comes from the system clock, which
 * the rules of this app (and their tests) do not read; and the session keeps the attribute across the change of
 * id at sign-in, so the lifetime never restarts while the person stays signed in.
 */
class SessionLifetimeFilter extends OncePerRequestFilter {

	static final String STARTED_AT_ATTRIBUTE = SessionLifetimeFilter.class.getName() + ".STARTED_AT";

	static final String EXPIRED_PAGE = "/login?expired";

	private final Clock clock;

	private final Duration absoluteLifetime;

	SessionLifetimeFilter(Clock clock, Duration absoluteLifetime) {
		this.clock = clock;
		this.absoluteLifetime = absoluteLifetime;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		HttpSession session = request.getSession(false);
		if (session != null && isPastLifetime(session)) {
			session.invalidate();
			SecurityContextHolder.clearContext();
			response.sendRedirect(request.getContextPath() + EXPIRED_PAGE);
			return;
		}
		chain.doFilter(request, response);
		HttpSession created = request.getSession(false);
		if (created != null) {
			startedAt(created);
		}
	}

	private boolean isPastLifetime(HttpSession session) {
		return !clock.instant().isBefore(startedAt(session).plus(absoluteLifetime));
	}

	/** The session's start, written into it the first time this filter sees it. */
	private Instant startedAt(HttpSession session) {
		if (session.getAttribute(STARTED_AT_ATTRIBUTE) instanceof Instant startedAt) {
			return startedAt;
		}
		Instant now = clock.instant();
		session.setAttribute(STARTED_AT_ATTRIBUTE, now);
		return now;
	}

}
