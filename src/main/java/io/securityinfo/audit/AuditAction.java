package io.securityinfo.audit;

/** What happened, as recorded in the audit log. */
public enum AuditAction {

	// A person's own security info.
	METHOD_ADDED, METHOD_DELETED, DEFAULT_METHOD_CHANGED, CODE_SENT, CODE_FAILED, CODE_VERIFIED,
	VERIFICATION_LOCKED_OUT, REGISTRATION_SKIPPED, SECURITY_INFO_CONFIRMED, PASSWORD_CHANGED,
	METHOD_CHANGED,

	// Administrators' changes.
	METHOD_POLICY_CHANGED, PHONE_POLICY_CHANGED, REGISTRATION_POLICY_CHANGED, GROUP_CREATED, GROUP_DELETED,
	GROUP_MEMBER_ADDED, GROUP_MEMBER_REMOVED, ACCOUNT_CREATED, ACCOUNT_DISABLED, ACCOUNT_ENABLED,
	REGISTRATION_REQUIRED,

	// The authenticator app: a set-up ended by wrong codes, an app replaced by a new one.
	AUTHENTICATOR_APP_SETUP_ENDED, AUTHENTICATOR_APP_REPLACED,

	// Security questions.
	QUESTION_POLICY_CHANGED,

	// Sign-in throttling: an account or a client address locked after wrong passwords, a lock lifted by an admin.
	SIGN_IN_LOCKED, SIGN_IN_ADDRESS_LOCKED, SIGN_IN_LOCK_LIFTED,

	// Sign out everywhere, and "This wasn't me" from a change notification.
	SIGNED_OUT_EVERYWHERE, NOT_ME_REPORTED,

	// Self-service password reset (passwordreset).
	PASSWORD_RESET_STARTED, PASSWORD_RESET_LIMITED, PASSWORD_RESET_METHOD_VERIFIED, PASSWORD_RESET_ANSWER_FAILED,
	PASSWORD_RESET_ENDED, PASSWORD_RESET,

	// Two-step verification at sign-in and before changes (branch mfa).
	TWO_STEP_SUCCEEDED, TWO_STEP_FAILED, TWO_STEP_LOCKED_OUT, TWO_STEP_POLICY_CHANGED,

	// An authenticator app disabled by too many wrong codes since its last accepted one (totp).
	AUTHENTICATOR_APP_DISABLED,

	// Passkeys: a sign-in (or second step, or step-up) with one, and one refused for a counter gone backwards.
	PASSKEY_SIGN_IN, PASSKEY_COUNTER_REGRESSED,

	// Which method is asked for first, phishing-resistant sign-in, the campaign for stronger methods (issue 15).
	SIGN_IN_POLICY_CHANGED, CAMPAIGN_CHANGED, STRONGER_METHOD_POSTPONED,
	// Devices and activity: each password step of a sign-in, one session signed out, every other one, and a phone
	// set by an administrator until the person proves it.
	SIGN_IN_SUCCEEDED, SIGN_IN_FAILED, DEVICE_SIGNED_OUT, SIGNED_OUT_EVERYWHERE_ELSE, PHONE_SET_BY_ADMIN,
	// When the phone is gone: a recovery code used, a Temporary Access Pass created, deleted or used to sign in.
	RECOVERY_CODE_USED, TEMPORARY_ACCESS_PASS_CREATED, TEMPORARY_ACCESS_PASS_DELETED, TEMPORARY_ACCESS_PASS_USED;

	public String labelKey() {
		return "audit.action." + name();
	}

}
