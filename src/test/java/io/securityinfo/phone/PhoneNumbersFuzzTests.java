package io.securityinfo.phone;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.regex.Pattern;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Whatever a person types as region and number: {@link PhoneNumbers#parse} answers a valid E.164 number or nothing,
 * never an exception; what it answers reads back as itself; and a number's kind is refused the same way every time.
 * The build's fuzz execution replays the inputs in {@code PhoneNumbersFuzzTestsInputs}, then
 * fuzzes it for a few seconds (see the pom's fuzz-* executions).
 */
class PhoneNumbersFuzzTests {

	private static final PhoneNumbers phoneNumbers = new PhoneNumbers();

	private static final Pattern E164 = Pattern.compile("\\+[1-9]\\d{1,14}");

	@FuzzTest(maxDuration = "5s")
	void parseWhenAnythingIsTypedThenAValidE164NumberThatReadsBackAsItselfOrNothing(FuzzedDataProvider data) {
		String region = data.consumeBoolean() ? data.pickValue(new String[] { "NL", "GB", "US", "DE", "AX", "ZZ" })
				: data.consumeString(4);
		String input = data.consumeRemainingAsString();

		Optional<String> parsed = phoneNumbers.parse(region, input);

		if (parsed.isEmpty()) {
			return;
		}
		String e164 = parsed.get();
		assertThat(e164).matches(E164);
		assertThat(phoneNumbers.parse(null, e164)).contains(e164);
		assertThat(phoneNumbers.parse("ZZ", phoneNumbers.formatInternational(e164))).contains(e164);
		assertThat(phoneNumbers.isKnownRegion(phoneNumbers.regionOf(e164))
				|| "001".equals(phoneNumbers.regionOf(e164))).isTrue();
		assertThat(PhoneNumbers.mask(e164)).endsWith(e164.substring(e164.length() - 2))
			.doesNotContain(e164.substring(1, e164.length() - 2));

		Optional<String> text = phoneNumbers.refusalFor(e164, true, false);
		Optional<String> call = phoneNumbers.refusalFor(e164, false, false);
		Optional<String> textWithVoip = phoneNumbers.refusalFor(e164, true, true);
		Optional<String> callWithVoip = phoneNumbers.refusalFor(e164, false, true);
		for (Optional<String> refusal : new Optional[] { text, call, textWithVoip, callWithVoip }) {
			refusal.ifPresent(key -> assertThat(key).startsWith("phone.number.type."));
		}
		// Refused for a call means refused for a text; allowing VoIP lets nothing else in.
		if (call.isPresent()) {
			assertThat(text).isPresent();
		}
		if (callWithVoip.isPresent()) {
			assertThat(call).contains(callWithVoip.get());
		}
		if (textWithVoip.isEmpty() && text.isPresent()) {
			assertThat(text).contains("phone.number.type.VOIP");
		}
	}

}
