package io.securityinfo.passwordreset;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.Validation;
import jakarta.validation.Validator;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;


/**
 * "Enter code": what the form lets through is, once {@link PasswordResets#checkCode} has taken the spaces out,
 * exactly six ASCII digits (no Arabic-Indic or full-width digits, no control characters, nothing longer); and every
 * six-digit code typed with spaces around it or in its middle ("123 456") is let through as that code.
 */
class CodeEntryFuzzTests {

	private static final Validator validator = Validation.buildDefaultValidatorFactory().getValidator();

	private static final String[] SPACES = { "", " ", "  ", "\t", "\n", "\r\n", " \t " };

	@FuzzTest(maxDuration = "5s")
	void codeFormWhenAnythingIsTypedThenOnlySixAsciiDigitsPass(FuzzedDataProvider data) {
		boolean wellFormed = data.consumeBoolean();
		String sixDigits = String.format("%06d", data.consumeInt(0, 999_999));
		String typed = wellFormed ? data.pickValue(SPACES) + sixDigits.substring(0, 3)
				+ (data.consumeBoolean() ? " " : "") + sixDigits.substring(3) + data.pickValue(SPACES)
				: data.consumeRemainingAsString();
		CodeForm form = new CodeForm();
		form.setCode(typed);

		boolean accepted = validator.validate(form).isEmpty();

		String normalized = typed == null ? "" : typed.replaceAll("\\s", "");
		if (accepted) {
			assertThat(normalized).matches("[0-9]{6}");
		}
		if (wellFormed) {
			assertThat(accepted).as("accepts %s", typed).isTrue();
			assertThat(normalized).isEqualTo(sixDigits);
		}
	}

}
