package io.securityinfo.audit;

/** What happened, as recorded in the audit log. */
public enum AuditAction {

	METHOD_ADDED, METHOD_DELETED, DEFAULT_METHOD_CHANGED, CODE_SENT, CODE_SEND_FAILED, CODE_FAILED, CODE_VERIFIED,
	VERIFICATION_LOCKED_OUT

}
