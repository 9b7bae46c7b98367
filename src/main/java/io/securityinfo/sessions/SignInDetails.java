package io.securityinfo.sessions;

import java.time.Clock;
import java.time.Instant;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.springframework.stereotype.Component;

/**
 * What "Devices and activity" tells of a session, kept in the session itself at sign-in: the browser's user agent,
 * the client address and when the person signed in. The session's own times say when it was last active.
 */
@Component
public class SignInDetails {

	static final String USER_AGENT = SignInDetails.class.getName() + ".userAgent";

	static final String ADDRESS = SignInDetails.class.getName() + ".address";

	static final String SIGNED_IN_AT = SignInDetails.class.getName() + ".signedInAt";

	private final Clock clock;

	SignInDetails(Clock clock) {
		this.clock = clock;
	}

	/** Keeps the details of the sign-in this request made in its session. */
	public void signedIn(HttpServletRequest request) {
		HttpSession session = request.getSession();
		String userAgent = request.getHeader("User-Agent");
		if (userAgent != null && userAgent.length() > UserAgents.MAX_LENGTH) {
			userAgent = userAgent.substring(0, UserAgents.MAX_LENGTH);
		}
		session.setAttribute(USER_AGENT, userAgent);
		session.setAttribute(ADDRESS, request.getRemoteAddr());
		session.setAttribute(SIGNED_IN_AT, clock.instant());
	}

	static Instant signedInAt(Object attribute, Instant fallback) {
		return attribute instanceof Instant instant ? instant : fallback;
	}

}
