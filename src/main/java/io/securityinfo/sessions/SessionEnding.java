package io.securityinfo.sessions;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import io.securityinfo.account.AccountDisabled;
import io.securityinfo.account.PasswordChanged;

/**
 * Ends sessions when a change elsewhere makes them unsafe to keep, once that change is committed: a new password
 * (every session but the one that changed it; after a reset, every one) and a disabled account.
 */
@Component
class SessionEnding {

	private final Sessions sessions;

	SessionEnding(Sessions sessions) {
		this.sessions = sessions;
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(PasswordChanged changed) {
		sessions.endAllExcept(changed.accountId(), changed.keepSessionId());
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(AccountDisabled disabled) {
		sessions.endAll(disabled.accountId());
	}

}
