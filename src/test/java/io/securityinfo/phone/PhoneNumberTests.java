package io.securityinfo.securityinfo.phone;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A phone method's stored detail: the number and the office phone's extension, written and read back. */
class PhoneDetailTests {

	@Test
	void storedWhenThereIsAnExtensionThenWritesItTheRfc3966Way() {
		assertThat(new PhoneDetail("+31201234567", " 12 ").stored()).isEqualTo("+31201234567;ext=12");
	}

	@Test
	void storedWhenTheExtensionIsBlankThenTheNumberAlone() {
		assertThat(new PhoneDetail("+31201234567", "  ").stored()).isEqualTo("+31201234567");
		assertThat(new PhoneDetail("+31201234567", null).extension()).isNull();
	}

	@Test
	void parseReadsWhatStoredWrote() {
		assertThat(PhoneDetail.parse("+31201234567;ext=12")).isEqualTo(new PhoneDetail("+31201234567", "12"));
		assertThat(PhoneDetail.parse("+31612345678")).isEqualTo(new PhoneDetail("+31612345678", null));
	}

}
