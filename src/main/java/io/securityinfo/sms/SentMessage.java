package io.securityinfo.sms;

/**
 * What the provider said about a text it took: its id for the message, so that the delivery reports it sends
 * later ({@link TextDeliveryReported}) can be matched to the text.
 *
 * @param providerMessageId the provider's id, such as Twilio's "SM…" message SID; null when the gateway delivers
 * nothing and so will never report on it (the console gateway)
 */
public record SentMessage(String providerMessageId) {

	/** A text no delivery report will ever come for. */
	public static final SentMessage UNTRACKED = new SentMessage(null);

}
