package io.securityinfo.verification;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import io.securityinfo.ExpiringFlow;

/**
 * One attempt to prove a phone number or an email address: the codes sent for it share its lifetime and its
 * wrong-entry count.
 */
@Entity
@Table(name = "verification_challenge")
class Challenge extends ExpiringFlow {

	enum Status {

		OPEN, VERIFIED, EXHAUSTED

	}

	@Column(name = "account_id", nullable = false)
	private long accountId;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private Channel channel;

	@Column(nullable = false)
	private String destination;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private Status status;

	@Column(name = "wrong_attempts", nullable = false)
	private int wrongAttempts;

	@Column(name = "last_sent_at", nullable = false)
	private Instant lastSentAt;

	protected Challenge() {
	}

	Challenge(String id, long accountId, Channel channel, String destination, Instant createdAt, Instant expiresAt) {
		super(id, createdAt, expiresAt);
		this.accountId = accountId;
		this.channel = channel;
		this.destination = destination;
		this.status = Status.OPEN;
		this.lastSentAt = createdAt;
	}

	long getAccountId() {
		return accountId;
	}

	Channel getChannel() {
		return channel;
	}

	String getDestination() {
		return destination;
	}

	Status getStatus() {
		return status;
	}

	int getWrongAttempts() {
		return wrongAttempts;
	}

	Instant getLastSentAt() {
		return lastSentAt;
	}

	void markSent(Instant when) {
		this.lastSentAt = when;
	}

}
