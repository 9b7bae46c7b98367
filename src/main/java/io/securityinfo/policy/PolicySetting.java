package io.securityinfo.policy;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

/**
 * A policy's saved row. Each policy but the per-method one keeps its rules in a table of its own with one row, id 1,
 * which the first save creates, and the time of the last save.
 *
 * @param <R> the rules the row holds
 */
@MappedSuperclass
abstract class PolicySetting<R> {

	static final int ID = 1;

	@Id
	private Integer id = ID;

	@Column(name = "updated_at", nullable = false)
	private Instant updatedAt;

	/** The rules the row holds. */
	abstract R rules();

	/** Writes the rules into the row's columns. */
	abstract void write(R rules);

	void apply(R rules, Instant updatedAt) {
		write(rules);
		this.updatedAt = updatedAt;
	}

}
