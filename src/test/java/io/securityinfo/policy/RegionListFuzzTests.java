package io.securityinfo.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Set;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import io.securityinfo.phone.PhoneNumbers;

/**
 * The admin's list of allowed regions ("nl, BE  de"): read without an exception whatever is typed, into codes that
 * are non-empty, upper case and free of separators, and that read back as the same set from the form the page
 * shows them in ("BE, DE, NL"). A code is saved only when libphonenumber knows it.
 */
class RegionListFuzzTests {

	private static final PhoneNumbers phoneNumbers = new PhoneNumbers();

	@FuzzTest(maxDuration = "5s")
	void regionCodesWhenAnythingIsTypedThenCleanCodesThatReadBackTheSame(FuzzedDataProvider data) {
		String typed = data.consumeBoolean() ? null : data.consumeRemainingAsString();

		Set<String> codes = MethodPolicyController.regionCodes(typed);

		for (String code : codes) {
			assertThat(code).isNotEmpty()
				.isEqualTo(code.toUpperCase(Locale.ROOT))
				.doesNotContain(",", ";")
				.doesNotContainPattern("\\s");
			if (phoneNumbers.isKnownRegion(code)) {
				assertThat(code).matches("[A-Z]{2}");
			}
		}
		String shown = String.join(", ", codes);
		assertThat(MethodPolicyController.regionCodes(shown)).isEqualTo(codes);
	}

}
