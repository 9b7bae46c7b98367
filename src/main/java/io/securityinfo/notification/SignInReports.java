package io.securityinfo.notification;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.securityinfo.sessions.Sessions;

/**
 * "This wasn't me" on a sign-in of "Devices and activity": the person, signed in here, says someone else signed in.
 * As with a change notification's link every other session ends and {@link NotMeReported} is audited; the person
 * then changes their password here, since whoever signed in knew it.
 */
@Service
class SignInReports {

	/** What {@link NotMeReported} names the reported change. */
	static final String SIGN_IN = "SIGN_IN";

	private final Sessions sessions;

	private final ApplicationEventPublisher events;

	SignInReports(Sessions sessions, ApplicationEventPublisher events) {
		this.sessions = sessions;
		this.events = events;
	}

	/** Ends every session of the person but this one; answers how many ended. */
	@Transactional
	int report(long accountId, String keepSessionId) {
		int ended = sessions.endAllExcept(accountId, keepSessionId);
		events.publishEvent(new NotMeReported(accountId, SIGN_IN, null, null, ended));
		return ended;
	}

}
