package io.securityinfo.totp;

/**
 * A stored secret that the configured key cannot decrypt: the key was changed, or the value was altered. The app
 * cannot check codes of that app any more; the person has to set it up again.
 */
class SecretUnreadableException extends IllegalStateException {

	private static final long serialVersionUID = 1L;

	SecretUnreadableException(Throwable cause) {
		super("An authenticator app secret cannot be decrypted with the configured key "
				+ "(app.totp.encryption-key); was the key changed?", cause);
	}

}
