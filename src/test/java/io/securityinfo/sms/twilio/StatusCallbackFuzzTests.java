package io.securityinfo.sms.twilio;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;

import io.securityinfo.sms.TextDeliveryReported;

/**
 * Twilio's webhook with any fields and any signature: it answers 200 or 403, never an exception; a report counts only
 * when Twilio's signature covers exactly the fields posted (one changed value, and it is refused); and a signed
 * report is passed on only when it names a text and a status.
 */
class StatusCallbackFuzzTests {

	private static final String AUTH_TOKEN = "f0e1d2c3b4a5968778695a4b3c2d1e0f";

	private static final StatusCallback callback = new StatusCallback(
			URI.create("https://security-info.example.com/"), AUTH_TOKEN);

	private static final String[] NAMES = { "MessageSid", "MessageStatus", "ErrorCode", "To", "From", "AccountSid",
			"SmsStatus" };

	private static final String[] STATUSES = { "queued", "sent", "delivered", "undelivered", "failed", "read",
			"DELIVERED", "" };

	@FuzzTest(maxDuration = "5s")
	void reportWhenAnyFieldsAndSignatureThenOnlyWhatTwilioSignedCounts(FuzzedDataProvider data) {
		Map<String, String> fields = new LinkedHashMap<>();
		int count = data.consumeInt(0, 6);
		for (int i = 0; i < count; i++) {
			String name = data.consumeBoolean() ? data.pickValue(NAMES) : data.consumeString(12);
			String value = "MessageStatus".equals(name) && data.consumeBoolean() ? data.pickValue(STATUSES)
					: data.consumeString(40);
			fields.put(name, value);
		}
		boolean signed = data.consumeBoolean();
		String signature = signed ? TwilioSignature.sign(AUTH_TOKEN, callback.url(), fields)
				: data.consumeBoolean() ? null : data.consumeString(40);
		boolean duplicated = !fields.isEmpty() && data.consumeBoolean();
		String tamperWith = data.consumeString(8);

		MockHttpServletRequest request = new MockHttpServletRequest("POST", StatusCallback.PATH);
		fields.forEach(request::addParameter);
		if (duplicated) {
			String name = fields.keySet().iterator().next();
			request.addParameter(name, fields.get(name) + "x");
		}
		List<Object> published = new ArrayList<>();
		ResponseEntity<Void> answer = new StatusCallbackController(callback, published::add).report(signature,
				request);

		boolean genuine = signature != null && signature.equals(TwilioSignature.sign(AUTH_TOKEN, callback.url(),
				fields));
		if (!genuine || duplicated) {
			assertThat(answer.getStatusCode().value()).isEqualTo(403);
			assertThat(published).isEmpty();
			return;
		}
		assertThat(answer.getStatusCode().value()).isEqualTo(200);
		assertThat(published).hasSizeLessThanOrEqualTo(1);
		published.forEach(event -> assertThat(((TextDeliveryReported) event).providerMessageId())
			.isEqualTo(fields.get("MessageSid")));
		if (!fields.isEmpty()) {
			Map<String, String> changed = new LinkedHashMap<>(fields);
			String name = fields.keySet().iterator().next();
			String other = fields.get(name) + (tamperWith.isEmpty() ? "1" : tamperWith);
			changed.put(name, other);
			assertThat(callback.isSignedByTwilio(changed, signature)).isFalse();
		}
	}

}
