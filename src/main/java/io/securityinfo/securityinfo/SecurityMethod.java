package io.securityinfo.securityinfo;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One registered method of one person. The default sign-in method is the one with a default mode. */
@Entity
@Table(name = "security_method")
class SecurityMethod {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "account_id", nullable = false)
	private long accountId;

	@Column(nullable = false)
	private String type;

	@Column(nullable = false)
	private String detail;

	/** The {@link MethodMode#name()} of the default mode, of this method's type; null when not the default. */
	@Column(name = "default_mode")
	private String defaultMode;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	protected SecurityMethod() {
	}

	SecurityMethod(long accountId, String type, String detail, Instant createdAt) {
		this.accountId = accountId;
		this.type = type;
		this.detail = detail;
		this.createdAt = createdAt;
	}

	Long getId() {
		return id;
	}

	long getAccountId() {
		return accountId;
	}

	String getType() {
		return type;
	}

	String getDetail() {
		return detail;
	}

	String getDefaultMode() {
		return defaultMode;
	}

	boolean isDefault() {
		return defaultMode != null;
	}

	Instant getCreatedAt() {
		return createdAt;
	}

	void makeDefault(MethodMode mode) {
		this.defaultMode = mode.name();
	}

	void clearDefault() {
		this.defaultMode = null;
	}

	/** Takes new details in place of the old ones, once they are proven; the method keeps its place and default. */
	void changeDetail(String detail) {
		this.detail = detail;
	}

}
