package io.securityinfo.account;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

/**
 * A counter of {@link SignInThrottle}, mapped only so that queries can join it (the admin's person page shows the
 * lock in its one statement); it is written with plain JDBC under a row lock, never through JPA.
 */
@Entity
@Immutable
@Table(name = "sign_in_throttle")
class SignInCounter {

	@Id
	private Long id;

	@Column(nullable = false)
	private String kind;

	@Column(nullable = false)
	private String subject;

	@Column(nullable = false)
	private int failures;

	@Column(nullable = false)
	private int locks;

	@Column(name = "locked_until")
	private Instant lockedUntil;

	@Column(name = "last_counted_at")
	private Instant lastCountedAt;

	protected SignInCounter() {
	}

}
