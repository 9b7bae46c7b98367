package io.securityinfo.sms;

/** A text or call that the provider refused or that could not be handed to it. */
public class SmsDeliveryException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final String providerErrorCode;

	private final boolean providerUnavailable;

	/** A message the provider refused, such as one to a number it cannot text. */
	public SmsDeliveryException(String message, String providerErrorCode, Throwable cause) {
		this(message, providerErrorCode, false, cause);
	}

	/**
	 * @param providerUnavailable the provider could not be reached, did not answer in time, or failed on its side
	 * (HTTP 5xx, or 429 for too many requests): the same message may well go through later
	 */
	public SmsDeliveryException(String message, String providerErrorCode, boolean providerUnavailable,
			Throwable cause) {
		super(message, cause);
		this.providerErrorCode = providerErrorCode;
		this.providerUnavailable = providerUnavailable;
	}

	/** The provider's own error code, such as Twilio's 21211, or null when none was given. */
	public String providerErrorCode() {
		return providerErrorCode;
	}

	/**
	 * Whether the provider was unavailable rather than refusing this message, so that the person is told to try
	 * again later instead of to check their number.
	 */
	public boolean providerUnavailable() {
		return providerUnavailable;
	}

}
