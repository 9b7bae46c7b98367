package io.securityinfo.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.util.Locale;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.i18n.LocaleContextHolder;

import io.securityinfo.AppFixture;

/**
 * {@link AppFixture} for tests of {@link VerificationCodes} itself, called as a service: a new person before each
 * test ({@link #account}), and English for the words of the texts and mails it sends.
 */
abstract class VerificationCodesFixture extends AppFixture {

	@Autowired
	VerificationCodes codes;

	long account;

	@BeforeEach
	void newAccountInEnglish() {
		LocaleContextHolder.setLocale(Locale.ENGLISH);
		account = newAccountId();
	}

	@AfterEach
	void resetLocale() {
		LocaleContextHolder.resetLocaleContext();
	}

	long newAccountId() {
		return newEmployee().id();
	}

	/** The call is refused for this reason. */
	static void assertRefused(Refusal refusal, ThrowingCallable call) {
		assertThatExceptionOfType(VerificationRefusedException.class).isThrownBy(call)
			.satisfies(refused -> assertThat(refused.refusal()).isEqualTo(refusal));
	}

}
