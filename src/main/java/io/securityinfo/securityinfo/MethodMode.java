package io.securityinfo.securityinfo;

import java.util.Objects;

import io.securityinfo.policy.AuthenticationMethod;
import io.securityinfo.verification.Channel;

/**
 * A way a method signs a person in: a phone can receive a text or a call, an app shows a code. Each method type
 * declares its modes ({@link MethodType#signInModes()}); nothing else lists them.
 *
 * @param name the stable name kept as a method's default mode and in the audit log, such as {@code TEXT}; it never
 * changes once stored
 * @param policyMethod the authentication method of the admin policy that switches this mode on or off
 * @param secondFactor the factor's name at two-step sign-in, as Spring Security grants it: {@code FACTOR_} and this
 * name; stored in sessions, so it never changes either
 * @param channel how a code reaches the person in this mode; null when the person's own device shows the code (an
 * authenticator app)
 */
public record MethodMode(String name, AuthenticationMethod policyMethod, String secondFactor, Channel channel) {

	public MethodMode {
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(policyMethod, "policyMethod");
		Objects.requireNonNull(secondFactor, "secondFactor");
	}

	/** Whether a code is sent for this mode (by {@link #channel()}), rather than shown by the person's device. */
	public boolean sendsCode() {
		return channel != null;
	}

	/** How people read the mode: "text", "call", "code". */
	public String labelKey() {
		return "method.mode." + name;
	}

	/** The name, as the audit log and the forms have it. */
	@Override
	public String toString() {
		return name;
	}

}
