package io.securityinfo.twostep;

import org.springframework.security.core.AuthenticationException;

/** A second factor that was not accepted, with the message key of what the person is told beside the field. */
class SecondFactorException extends AuthenticationException {

	private static final long serialVersionUID = 1L;

	private final String messageKey;

	private final Object[] arguments;

	SecondFactorException(String messageKey, Object... arguments) {
		super(messageKey);
		this.messageKey = messageKey;
		this.arguments = arguments;
	}

	String messageKey() {
		return messageKey;
	}

	Object[] arguments() {
		return arguments.clone();
	}

}
