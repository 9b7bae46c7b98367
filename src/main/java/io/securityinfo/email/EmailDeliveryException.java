package io.securityinfo.email;

/**
 * An email that the mail server refused or that could not be handed to it. The one failure every gateway reports,
 * so callers need not know which provider is active.
 */
public class EmailDeliveryException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	public EmailDeliveryException(String message, Throwable cause) {
		super(message, cause);
	}

}
