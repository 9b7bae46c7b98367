package io.securityinfo.sms;

import java.util.Locale;

/**
 * The outside service that reaches people's phones: a text message or a voice call. One implementation is
 * active, chosen by {@code app.sms.provider}.
 */
public interface SmsGateway {

	/**
	 * Sends a text message.
	 * @param to the number in E.164 form
	 * @return the provider's id for the text, which its later delivery reports ({@link TextDeliveryReported})
	 * name
	 * @throws SmsDeliveryException when the provider refuses or cannot be reached
	 */
	SentMessage sendText(String to, String body);

	/**
	 * Places a voice call that reads the text out.
	 * @param to the number in E.164 form
	 * @param language the language the text is written in, which the voice speaks
	 * @throws SmsDeliveryException when the provider refuses or cannot be reached
	 */
	void placeCall(String to, String spokenText, Locale language);

}
