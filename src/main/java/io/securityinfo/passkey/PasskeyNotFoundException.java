package io.securityinfo.passkey;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** No passkey of this person has that id: deleted meanwhile, or someone else's. */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class PasskeyNotFoundException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	PasskeyNotFoundException() {
		super("No such passkey");
	}

}
