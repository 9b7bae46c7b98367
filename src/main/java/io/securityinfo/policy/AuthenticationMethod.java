package io.securityinfo.policy;

import java.util.Objects;

/**
 * One switch of the admin policy, one row on "Authentication methods": {@code SMS}, {@code VOICE},
 * {@code AUTHENTICATOR_APP}… The method types of security info declare the switches they are used with (see
 * {@link AuthenticationMethods}), so a new type brings its own. The name is what the policy's rows keep
 * ({@code method_policy.method}): once a type uses one, it never changes.
 */
public record AuthenticationMethod(String name) {

	public AuthenticationMethod {
		Objects.requireNonNull(name, "name");
	}

	public String nameKey() {
		return "policy.method." + name + ".name";
	}

	/** The name, as the policy's rows, the audit log and the admin page's fields have it. */
	@Override
	public String toString() {
		return name;
	}

}
