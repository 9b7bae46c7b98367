package io.securityinfo.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import org.springframework.test.util.ReflectionTestUtils;

import io.securityinfo.system.TestClock;

/**
 * The token of a "This wasn't me" link, as it comes back in a URL: any string is answered with a state, never an
 * exception; only the exact token issued is valid; and a string that cannot be a token is not even looked up.
 */
class NotMeTokenFuzzTests {

	/** The links stored, by token hash, as the repository would find them. */
	private static final Map<String, NotMeLink> stored = new HashMap<>();

	private static final List<String> lookedUp = new ArrayList<>();

	private static final NotMeLinks links = new NotMeLinks(repository(), null, null,
			new NotificationProperties(Duration.ofDays(14), Duration.ofDays(30)), new TestClock(), null);

	private static final String issued = links.issue(1, "Phone added").token();

	@FuzzTest(maxDuration = "5s")
	void stateWhenAnyTokenThenOnlyTheIssuedOneIsValid(FuzzedDataProvider data) {
		String token = switch (data.consumeInt(0, 3)) {
			case 0 -> issued;
			case 1 -> mutate(issued, data);
			default -> data.consumeRemainingAsString();
		};
		lookedUp.clear();

		NotMeLinks.State state = links.state(token);

		assertThat(state).isEqualTo(issued.equals(token) ? NotMeLinks.State.VALID : NotMeLinks.State.INVALID);
		if (token == null || !token.matches("[A-Za-z0-9_-]{43}")) {
			assertThat(lookedUp).isEmpty();
		}
		lookedUp.forEach(hash -> assertThat(hash).matches("[0-9a-f]{64}"));
	}

	/** The issued token with one character changed, dropped or added. */
	private static String mutate(String token, FuzzedDataProvider data) {
		int at = data.consumeInt(0, token.length() - 1);
		char replacement = data.consumeChar();
		return switch (data.consumeInt(0, 2)) {
			case 0 -> token.substring(0, at) + replacement + token.substring(at + 1);
			case 1 -> token.substring(0, at) + token.substring(at + 1);
			default -> token + replacement;
		};
	}

	private static NotMeLinkRepository repository() {
		return (NotMeLinkRepository) Proxy.newProxyInstance(NotMeTokenFuzzTests.class.getClassLoader(),
				new Class<?>[] { NotMeLinkRepository.class }, (proxy, method, args) -> switch (method.getName()) {
					case "save" -> {
						NotMeLink link = (NotMeLink) args[0];
						stored.put((String) ReflectionTestUtils.getField(link, "tokenHash"), link);
						yield link;
					}
					case "findByTokenHash" -> {
						lookedUp.add((String) args[0]);
						yield Optional.ofNullable(stored.get((String) args[0]));
					}
					default -> throw new UnsupportedOperationException(method.getName());
				});
	}

}
