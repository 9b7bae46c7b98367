package io.securityinfo.sessions;

import java.util.Map;
import java.util.Objects;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.securityinfo.account.Accounts;

/**
 * A person's sessions, on every app instance: they live in the database (Spring Session JDBC), indexed by the
 * principal's name, so deleting them there signs the person out wherever they are signed in. The next request of
 * an ended session finds no session and goes to sign-in.
 * <p>
 * Without Spring Session (the servlet container keeps the sessions, as in the MockMvc tests) there is no index to
 * find another session by: nothing but the session that asks can be ended, and this says so in the log.
 */
@Service
public class Sessions {

	private static final Logger log = LoggerFactory.getLogger(Sessions.class);

	private final ObjectProvider<FindByIndexNameSessionRepository<?>> repository;

	private final Accounts accounts;

	private final ApplicationEventPublisher events;

	Sessions(ObjectProvider<FindByIndexNameSessionRepository<?>> repository, Accounts accounts,
			ApplicationEventPublisher events) {
		this.repository = repository;
		this.accounts = accounts;
		this.events = events;
	}

	/**
	 * "Sign out everywhere": ends every session of the person, the one asking included (its caller signs that one
	 * out of the request too), and tells how many sessions ended ({@link SignedOutEverywhere}).
	 */
	@Transactional
	public int signOutEverywhere(long accountId) {
		int ended = endAll(accountId);
		events.publishEvent(new SignedOutEverywhere(accountId, ended));
		return ended;
	}

	/** Ends every session of the person; answers how many there were. */
	public int endAll(long accountId) {
		return endAllExcept(accountId, null);
	}

	/**
	 * Ends every session of the person but the one with this id (null: every one); answers how many were ended.
	 * Each delete is its own statement, committed at once whatever the caller's transaction does.
	 */
	public int endAllExcept(long accountId, String keepSessionId) {
		FindByIndexNameSessionRepository<?> sessions = repository.getIfAvailable();
		if (sessions == null) {
			log.warn("Sessions are kept by the servlet container, not in the database: the other sessions of "
					+ "account {} cannot be found and were not ended", accountId);
			return 0;
		}
		String principalName = accounts.find(accountId).map(account -> account.email()).orElse(null);
		if (principalName == null) {
			return 0;
		}
		Map<String, ?> found = sessions.findByPrincipalName(principalName);
		int ended = 0;
		for (String sessionId : found.keySet()) {
			if (!Objects.equals(sessionId, keepSessionId)) {
				sessions.deleteById(sessionId);
				ended++;
			}
		}
		log.info("Ended {} sessions of account {}", ended, accountId);
		return ended;
	}

}
