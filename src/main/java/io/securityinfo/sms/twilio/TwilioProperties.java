package io.securityinfo.sms.twilio;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.StringUtils;
import org.springframework.validation.annotation.Validated;

/**
 * How to reach Twilio. Bound whatever the selected provider, but only checked for completeness when Twilio is
 * the selected one, so an unused Twilio never stops the app from starting.
 *
 * @param accountSid the account SID ("AC…"), also the user name of the API's Basic authentication (environment
 * variable APP_SMS_TWILIO_ACCOUNT_SID)
 * @param authToken the account's auth token, a secret: set it through the environment variable
 * APP_SMS_TWILIO_AUTH_TOKEN, never in a committed file
 * @param fromNumber the sender of texts and the caller of voice calls, a Twilio number in E.164 form
 * (environment variable APP_SMS_TWILIO_FROM_NUMBER); voice calls need it even when a messaging service is set
 * @param messagingServiceSid a messaging service ("MG…") that picks the sender of texts from its pool; when set,
 * texts use it instead of {@code fromNumber} (environment variable APP_SMS_TWILIO_MESSAGING_SERVICE_SID)
 * @param connectTimeout how long to wait for a connection to Twilio before the send fails
 * @param readTimeout how long to wait for Twilio's answer before the send fails, so a person is told at once
 * rather than left waiting on a hung request
 * @param requestTimeout the most one exchange with Twilio may take, from asking for the connection to the last byte
 * of the answer: the read time-out bounds each wait for the next bytes, so an answer that trickles in would
 * otherwise hold the person's request (and its database connection) for as long as it trickles. The SDK tries an
 * answer of 5xx up to three times, each within this.
 */
@Validated
@ConfigurationProperties("app.sms.twilio")
record TwilioProperties(String accountSid, String authToken, String fromNumber, String messagingServiceSid,
		@NotNull @DefaultValue("5s") Duration connectTimeout, @NotNull @DefaultValue("10s") Duration readTimeout,
		@NotNull @DefaultValue("15s") Duration requestTimeout) {

	/**
	 * Fails start-up when a setting Twilio cannot work without is missing, naming it as an operator would set it.
	 * @throws IllegalStateException naming every missing setting
	 */
	void requireComplete() {
		List<String> missing = new ArrayList<>();
		if (!StringUtils.hasText(accountSid)) {
			missing.add(setting("account-sid") + " is not set");
		}
		if (!StringUtils.hasText(authToken)) {
			missing.add(setting("auth-token") + " is not set");
		}
		if (!StringUtils.hasText(fromNumber) && !StringUtils.hasText(messagingServiceSid)) {
			missing.add("neither " + setting("from-number") + " nor " + setting("messaging-service-sid") + " is set");
		}
		if (!missing.isEmpty()) {
			throw new IllegalStateException(
					"Twilio is the selected SMS provider (app.sms.provider=twilio), but " + String.join("; ", missing));
		}
	}

	/** Keeps the auth token out of logs and failure messages that print these settings. */
	@Override
	public String toString() {
		return "TwilioProperties[accountSid=" + accountSid + ", authToken=" + (authToken == null ? null : "******")
				+ ", fromNumber=" + fromNumber + ", messagingServiceSid=" + messagingServiceSid + ", connectTimeout="
				+ connectTimeout + ", readTimeout=" + readTimeout + ", requestTimeout=" + requestTimeout + "]";
	}

	private static String setting(String name) {
		return "app.sms.twilio." + name + " (environment variable APP_SMS_TWILIO_"
				+ name.toUpperCase(Locale.ROOT).replace('-', '_') + ")";
	}

}
