package io.securityinfo.securityinfo;

import io.securityinfo.policy.AuthenticationMethod;

/** How a method is used to sign in: the phone can receive a text or a call, for instance. */
public enum MethodMode {

	APP_CODE(AuthenticationMethod.AUTHENTICATOR_APP), TEXT(AuthenticationMethod.SMS), CALL(AuthenticationMethod.VOICE);

	private final AuthenticationMethod policyMethod;

	MethodMode(AuthenticationMethod policyMethod) {
		this.policyMethod = policyMethod;
	}

	/** The authentication method of the admin policy that switches this mode on or off. */
	public AuthenticationMethod policyMethod() {
		return policyMethod;
	}

	String labelKey() {
		return "method.mode." + name();
	}

}
