package io.securityinfo.verification;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A person's wrong codes in a row, across challenges; too many stop sending and checking for a while. */
@Entity
@Table(name = "verification_lockout")
class Lockout {

	@Id
	@Column(name = "account_id")
	private Long accountId;

	@Column(name = "consecutive_failures", nullable = false)
	private int consecutiveFailures;

	@Column(name = "locked_until")
	private Instant lockedUntil;

	protected Lockout() {
	}

	Lockout(long accountId) {
		this.accountId = accountId;
	}

	boolean isLockedAt(Instant now) {
		return lockedUntil != null && now.isBefore(lockedUntil);
	}

	Instant getLockedUntil() {
		return lockedUntil;
	}

	int getConsecutiveFailures() {
		return consecutiveFailures;
	}

}
