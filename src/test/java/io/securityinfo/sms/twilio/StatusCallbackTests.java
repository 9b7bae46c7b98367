package io.securityinfo.sms.twilio;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The webhook's address, when texts ask for it, and the signature check with the SDK's validator. */
class StatusCallbackTests {

	static final String PUBLIC_URL = "https://securityinfo.example.com";

	static final String URL = PUBLIC_URL + "/sms/twilio/status";

	private final StatusCallback statusCallback = new StatusCallback(URI.create(PUBLIC_URL),
			TwilioSmsGatewayTests.AUTH_TOKEN);

	@ParameterizedTest
	@CsvSource(textBlock = """
			https://securityinfo.example.com,        https://securityinfo.example.com/sms/twilio/status,       true
			https://securityinfo.example.com/,       https://securityinfo.example.com/sms/twilio/status,       true
			https://example.com:8443/security-info/, https://example.com:8443/security-info/sms/twilio/status, true
			http://localhost:8080,                   http://localhost:8080/sms/twilio/status,                  false
			http://securityinfo.example.com,         http://securityinfo.example.com/sms/twilio/status,        false
			""")
	void newWhenPublicUrlIsGivenThenWebhookIsUnderItAndRequestedOnlyOverHttps(String publicUrl, String url,
			boolean requested) {
		StatusCallback callback = new StatusCallback(URI.create(publicUrl), TwilioSmsGatewayTests.AUTH_TOKEN);

		assertThat(callback.url()).isEqualTo(url);
		assertThat(callback.requested()).isEqualTo(requested);
	}

	@Test
	void isSignedByTwilioWhenSignatureMatchesThenTrue() {
		Map<String, String> fields = report();

		assertThat(statusCallback.isSignedByTwilio(fields, TwilioSignature.sign(TwilioSmsGatewayTests.AUTH_TOKEN, URL,
				fields))).isTrue();
	}

	@Test
	void isSignedByTwilioWhenSignatureIsMissingThenFalse() {
		assertThat(statusCallback.isSignedByTwilio(report(), null)).isFalse();
		assertThat(statusCallback.isSignedByTwilio(report(), "")).isFalse();
	}

	@Test
	void isSignedByTwilioWhenAFieldWasChangedAfterSigningThenFalse() {
		String signature = TwilioSignature.sign(TwilioSmsGatewayTests.AUTH_TOKEN, URL, report());
		Map<String, String> tampered = report();
		tampered.put("MessageStatus", "delivered");

		assertThat(statusCallback.isSignedByTwilio(tampered, signature)).isFalse();
	}

	@Test
	void isSignedByTwilioWhenAFieldWasAddedAfterSigningThenFalse() {
		String signature = TwilioSignature.sign(TwilioSmsGatewayTests.AUTH_TOKEN, URL, report());
		Map<String, String> tampered = report();
		tampered.put("ErrorCode", "30003");

		assertThat(statusCallback.isSignedByTwilio(tampered, signature)).isFalse();
	}

	@Test
	void isSignedByTwilioWhenSignedForAnotherHostThenFalse() {
		Map<String, String> fields = report();
		String signature = TwilioSignature.sign(TwilioSmsGatewayTests.AUTH_TOKEN,
				"https://attacker.example/sms/twilio/status", fields);

		assertThat(statusCallback.isSignedByTwilio(fields, signature)).isFalse();
	}

	@Test
	void isSignedByTwilioWhenSignedWithAnotherAuthTokenThenFalse() {
		Map<String, String> fields = report();

		assertThat(statusCallback.isSignedByTwilio(fields, TwilioSignature.sign("another-token", URL, fields)))
			.isFalse();
	}

	/** Twilio's own worked example, so the test's signer is known to sign as Twilio does. */
	@Test
	void signWhenGivenTwilioDocumentedExampleThenGivesTwilioDocumentedSignature() {
		Map<String, String> fields = Map.of("CallSid", "CA1234567890ABCDE", "Caller", "+12349013030", "Digits", "1234",
				"From", "+12349013030", "To", "+18005551212");

		assertThat(TwilioSignature.sign("12345", "https://mycompany.com/myapp.php?foo=1&bar=2", fields))
			.isEqualTo("0/KCTR6DLpKmkAf8muzZqo1nDgQ=");
	}

	private static Map<String, String> report() {
		Map<String, String> fields = new HashMap<>();
		fields.put("AccountSid", TwilioSmsGatewayTests.ACCOUNT_SID);
		fields.put("MessageSid", "SM0123456789abcdef0123456789abcdef");
		fields.put("MessageStatus", "undelivered");
		fields.put("To", TwilioSmsGatewayTests.TO);
		fields.put("From", TwilioSmsGatewayTests.FROM);
		return fields;
	}

}
