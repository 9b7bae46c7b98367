package io.securityinfo.passkey;

/** A passkey registration the server refused: its proof did not verify, or its prompt expired or was used. */
public class PasskeyRefusedException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	PasskeyRefusedException(String message, Throwable cause) {
		super(message, cause);
	}

}
