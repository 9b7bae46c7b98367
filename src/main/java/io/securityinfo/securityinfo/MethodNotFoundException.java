package io.securityinfo.securityinfo;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** No such method for this person: another person's method id answers exactly as a made-up one. */
@ResponseStatus(HttpStatus.NOT_FOUND)
class MethodNotFoundException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	MethodNotFoundException() {
		super("No such method for this account");
	}

}
