package io.securityinfo.email;

/**
 * An email that the mail server refused or that could not be handed to it. The one failure every gateway reports,
 * so callers need not know which provider is active.
 */
public class EmailDeliveryException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final boolean serverUnavailable;

	/** An email the server refused, such as one to an address it does not deliver to. */
	public EmailDeliveryException(String message, Throwable cause) {
		this(message, false, cause);
	}

	/**
	 * @param serverUnavailable the mail server could not be reached, did not answer in time or would not take
	 * mail from the app at all: the same email may well go through later
	 */
	public EmailDeliveryException(String message, boolean serverUnavailable, Throwable cause) {
		super(message, cause);
		this.serverUnavailable = serverUnavailable;
	}

	/**
	 * Whether the server was unavailable rather than refusing this email, so that the person is told to try again
	 * later instead of to check the address.
	 */
	public boolean serverUnavailable() {
		return serverUnavailable;
	}

}
