package io.securityinfo.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The 10,000 most common passwords, shipped with the app. */
class CommonPasswordsTests {

	private final CommonPasswords common = new CommonPasswords();

	@Test
	void loadWhenReadThenHoldsTenThousandPasswordsAndNotTheHeader() {
		assertThat(common.size()).isEqualTo(10_000);
		assertThat(common.contains("# The 10,000 most common passwords, most common first: the first 10,000"))
			.isFalse();
	}

	@Test
	void containsWhenACommonPasswordInAnyCaseThenTrue() {
		assertThat(common.contains("123456")).isTrue();
		assertThat(common.contains("qwerty123456")).isTrue();
		assertThat(common.contains("QWERTY123456")).isTrue();
		assertThat(common.contains("1qaz2wsx3edc")).isTrue();
	}

	@Test
	void containsWhenAnUncommonPasswordThenFalse() {
		assertThat(common.contains("correct horse battery staple")).isFalse();
		assertThat(common.contains("Passw0rd!")).isFalse();
		assertThat(common.contains(null)).isFalse();
	}

}
