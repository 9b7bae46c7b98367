package io.securityinfo.verification;

import java.time.Instant;

import org.springframework.stereotype.Component;

/**
 * Wrong codes in a row, across challenges: at {@code app.verification.max-consecutive-failures} the person can
 * neither ask for codes nor type them for {@code app.verification.lockout-duration}. A right code starts the count
 * again.
 */
@Component
class Lockouts {

	private final LockoutRepository lockouts;

	private final LockoutRows rows;

	private final VerificationProperties properties;

	Lockouts(LockoutRepository lockouts, LockoutRows rows, VerificationProperties properties) {
		this.lockouts = lockouts;
		this.rows = rows;
		this.properties = properties;
	}

	boolean isLockedOut(long accountId, Instant now) {
		return lockouts.findById(accountId).map(lockout -> lockout.isLockedAt(now)).orElse(false);
	}

	/**
	 * Locks the person's row until the transaction ends, so that their checks run one at a time; see
	 * {@link LockoutRows#lock}.
	 */
	void lockRow(long accountId) {
		rows.lock(accountId);
	}

	void resetFailures(long accountId) {
		lockouts.resetFailures(accountId);
	}

	/**
	 * Counts a wrong code.
	 * @return whether it was the one too many: the person is locked out from now on
	 */
	boolean countFailure(long accountId, Instant now) {
		lockouts.countFailure(accountId);
		return lockouts.lockWhenLimitReached(accountId, properties.maxConsecutiveFailures(),
				now.plus(properties.lockoutDuration())) == 1;
	}

}
