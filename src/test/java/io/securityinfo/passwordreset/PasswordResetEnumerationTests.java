package io.securityinfo.passwordreset;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.ResultActions;

import io.securityinfo.AppFixture;
import io.securityinfo.AppTest;
import io.securityinfo.account.SignedInUser;
import io.securityinfo.phone.TestPhoneNumbers;
import io.securityinfo.securityinfo.SecurityInfo;
import io.securityinfo.securityinfo.phone.PhoneModes;

/**
 * "Get back into your account" tells no one whether an email is an account's: every answer, from the email to a
 * wrong code, is the same for an account with methods, an account without, a disabled account and an email that
 * is no one's, and the first answer takes about as long.
 */
@AppTest
class PasswordResetEnumerationTests extends AppFixture {

	@Autowired
	SecurityInfo securityInfo;

	/** What a browser gets, less what differs by design between any two visits: the CSRF token. */
	record Answer(int status, String redirect, String body) {

		static Answer of(ResultActions actions) throws Exception {
			MockHttpServletResponse response = actions.andReturn().getResponse();
			String body = response.getContentAsString(StandardCharsets.UTF_8)
				.replaceAll("name=\"_csrf\" value=\"[^\"]*\"", "name=\"_csrf\" value=\"…\"");
			return new Answer(response.getStatus(), response.getRedirectedUrl(), body);
		}

	}

	@Test
	void everyStepWhenTheEmailIsAnAccountsOrNoOnesThenAnswersTheSame() throws Exception {
		SignedInUser withMethods = newEmployee();
		securityInfo.register(withMethods.id(), "PHONE", TestPhoneNumbers.nextDutchMobile(), PhoneModes.TEXT);
		securityInfo.register(withMethods.id(), "EMAIL", "home-" + System.nanoTime() + "@home.example", null);
		SignedInUser withoutMethods = newEmployee();
		SignedInUser disabled = newEmployee();
		securityInfo.register(disabled.id(), "PHONE", TestPhoneNumbers.nextDutchMobile(), PhoneModes.TEXT);
		accounts.disable(newAdmin().id(), disabled.id());
		String typedNumber = TestPhoneNumbers.nextDutchMobile();

		List<List<Answer>> journeys = new ArrayList<>();
		for (String email : List.of(withMethods.email(), withoutMethods.email(), disabled.email(),
				"nobody-" + System.nanoTime() + "@example.com")) {
			journeys.add(journey(email, typedNumber));
		}

		assertThat(journeys.get(0)).extracting(Answer::status).containsExactly(200, 302, 200, 200, 302, 200, 200);
		assertThat(journeys.get(0).get(1).redirect()).isEqualTo("/password-reset/verify");
		assertThat(journeys.get(0).get(2).body()).contains("Text my mobile phone").contains("Verification step 1");
		assertThat(journeys.get(0).get(6).body()).contains("That code didn&#39;t work.");
		for (List<Answer> journey : journeys.subList(1, journeys.size())) {
			assertThat(journey).containsExactlyElementsOf(journeys.get(0));
		}
	}

	@Test
	void startWhenTheEmailIsAnAccountsOrNoOnesThenTakesAboutAsLong() throws Exception {
		int runs = 15;
		List<String> known = new ArrayList<>();
		for (int i = 0; i < runs; i++) {
			SignedInUser person = newEmployee();
			securityInfo.register(person.id(), "PHONE", TestPhoneNumbers.nextDutchMobile(), PhoneModes.TEXT);
			known.add(person.email());
		}
		// Warm up both paths, so that neither pays for the first use of anything.
		for (int i = 0; i < 5; i++) {
			new ResetBrowser(mvc).startFor("warm-up-" + i + "-" + System.nanoTime() + "@example.com");
		}
		List<Long> knownNanos = new ArrayList<>();
		List<Long> unknownNanos = new ArrayList<>();
		for (int i = 0; i < runs; i++) {
			knownNanos.add(timeStart(known.get(i)));
			unknownNanos.add(timeStart("nobody-" + i + "-" + System.nanoTime() + "@example.com"));
		}

		long knownMedian = median(knownNanos);
		long unknownMedian = median(unknownNanos);
		// Generous: a shared build machine is noisy. A lookup that answers early, or work done only for one kind
		// (sending, hashing), shows as a multiple, not as a few milliseconds.
		assertThat(Math.abs(knownMedian - unknownMedian)).as("known %d ns, unknown %d ns", knownMedian, unknownMedian)
			.isLessThan(Math.max(5_000_000L, Math.max(knownMedian, unknownMedian) / 2));
	}

	private long timeStart(String email) throws Exception {
		ResetBrowser browser = new ResetBrowser(mvc);
		long start = System.nanoTime();
		browser.startFor(email);
		return System.nanoTime() - start;
	}

	private static long median(List<Long> values) {
		List<Long> sorted = values.stream().sorted().toList();
		return sorted.get(sorted.size() / 2);
	}

	private List<Answer> journey(String email, String typedNumber) throws Exception {
		ResetBrowser browser = new ResetBrowser(mvc);
		return List.of(Answer.of(browser.get("/password-reset")), Answer.of(browser.startFor(email)),
				Answer.of(browser.get("/password-reset/verify")), Answer.of(browser.get("/password-reset/verify/text")),
				Answer.of(browser.sendCode("text", typedNumber)),
				Answer.of(browser.get("/password-reset/verify/text/code")),
				Answer.of(browser.enterCode("text", "123456")));
	}

}
