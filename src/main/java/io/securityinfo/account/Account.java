package io.securityinfo.account;

import java.time.Instant;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "account")
class Account {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(nullable = false)
	private String email;

	@Column(name = "display_name", nullable = false)
	private String displayName;

	@Column(name = "password_hash", nullable = false)
	private String passwordHash;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private Role role;

	@Column(nullable = false)
	private boolean enabled;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	@Column(name = "registration_required", nullable = false)
	private boolean registrationRequired;

	@Column(name = "registration_first_prompted_at")
	private Instant registrationFirstPromptedAt;

	@Column(name = "security_info_confirmed_at")
	private Instant securityInfoConfirmedAt;

	@Column(name = "must_change_password", nullable = false)
	private boolean mustChangePassword;

	/** The tag of the language the person chose ({@link Language#tag()}); null while they chose none. */
	@Column(name = "language")
	private String language;

	protected Account() {
	}

	Account(String email, String displayName, String passwordHash, Role role, Instant createdAt) {
		this.email = normalizeEmail(email);
		this.displayName = displayName;
		this.passwordHash = passwordHash;
		this.role = role;
		this.enabled = true;
		this.createdAt = createdAt;
	}

	static String normalizeEmail(String email) {
		return email.strip().toLowerCase(java.util.Locale.ROOT);
	}

	Long getId() {
		return id;
	}

	String getEmail() {
		return email;
	}

	String getDisplayName() {
		return displayName;
	}

	String getPasswordHash() {
		return passwordHash;
	}

	Role getRole() {
		return role;
	}

	boolean isEnabled() {
		return enabled;
	}

	boolean isMustChangePassword() {
		return mustChangePassword;
	}

	boolean isRegistrationRequired() {
		return registrationRequired;
	}

	/** An administrator chose the password: the person replaces it at their first sign-in. */
	void requirePasswordChange() {
		this.mustChangePassword = true;
	}

	void changePassword(String passwordHash) {
		this.passwordHash = passwordHash;
		this.mustChangePassword = false;
	}

	void requireRegistration() {
		this.registrationRequired = true;
	}

	Instant getRegistrationFirstPromptedAt() {
		return registrationFirstPromptedAt;
	}

	Instant getSecurityInfoConfirmedAt() {
		return securityInfoConfirmedAt;
	}

	/** The first time the person is asked to register counts; skipping is measured from it. */
	void markRegistrationPrompted(Instant when) {
		if (registrationFirstPromptedAt == null) {
			registrationFirstPromptedAt = when;
		}
	}

	/** The person registered what was asked or confirmed their security info is still right. */
	void confirmSecurityInfo(Instant when) {
		this.securityInfoConfirmedAt = when;
		this.registrationRequired = false;
		this.registrationFirstPromptedAt = null;
	}

	/** The language the person chose, if they chose one the app still speaks. */
	Optional<Language> getLanguage() {
		return Language.ofTag(language);
	}

	/** @param language null for none: the browser's language then */
	void chooseLanguage(Language language) {
		this.language = language == null ? null : language.tag();
	}

	void disable() {
		this.enabled = false;
	}

	void enable() {
		this.enabled = true;
	}

}
