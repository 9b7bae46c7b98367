package io.securityinfo.policy;

import java.util.List;

/**
 * Every authentication method there is, told to the policy by whoever knows the method types (securityinfo), so that
 * the policy lists no kinds of its own.
 */
public interface AuthenticationMethods {

	/** Each method once, in the order "Authentication methods" lists them. */
	List<AuthenticationMethod> authenticationMethods();

}
