package io.securityinfo;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

/**
 * The row of a step a person finishes within a lifetime: a code challenge, an authenticator app's set-up, a
 * password reset. Its id is random and goes to the person's browser; it is good from {@code created_at} until
 * {@code expires_at}, and {@code completed_at} says when it was finished. The application makes its id, so saving a
 * new one inserts it without reading first.
 */
@MappedSuperclass
public abstract class ExpiringFlow extends AssignedIdEntity {

	@Id
	private String id;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	@Column(name = "expires_at", nullable = false)
	private Instant expiresAt;

	@Column(name = "completed_at")
	private Instant completedAt;

	protected ExpiringFlow() {
	}

	protected ExpiringFlow(String id, Instant createdAt, Instant expiresAt) {
		this.id = id;
		this.createdAt = createdAt;
		this.expiresAt = expiresAt;
	}

	@Override
	public String getId() {
		return id;
	}

	public Instant getExpiresAt() {
		return expiresAt;
	}

	public boolean isExpiredAt(Instant now) {
		return !now.isBefore(expiresAt);
	}

	protected void completedAt(Instant now) {
		this.completedAt = now;
	}

}
