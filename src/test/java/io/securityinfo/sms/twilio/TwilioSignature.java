package io.securityinfo.sms.twilio;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs a request as Twilio does, written from Twilio's description rather than taken from the SDK, so that a
 * test shows the SDK's validator accepts what Twilio sends: Base64 of the HMAC-SHA1, keyed with the auth token, of
 * the URL followed by every form field's name and value, sorted by name.
 */
final class TwilioSignature {

	private TwilioSignature() {
	}

	static String sign(String authToken, String url, Map<String, String> formFields) {
		StringBuilder signed = new StringBuilder(url);
		new TreeMap<>(formFields).forEach((name, value) -> signed.append(name).append(value));
		try {
			Mac mac = Mac.getInstance("HmacSHA1");
			mac.init(new SecretKeySpec(authToken.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
			return Base64.getEncoder().encodeToString(mac.doFinal(signed.toString().getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
