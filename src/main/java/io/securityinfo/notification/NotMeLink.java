package io.securityinfo.notification;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A "This wasn't me" link sent with one notification: the hash of its token, whose it is, and its lifetime. */
@Entity
@Table(name = "not_me_link")
class NotMeLink {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "account_id", nullable = false)
	private long accountId;

	@Column(name = "token_hash", nullable = false)
	private String tokenHash;

	/** The change the notification told of, as the audit log describes changes (masked). */
	@Column(name = "change_made", nullable = false)
	private String changeMade;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	@Column(name = "expires_at", nullable = false)
	private Instant expiresAt;

	@Column(name = "used_at")
	private Instant usedAt;

	protected NotMeLink() {
	}

	NotMeLink(long accountId, String tokenHash, String changeMade, Instant createdAt, Instant expiresAt) {
		this.accountId = accountId;
		this.tokenHash = tokenHash;
		this.changeMade = changeMade;
		this.createdAt = createdAt;
		this.expiresAt = expiresAt;
	}

	Long getId() {
		return id;
	}

	long getAccountId() {
		return accountId;
	}

	String getChangeMade() {
		return changeMade;
	}

	Instant getExpiresAt() {
		return expiresAt;
	}

	Instant getUsedAt() {
		return usedAt;
	}

}
