package io.securityinfo.phone;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A phone method's stored detail: the number and the office phone's extension, written and read back. */
class PhoneNumberTests {

	private final PhoneNumbers phoneNumbers = new PhoneNumbers();

	@Test
	void storedWhenThereIsAnExtensionThenWritesItTheRfc3966Way() {
		assertThat(new PhoneNumber("+31201234567", "NL", " 12 ").stored()).isEqualTo("+31201234567;ext=12");
	}

	@Test
	void storedWhenTheExtensionIsBlankThenTheNumberAlone() {
		assertThat(new PhoneNumber("+31201234567", "NL", "  ").stored()).isEqualTo("+31201234567");
		assertThat(new PhoneNumber("+31201234567", "NL", null).extension()).isNull();
	}

	@Test
	void parseReadsWhatStoredWrote() {
		assertThat(phoneNumbers.ofStored("+31201234567;ext=12"))
			.isEqualTo(new PhoneNumber("+31201234567", "NL", "12"));
		assertThat(phoneNumbers.ofStored("+31612345678")).isEqualTo(new PhoneNumber("+31612345678", "NL", null));
	}

	@Test
	void readWhenANumberOfAnotherRegionIsTypedWithItsPrefixThenItBelongsToThatRegion() {
		assertThat(phoneNumbers.read("NL", "+44 7400 123456")).contains(new PhoneNumber("+447400123456", "GB", null));
		assertThat(phoneNumbers.read("GB", "07781 123456")).contains(new PhoneNumber("+447781123456", "GG", null));
		assertThat(phoneNumbers.read("NL", "06 12345678")).contains(new PhoneNumber("+31612345678", "NL", null));
	}

	@Test
	void e164OfWhenTheStoredDetailHasAnExtensionThenTheNumberAlone() {
		assertThat(PhoneNumber.e164Of("+31201234567;ext=12")).isEqualTo("+31201234567");
		assertThat(PhoneNumber.e164Of("+31201234567")).isEqualTo("+31201234567");
	}

}
