package io.securityinfo.account;

import org.springframework.security.core.AuthenticationException;

/** Too many wrong passwords for the email or from the client address: this attempt was not checked. */
class SignInThrottledException extends AuthenticationException {

	private static final long serialVersionUID = 1L;

	SignInThrottledException() {
		super("Too many wrong passwords; try again later");
	}

}
