package io.securityinfo.totp;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import io.securityinfo.ExpiringFlow;

/**
 * Setting up an app: the secret shown to the person, kept until a code from the app proves that they saved it.
 * Nothing is registered before that.
 */
@Entity
@Table(name = "authenticator_enrolment")
class Enrolment extends ExpiringFlow {

	enum Status {

		OPEN, CONFIRMED, ENDED

	}

	@Column(name = "account_id", nullable = false)
	private long accountId;

	/** Emptied once the secret is kept with the registered app: no second copy stays behind. */
	@Column(name = "encrypted_secret", nullable = false)
	private byte[] encryptedSecret;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private Status status;

	@Column(name = "wrong_attempts", nullable = false)
	private int wrongAttempts;

	@Column(name = "accepted_step")
	private Long acceptedStep;

	protected Enrolment() {
	}

	Enrolment(String id, long accountId, byte[] encryptedSecret, Instant createdAt, Instant expiresAt) {
		super(id, createdAt, expiresAt);
		this.accountId = accountId;
		this.encryptedSecret = encryptedSecret;
		this.status = Status.OPEN;
	}

	boolean isKept() {
		return encryptedSecret.length == 0;
	}

	void forgetSecret() {
		this.encryptedSecret = new byte[0];
	}

	long getAccountId() {
		return accountId;
	}

	byte[] getEncryptedSecret() {
		return encryptedSecret;
	}

	Status getStatus() {
		return status;
	}

	int getWrongAttempts() {
		return wrongAttempts;
	}

	Long getAcceptedStep() {
		return acceptedStep;
	}

}
