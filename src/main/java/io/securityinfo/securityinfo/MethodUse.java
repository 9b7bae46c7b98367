package io.securityinfo.securityinfo;

/** What a method may be used for, as Security info tells it beside each method. */
public enum MethodUse {

	/** Signing in (and step-up), and resetting a password: the phones, the authenticator app. */
	SIGN_IN_AND_PASSWORD_RESET("securityinfo.used-for.sign-in"),
	/** Only resetting a password: an email address, security questions. */
	PASSWORD_RESET("securityinfo.used-for.reset-only"),
	/** Only signing in. */
	SIGN_IN("securityinfo.used-for.sign-in-only");

	private final String labelKey;

	MethodUse(String labelKey) {
		this.labelKey = labelKey;
	}

	public String labelKey() {
		return labelKey;
	}

}
