package io.securityinfo.passwordreset;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.securityinfo.AppTest;
import io.securityinfo.securityinfo.ResetMethods;

/** Each way to prove who you are names its words by message keys built from its slug, which must all exist. */
@AppTest
class ResetOptionTests {

	@Autowired
	ResetMethods resetMethods;

	@Autowired
	PasswordResets resets;

	@Test
	void everyKeyOfEveryOptionIsInTheMessages() throws IOException {
		Properties messages = new Properties();
		try (InputStream in = getClass().getResourceAsStream("/messages/messages.properties")) {
			messages.load(in);
		}
		List<String> keys = new ArrayList<>();
		for (ResetOption option : resetMethods.ways().stream().map(ResetOption::new).toList()) {
			keys.add(option.labelKey());
			if (option.sendsCode()) {
				ResetOption.CodeWords words = option.codeWords();
				keys.addAll(List.of(words.introKey(), words.fieldKey(), words.formatKey(), words.sendKey(),
						words.sentKey()));
			}
		}

		assertThat(keys).hasSize(32).allSatisfy(key -> assertThat(messages).containsKey(key));
	}

	@Test
	void optionWhenTheUrlNamesAnOptionThenThatOptionElseNone() {
		assertThat(resets.option("text")).map(ResetOption::name).contains("TEXT");
		assertThat(resets.option("questions")).map(ResetOption::name).contains("QUESTIONS");
		assertThat(resets.option("office-phone")).map(ResetOption::name).contains("OFFICE_CALL");
		assertThat(resets.option("alternate-phone")).map(ResetOption::name).contains("ALTERNATE_CALL");
		assertThat(resets.option("TEXT")).isEmpty();
	}

}
