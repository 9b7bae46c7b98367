package io.securityinfo.totp;

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
		this.updatedAt = now;
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
