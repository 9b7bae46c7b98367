package io.securityinfo.verification;

import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.Timer;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import io.securityinfo.AppProperties;
import io.securityinfo.account.Accounts;
import io.securityinfo.email.EmailDeliveryException;
import io.securityinfo.email.EmailGateway;
import io.securityinfo.phone.PhoneNumber;
import io.securityinfo.phone.PhoneNumbers;
import io.securityinfo.policy.PhoneRules;
import io.securityinfo.sms.SmsDeliveryException;
import io.securityinfo.sms.SmsGateway;

/**
 * Where a code may go, and getting it there: the policy's countries and regions and the kinds of number that can
 * receive a text or a call; the text, call or email in the person's language; the gateways, timed, and what their
 * failures mean to the person. What the provider later reports about a text is {@link DeliveryReceipts}'.
 */
@Component
class CodeDelivery {

	private final SmsGateway sms;

	private final EmailGateway email;

	private final MessageSource messages;

	private final AppProperties app;

	private final PhoneNumbers phoneNumbers;

	private final VerificationMetrics metrics;

	private final Accounts accounts;

	CodeDelivery(SmsGateway sms, EmailGateway email, MessageSource messages, AppProperties app,
			PhoneNumbers phoneNumbers, VerificationMetrics metrics, Accounts accounts) {
		this.accounts = accounts;
		this.sms = sms;
		this.email = email;
		this.messages = messages;
		this.app = app;
		this.phoneNumbers = phoneNumbers;
		this.metrics = metrics;
	}

	/**
	 * Refuses a number or an address codes may not go to this way: texts and calls go only to numbers in the
	 * policy's countries and regions, and only to a kind of number that can receive them. The policy says nothing
	 * about email.
	 * @param destination a number in E.164 form for a text or call, stored or sent before; an address for email
	 */
	void refuseWhenUnreachable(PhoneRules rules, Channel channel, String destination) {
		if (channel.isPhone()) {
			refuseWhenUnreachable(rules, channel, phoneNumbers.ofStored(destination));
		}
	}

	/**
	 * {@link #refuseWhenUnreachable(PhoneRules, Channel, String)} for a number read from a form. Its kind is checked
	 * also for numbers stored before their kind was: no code goes to a premium-rate number.
	 */
	void refuseWhenUnreachable(PhoneRules rules, Channel channel, PhoneNumber number) {
		if (!rules.allowsRegion(number.region())) {
			throw refused(Refusal.REGION_NOT_ALLOWED, Refusal.REGION_NOT_ALLOWED.messageKey());
		}
		Optional<String> kindRefused = phoneNumbers.refusalFor(number.e164(), channel == Channel.SMS,
				rules.allowVoip());
		if (kindRefused.isPresent()) {
			throw refused(Refusal.NUMBER_TYPE_NOT_ALLOWED, kindRefused.get());
		}
	}

	/**
	 * Sends the code by its channel, in the person's language, else the one of the page that asked for the code (a
	 * reset: the browser's).
	 * @return for a text, the provider's id, which its delivery reports will name
	 * @throws VerificationRefusedException when the provider refused the message or could not be reached
	 */
	Optional<String> send(long accountId, Channel channel, String destination, String code) {
		Locale locale = accounts.languageFor(accountId).locale();
		Timer.Sample send = metrics.startSend();
		String providerMessageId = null;
		try {
			switch (channel) {
				case SMS -> providerMessageId = sms.sendText(destination, textBody(code, locale)).providerMessageId();
				case VOICE -> sms.placeCall(destination, spokenText(code, locale), locale);
				case EMAIL -> email.send(destination, messages.getMessage("verification.email.subject", null, locale),
						messages.getMessage("verification.email.body", new Object[] { code }, locale));
			}
		}
		catch (SmsDeliveryException ex) {
			metrics.sendFailed(channel, send);
			throw refused(ex.providerUnavailable() ? Refusal.SEND_UNAVAILABLE : Refusal.SEND_FAILED);
		}
		catch (EmailDeliveryException ex) {
			metrics.sendFailed(channel, send);
			throw refused(ex.serverUnavailable() ? Refusal.SEND_UNAVAILABLE : Refusal.SEND_FAILED);
		}
		metrics.sent(channel, send);
		return Optional.ofNullable(providerMessageId);
	}

	/**
	 * The text, ending in the origin-bound line ("@host #code") that lets browsers offer the code for one-tap
	 * entry (WebOTP).
	 */
	private String textBody(String code, Locale locale) {
		return messages.getMessage("verification.sms.body", new Object[] { code }, locale) + "\n\n@"
				+ app.publicHost() + " #" + code;
	}

	/** Read digit by digit, so that a speech engine does not say "one hundred twenty-three thousand…". */
	private String spokenText(String code, Locale locale) {
		String digits = code.chars().mapToObj(Character::toString).collect(Collectors.joining(", "));
		return messages.getMessage("verification.call.text", new Object[] { digits }, locale);
	}

	private VerificationRefusedException refused(Refusal refusal) {
		return refused(refusal, refusal.messageKey());
	}

	/** Counts the refusal for operators and answers the exception that tells the person. */
	private VerificationRefusedException refused(Refusal refusal, String messageKey) {
		metrics.refused(refusal);
		return new VerificationRefusedException(refusal, 0, messageKey);
	}

}
