package io.securityinfo.verification;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** No such challenge for this person: to them, it does not exist. */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class ChallengeNotFoundException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	ChallengeNotFoundException() {
		super("No such challenge for this account");
	}

}
