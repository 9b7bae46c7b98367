package io.securityinfo.securityinfo.phone;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A number an administrator set for a person's Phone, not yet proven by them (V22). */
@Entity
@Table(name = "admin_set_phone")
class AdminSetPhone {

	@Id
	@Column(name = "account_id")
	private Long accountId;

	@Column(nullable = false)
	private String detail;

	@Column(nullable = false)
	private String reason;

	@Column(name = "set_by")
	private Long setBy;

	@Column(name = "set_at", nullable = false)
	private Instant setAt;

	protected AdminSetPhone() {
	}

	AdminSetPhone(long accountId) {
		this.accountId = accountId;
	}

	void set(String detail, String reason, long setBy, Instant setAt) {
		this.detail = detail;
		this.reason = reason;
		this.setBy = setBy;
		this.setAt = setAt;
	}

	Long getAccountId() {
		return accountId;
	}

	String getDetail() {
		return detail;
	}

	String getReason() {
		return reason;
	}

	Instant getSetAt() {
		return setAt;
	}

}
