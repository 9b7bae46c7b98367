package io.securityinfo.passwordreset;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.Test;

/** Each way to prove who you are names its words by full message keys, which must all exist. */
class ResetOptionTests {

	@Test
	void everyKeyOfEveryOptionIsInTheMessages() throws IOException {
		Properties messages = new Properties();
		try (InputStream in = getClass().getResourceAsStream("/messages/messages.properties")) {
			messages.load(in);
		}
		List<String> keys = new ArrayList<>();
		for (ResetOption option : ResetOption.values()) {
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
	void bySlugWhenTheUrlNamesAnOptionThenThatOptionElseNone() {
		assertThat(ResetOption.bySlug("text")).contains(ResetOption.TEXT);
		assertThat(ResetOption.bySlug("questions")).contains(ResetOption.QUESTIONS);
		assertThat(ResetOption.bySlug("office-phone")).contains(ResetOption.OFFICE_CALL);
		assertThat(ResetOption.bySlug("alternate-phone")).contains(ResetOption.ALTERNATE_CALL);
		assertThat(ResetOption.bySlug("TEXT")).isEmpty();
	}

}
