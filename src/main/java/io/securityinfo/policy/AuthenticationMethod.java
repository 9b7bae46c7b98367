package io.securityinfo.policy;

/**
 * The authentication methods an administrator switches on or off, one row each on "Authentication methods". A
 * method type of security info is usable in the ways whose authentication method the policy allows.
 */
public enum AuthenticationMethod {

	AUTHENTICATOR_APP, SMS, VOICE, EMAIL, SECURITY_QUESTIONS;

	public String nameKey() {
		return "policy.method." + name() + ".name";
	}

}
