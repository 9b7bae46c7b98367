package io.securityinfo.verification;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * One mapping from a code's answer to what the page says, for every page that takes a code: Security info's
 * ({@code code.}) and the two-step sign-in's ({@code twostep.code.}), each in both languages.
 */
class CheckResultTests {

	private static final List<CheckResult> FAILURES = List.of(new CheckResult.Wrong(2), new CheckResult.Exhausted(),
			new CheckResult.Expired(), new CheckResult.AlreadyVerified("+31612345678", Channel.SMS),
			new CheckResult.LockedOut());

	@Test
	void messageKeyWhenTheCodeProvedNothingThenTheReasonInTheFamilyElseNone() {
		assertThat(FAILURES).extracting(result -> result.messageKey("code."))
			.containsExactly("code.wrong", "code.exhausted", "code.expired", "code.already-used", "code.locked-out");
		assertThat(new CheckResult.Verified("+31612345678", Channel.SMS).messageKey("code.")).isNull();
	}

	@Test
	void messageArgumentsWhenWrongThenTheTriesLeftElseNone() {
		assertThat(new CheckResult.Wrong(2).messageArguments()).containsExactly(2);
		assertThat(new CheckResult.Expired().messageArguments()).isEmpty();
	}

	@ParameterizedTest
	@CsvSource({ "code., messages.properties", "code., messages_nl.properties",
			"twostep.code., messages.properties", "twostep.code., messages_nl.properties" })
	void messageKeyWhenLookedUpThenEveryKeyOfTheFamilyIsInTheMessagesFile(String prefix, String file)
			throws IOException {
		Properties messages = new Properties();
		try (InputStream in = getClass().getResourceAsStream("/messages/" + file);
				Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
			messages.load(reader);
		}

		assertThat(FAILURES).extracting(result -> result.messageKey(prefix))
			.allSatisfy(key -> assertThat(messages).as(file).containsKey(key));
	}

}
