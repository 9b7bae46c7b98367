package io.securityinfo.totp;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** No such set-up for this person: another person's set-up answers exactly as a made-up one. */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class EnrolmentNotFoundException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	EnrolmentNotFoundException() {
		super("No such authenticator app set-up for this account");
	}

}
