package io.securityinfo.passwordreset;

import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import io.securityinfo.ExpiringFlow;

/**
 * One "Get back into your account", kept on the server: the browser holds only its id, in its session. A reset
 * for an email that is no enabled account's has no account and can never be verified.
 */
@Entity
@Table(name = "password_reset")
class PasswordReset extends ExpiringFlow {

	enum Status {

		/** Proving who you are. */
		OPEN,
		/** Enough methods proven: the new password may be chosen. */
		VERIFIED,
		/** The password was reset. */
		COMPLETED,
		/** Too many wrong codes or answers ({@link PasswordResetRepository#countWrongAnswer}). */
		ENDED

	}

	@Column(name = "account_id")
	private Long accountId;

	@Column(name = "email_digest", nullable = false)
	private String emailDigest;

	@Column(name = "client_ip", nullable = false)
	private String clientIp;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private Status status;

	@Column(name = "methods_required", nullable = false)
	private int methodsRequired;

	@Column(name = "proven_types", nullable = false)
	private String provenTypes;

	/** The {@link ResetOption#name()} of the option whose code is awaited. */
	@Column(name = "pending_option")
	private String pendingOption;

	@Column(name = "pending_destination")
	private String pendingDestination;

	@Column(name = "pending_challenge_id")
	private String pendingChallengeId;

	/** Counted only by {@link PasswordResetRepository#countWrongAnswer}, never written back from here. */
	@Column(name = "wrong_answers", nullable = false, updatable = false)
	private int wrongAnswers;

	protected PasswordReset() {
	}

	PasswordReset(String id, Long accountId, String emailDigest, String clientIp, int methodsRequired,
			Instant createdAt, Instant expiresAt) {
		super(id, createdAt, expiresAt);
		this.accountId = accountId;
		this.emailDigest = emailDigest;
		this.clientIp = clientIp;
		this.status = Status.OPEN;
		this.methodsRequired = methodsRequired;
		this.provenTypes = "";
	}

	Long getAccountId() {
		return accountId;
	}

	Status getStatus() {
		return status;
	}

	int getMethodsRequired() {
		return methodsRequired;
	}

	String getPendingOption() {
		return pendingOption;
	}

	String getPendingDestination() {
		return pendingDestination;
	}

	String getPendingChallengeId() {
		return pendingChallengeId;
	}

	int getWrongAnswers() {
		return wrongAnswers;
	}

	/** The ids of the method types proven so far, in the order they were. */
	Set<String> provenTypes() {
		Set<String> proven = new LinkedHashSet<>();
		Arrays.stream(provenTypes.split(",")).filter(type -> !type.isEmpty()).forEach(proven::add);
		return proven;
	}

	/** The code for this option went to this (masked) destination; the challenge is null when none was sent. */
	void awaitCode(ResetOption option, String maskedDestination, String challengeId) {
		this.pendingOption = option == null ? null : option.name();
		this.pendingDestination = maskedDestination;
		this.pendingChallengeId = challengeId;
	}

	/** One more method proven; with enough of them, the new password may be chosen. */
	void prove(String typeId) {
		Set<String> proven = provenTypes();
		proven.add(typeId);
		this.provenTypes = String.join(",", proven);
		awaitCode(null, null, null);
		if (proven.size() >= methodsRequired) {
			this.status = Status.VERIFIED;
		}
	}

	void complete(Instant now) {
		this.status = Status.COMPLETED;
		completedAt(now);
	}

}
