package io.securityinfo.sms.twilio;

import java.net.URI;
import java.util.Locale;
import java.util.Map;

import com.twilio.base.Creator;
import com.twilio.base.Resource;
import com.twilio.exception.ApiException;
import com.twilio.exception.TwilioException;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Call;
import com.twilio.rest.api.v2010.account.Message;
import com.twilio.rest.api.v2010.account.MessageCreator;
import com.twilio.type.PhoneNumber;
import com.twilio.type.Twiml;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.NestedExceptionUtils;
import org.springframework.util.StringUtils;

import io.securityinfo.phone.PhoneNumbers;
import io.securityinfo.sms.SentMessage;
import io.securityinfo.sms.SmsDeliveryException;
import io.securityinfo.sms.SmsGateway;

/**
 * Texts through Twilio's Messages API and calls through its Calls API. What goes wrong is logged as one line with
 * Twilio's error code and the number masked; the message, and so the one-time code in it, is never logged. Texts
 * ask Twilio to report their delivery to the status callback, when there is one ({@link StatusCallback}).
 */
class TwilioSmsGateway implements SmsGateway {

	private static final Logger log = LoggerFactory.getLogger(TwilioSmsGateway.class);

	/**
	 * The voice of each language, as {@code <Say language>} names it: Twilio speaks a language in a country's
	 * accent. English is spoken as Twilio does without the attribute (en-US).
	 */
	private static final Map<String, String> VOICES = Map.of("en", "en-US", "nl", "nl-NL");

	private static final String DEFAULT_VOICE = "en-US";

	private final TwilioRestClient client;

	private final String fromNumber;

	private final String messagingServiceSid;

	private final URI statusCallback;

	/**
	 * @param fromNumber the sender of texts without a messaging service, and the caller of every call; may be null
	 * when a messaging service is set, and then calls fail
	 * @param messagingServiceSid the messaging service texts are sent through, or null to send from
	 * {@code fromNumber}
	 * @param statusCallbackUrl where Twilio reports the delivery of texts, or null for no reports
	 */
	TwilioSmsGateway(TwilioRestClient client, String fromNumber, String messagingServiceSid,
			String statusCallbackUrl) {
		this.client = client;
		this.fromNumber = StringUtils.hasText(fromNumber) ? fromNumber : null;
		this.messagingServiceSid = StringUtils.hasText(messagingServiceSid) ? messagingServiceSid : null;
		this.statusCallback = StringUtils.hasText(statusCallbackUrl) ? URI.create(statusCallbackUrl) : null;
	}

	@Override
	public SentMessage sendText(String to, String body) {
		MessageCreator creator = (messagingServiceSid != null)
				? Message.creator(new PhoneNumber(to), messagingServiceSid, body)
				: Message.creator(new PhoneNumber(to), new PhoneNumber(fromNumber), body);
		if (statusCallback != null) {
			creator.setStatusCallback(statusCallback);
		}
		return new SentMessage(send("text", to, creator).getSid());
	}

	@Override
	public void placeCall(String to, String spokenText, Locale language) {
		if (fromNumber == null) {
			log.warn("Twilio cannot call {}: voice calls need app.sms.twilio.from-number", PhoneNumbers.mask(to));
			throw new SmsDeliveryException("Voice calls need app.sms.twilio.from-number; only a messaging service is set",
					null, null);
		}
		send("call", to, Call.creator(new PhoneNumber(to), new PhoneNumber(fromNumber), new Twiml(twiml(spokenText, language))));
	}

	/**
	 * Reads the text out once, in its language's voice; the caller repeats the code in it, digit by digit, so people
	 * can write it down.
	 */
	static String twiml(String spokenText, Locale language) {
		return "<Response><Say language=\"" + voice(language) + "\">" + escapeXml(spokenText) + "</Say></Response>";
	}

	/** A language without a voice here is read in the default one rather than not at all. */
	static String voice(Locale language) {
		return VOICES.getOrDefault(language.getLanguage(), DEFAULT_VOICE);
	}

	private <T extends Resource> T send(String what, String to, Creator<T> creator) {
		try {
			T created = creator.create(client);
			log.debug("Twilio took the {} to {}", what, PhoneNumbers.mask(to));
			return created;
		}
		catch (TwilioException ex) {
			throw failed(what, to, ex);
		}
	}

	/**
	 * Logs one line and wraps the failure. Twilio's own message can quote the whole number, and a garbled answer
	 * could quote the text, so neither message is logged: Twilio's error code, the HTTP status, or the kind of I/O
	 * failure tells an operator enough to look further.
	 */
	private static SmsDeliveryException failed(String what, String to, TwilioException ex) {
		Integer status = (ex instanceof ApiException api) ? api.getStatusCode() : null;
		if (status == null) {
			String failure = NestedExceptionUtils.getMostSpecificCause(ex).getClass().getSimpleName();
			log.warn("Twilio could not be reached for the {} to {}: {}", what, PhoneNumbers.mask(to), failure);
			return new SmsDeliveryException("Twilio could not be reached for the " + what + ": " + failure, null, true,
					ex);
		}
		Integer code = ((ApiException) ex).getCode();
		String errorCode = (code != null) ? code.toString() : null;
		log.warn("Twilio refused the {} to {}: Twilio error {}, HTTP status {}", what, PhoneNumbers.mask(to),
				errorCode, status);
		boolean unavailable = status >= 500 || status == 429;
		return new SmsDeliveryException(
				"Twilio refused the " + what + ": Twilio error " + errorCode + ", HTTP status " + status, errorCode,
				unavailable, ex);
	}

	private static String escapeXml(String text) {
		StringBuilder escaped = new StringBuilder(text.length());
		for (char c : text.toCharArray()) {
			switch (c) {
				case '&' -> escaped.append("&amp;");
				case '<' -> escaped.append("&lt;");
				case '>' -> escaped.append("&gt;");
				case '"' -> escaped.append("&quot;");
				case '\'' -> escaped.append("&apos;");
				default -> escaped.append(c);
			}
		}
		return escaped.toString();
	}

}
