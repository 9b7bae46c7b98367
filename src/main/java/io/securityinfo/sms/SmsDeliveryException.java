package io.securityinfo.sms;

/** A text or call that the provider refused or that could not be handed to it. */
public class SmsDeliveryException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final String providerErrorCode;

	public SmsDeliveryException(String message, String providerErrorCode, Throwable cause) {
		super(message, cause);
		this.providerErrorCode = providerErrorCode;
	}

	/** The provider's own error code, such as Twilio's 21211, or null when none was given. */
	public String providerErrorCode() {
		return providerErrorCode;
	}

}
