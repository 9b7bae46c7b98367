package io.securityinfo.totp;

import java.time.Duration;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A registered app's secret, kept beside its security method (same id; deleted with it by the database), and the
 * last time step a code was accepted for, so that no code is accepted twice.
 */
@Entity
@Table(name = "authenticator_app")
class AuthenticatorApp {

	@Id
	@Column(name = "method_id")
	private Long methodId;

	@Column(name = "account_id", nullable = false)
	private long accountId;

	@Column(name = "encrypted_secret", nullable = false)
	private byte[] encryptedSecret;

	@Column(name = "last_accepted_step", nullable = false)
	private long lastAcceptedStep;

	@Column(name = "consecutive_failures", nullable = false)
	private int consecutiveFailures;

	@Column(name = "locked_until")
	private Instant lockedUntil;

	/** Wrong codes since the last accepted one: unlike {@link #consecutiveFailures}, not reset by a lock. */
	@Column(name = "failures_since_success", nullable = false)
	private int failuresSinceSuccess;

	@Column(name = "disabled_at")
	private Instant disabledAt;

	@Column(name = "updated_at", nullable = false)
	private Instant updatedAt;

	protected AuthenticatorApp() {
	}

	AuthenticatorApp(long methodId, long accountId) {
		this.methodId = methodId;
		this.accountId = accountId;
	}

	/** A new secret, proven by a code of {@code acceptedStep}: the earlier app's secret and failures are gone. */
	void replaceSecret(byte[] encryptedSecret, long acceptedStep, Instant now) {
		this.encryptedSecret = encryptedSecret;
		this.lastAcceptedStep = acceptedStep;
		this.consecutiveFailures = 0;
		this.lockedUntil = null;
		this.failuresSinceSuccess = 0;
		this.disabledAt = null;
		this.updatedAt = now;
	}

	/**
	 * Counts a wrong code. Every {@code maxInARow} wrong codes in a row lock the app for {@code lockout}; at
	 * {@code maxBeforeDisabled} wrong codes since the last accepted one, locks included, it is disabled.
	 */
	void countFailure(int maxInARow, Duration lockout, int maxBeforeDisabled, Instant now) {
		failuresSinceSuccess++;
		consecutiveFailures++;
		if (failuresSinceSuccess >= maxBeforeDisabled) {
			disabledAt = now;
		}
		else if (consecutiveFailures >= maxInARow) {
			lockedUntil = now.plus(lockout);
			consecutiveFailures = 0;
		}
		updatedAt = now;
	}

	/**
	 * Accepts a code of this step unless the app is locked or disabled, or a code of this step or a later one was
	 * accepted before: then no code of it or before will be again, and the counts start over.
	 * @return false when the code may not be accepted
	 */
	boolean accept(long step, Instant now) {
		if (isDisabled() || isLockedAt(now) || step <= lastAcceptedStep) {
			return false;
		}
		lastAcceptedStep = step;
		consecutiveFailures = 0;
		failuresSinceSuccess = 0;
		updatedAt = now;
		return true;
	}

	/** Too many wrong codes since the last accepted one: no code is checked until the app is set up again. */
	boolean isDisabled() {
		return disabledAt != null;
	}

	boolean isLockedAt(Instant now) {
		return lockedUntil != null && now.isBefore(lockedUntil);
	}

	Long getMethodId() {
		return methodId;
	}

	long getAccountId() {
		return accountId;
	}

	byte[] getEncryptedSecret() {
		return encryptedSecret;
	}

	long getLastAcceptedStep() {
		return lastAcceptedStep;
	}

}
