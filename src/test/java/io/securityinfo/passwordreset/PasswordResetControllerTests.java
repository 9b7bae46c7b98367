package io.securityinfo.passwordreset;

import static io.securityinfo.Pages.doesNotShow;
import static io.securityinfo.Pages.shows;
import static io.securityinfo.Pages.signedIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import io.securityinfo.AppTest;
import io.securityinfo.account.PasswordChanged;
import io.securityinfo.account.SignedInUser;
import io.securityinfo.account.TestAccounts;
import io.securityinfo.phone.TestPhoneNumbers;
import io.securityinfo.policy.QuestionPolicy;
import io.securityinfo.policy.TestPolicies;
import io.securityinfo.totp.AuthenticatorApps;
import io.securityinfo.totp.EnrolmentView;
import io.securityinfo.totp.TotpTesting;
import io.securityinfo.securityinfo.app.AuthenticatorAppMethodType;
import io.securityinfo.securityinfo.phone.PhoneModes;

/**
 * "Forgot my password": the email, as many methods as the policy requires proven, the new password; the limits, and
 * a person's old password that stops working.
 */
@AppTest
@RecordApplicationEvents
class PasswordResetControllerTests extends PasswordResetFixture {

	@Autowired
	AuthenticatorApps apps;

	@Autowired
	QuestionPolicy questionPolicy;

	@Autowired
	ApplicationEvents events;

	@Test
	void signInPageWhenShownThenLinksToForgotMyPassword() throws Exception {
		mvc.perform(get("/login"))
			.andExpect(shows("<a id=\"forgot-password\" href=\"/password-reset\">Forgot my password</a>"));
	}

	@Test
	void resetWhenOneMethodIsRequiredThenATextCodeLetsThePersonChooseANewPasswordAndTheOldOneStopsWorking()
			throws Exception {
		SignedInUser person = newEmployee();
		String mobile = registerMobile(person);
		ResetBrowser browser = new ResetBrowser(mvc);

		browser.get("/password-reset")
			.andExpect(status().isOk())
			.andExpect(shows("<h1>Get back into your account</h1>"));
		browser.startFor(person.email()).andExpect(redirectedUrl("/password-reset/verify"));
		browser.get("/password-reset/verify")
			.andExpect(shows("Verification step 1 of 1"))
			.andExpect(shows("<a href=\"/password-reset/verify/text\">Text my mobile phone</a>"))
			.andExpect(shows("<a href=\"/password-reset/verify/email\">Email my alternate email</a>"));
		browser.get("/password-reset/verify/text")
			.andExpect(shows("enter your complete mobile phone number"))
			.andExpect(doesNotShow(mobile.substring(mobile.length() - 2) + "<"));
		browser.sendCode("text", "+31 6 " + mobile.substring(4))
			.andExpect(redirectedUrl("/password-reset/verify/text/code"));
		browser.get("/password-reset/verify/text/code")
			.andExpect(shows("If +31 6 •••• ••" + mobile.substring(mobile.length() - 2)
					+ " is the mobile phone number of your account, we&#39;ve sent it a text"));
		browser.enterCode("text", sms.lastCodeTo(mobile)).andExpect(redirectedUrl("/password-reset/new-password"));
		browser.get("/password-reset/new-password").andExpect(shows("<h1>Choose a new password</h1>"));
		browser.choosePassword(NEW_PASSWORD, NEW_PASSWORD).andExpect(redirectedUrl("/password-reset/done"));
		browser.get("/password-reset/done")
			.andExpect(shows("<h1>Your password has been reset</h1>"))
			.andExpect(shows("href=\"/login\""));

		signIn(person, TestAccounts.PASSWORD).andExpect(unauthenticated());
		signIn(person, NEW_PASSWORD).andExpect(authenticated());
		assertThat(events.stream(PasswordChanged.class).filter(event -> event.accountId() == person.id()))
			.singleElement()
			.satisfies(event -> {
				assertThat(event.reset()).isTrue();
				assertThat(event.keepSessionId()).isNull();
				assertThat(event.occurredAt()).isEqualTo(clock.instant());
				assertThat(event.clientIp()).startsWith("10.77.");
			});
		assertThat(audited(person.id())).containsSubsequence("PASSWORD_RESET_STARTED methods-required=1",
				"CODE_SENT TEXT", "CODE_VERIFIED TEXT", "PASSWORD_RESET_METHOD_VERIFIED PHONE TEXT",
				"PASSWORD_RESET proven=PHONE");
		// The reset is used up: its pages send the person back to the start.
		browser.get("/password-reset/new-password").andExpect(redirectedUrl("/password-reset?expired"));
	}

	@Test
	void resetWhenTwoMethodsAreRequiredThenOneIsNotEnoughAndASecondOfAnotherTypeIs() throws Exception {
		requireTwoMethodsForReset();
		SignedInUser person = newEmployee();
		String mobile = TestPhoneNumbers.nextDutchMobile();
		String home = "home-" + System.nanoTime() + "@home.example";
		securityInfo.register(person.id(), "PHONE", mobile, PhoneModes.TEXT);
		securityInfo.register(person.id(), "EMAIL", home, null);
		ResetBrowser browser = new ResetBrowser(mvc);

		browser.startFor(person.email());
		browser.get("/password-reset/verify").andExpect(shows("Verification step 1 of 2"));
		browser.sendCode("call", mobile);
		browser.enterCode("call", sms.lastCodeTo(mobile)).andExpect(redirectedUrl("/password-reset/verify"));
		browser.get("/password-reset/new-password").andExpect(redirectedUrl("/password-reset?expired"));

		browser = resetFor(person);
		proveByText(browser, mobile).andExpect(redirectedUrl("/password-reset/verify"));
		browser.get("/password-reset/verify")
			.andExpect(shows("Verification step 2 of 2"))
			.andExpect(doesNotShow("Text my mobile phone"))
			.andExpect(doesNotShow("Call my mobile phone"))
			.andExpect(shows("Email my alternate email"));
		browser.get("/password-reset/verify/call").andExpect(status().isNotFound());
		browser.sendCode("email", home.toUpperCase()).andExpect(redirectedUrl("/password-reset/verify/email/code"));
		browser.get("/password-reset/verify/email/code").andExpect(shows("If h***@home.example is the alternate"));
		browser.enterCode("email", email.lastCodeTo(home)).andExpect(redirectedUrl("/password-reset/new-password"));
		browser.choosePassword(NEW_PASSWORD, NEW_PASSWORD).andExpect(redirectedUrl("/password-reset/done"));

		signIn(person, NEW_PASSWORD)
			.andExpect(authenticated());
		assertThat(audited(person.id())).contains("PASSWORD_RESET_STARTED methods-required=2",
				"PASSWORD_RESET proven=PHONE,EMAIL");
	}

	@Test
	void resetWhenTwoMethodsAreRequiredThenAnAppCodeAndSecurityQuestionsDo() throws Exception {
		requireTwoMethodsForReset();
		SignedInUser person = newEmployee();
		String secret = registerApp(person);
		List<Long> questions = registerQuestions(person);
		List<String> answers = questions.stream().map(id -> "answer to " + id).toList();
		clock.advance(Duration.ofSeconds(30));
		ResetBrowser browser = resetFor(person);

		browser.get("/password-reset/verify/app").andExpect(shows("authenticator app you registered"));
		browser.follow(browser
			.post("/password-reset/verify/app", "code", TotpTesting.wrong(TotpTesting.code(secret, clock.instant())))
			.andExpect(redirectedUrl("/password-reset/verify/app")))
			.andExpect(status().isOk())
			.andExpect(shows("That code didn&#39;t work."));
		browser.post("/password-reset/verify/app", "code", TotpTesting.code(secret, clock.instant()))
			.andExpect(redirectedUrl("/password-reset/verify"));
		browser.get("/password-reset/verify/questions")
			.andExpect(shows("<legend>Question " + questions.size() + "</legend>"));
		browser.answer(questions, answers.stream().map(answer -> "not " + answer).toList())
			.andExpect(status().isOk())
			.andExpect(shows("Those answers don&#39;t match."))
			.andExpect(doesNotShow("not answer to"));
		browser.answer(reversed(questions), reversed(answers).stream().map(a -> "  " + a.toUpperCase()).toList())
			.andExpect(redirectedUrl("/password-reset/new-password"));
		browser.choosePassword(NEW_PASSWORD, NEW_PASSWORD).andExpect(redirectedUrl("/password-reset/done"));

		assertThat(audited(person.id())).contains("PASSWORD_RESET_ANSWER_FAILED AUTHENTICATOR_APP",
				"PASSWORD_RESET_ANSWER_FAILED SECURITY_QUESTIONS",
				"PASSWORD_RESET proven=AUTHENTICATOR_APP,SECURITY_QUESTIONS");
	}

	@Test
	void sendCodeWhenTheNumberIsNotThePersonsThenThePageReadsTheSameButNothingIsSentAndNoCodeWorks()
			throws Exception {
		SignedInUser person = newEmployee();
		String mobile = TestPhoneNumbers.nextDutchMobile();
		String other = TestPhoneNumbers.nextDutchMobile();
		securityInfo.register(person.id(), "PHONE", mobile, PhoneModes.TEXT);
		ResetBrowser browser = resetFor(person);
		int sentBefore = sms.sent().size();

		browser.sendCode("text", other).andExpect(redirectedUrl("/password-reset/verify/text/code"));
		browser.get("/password-reset/verify/text/code")
			.andExpect(shows("If +31 6 •••• ••" + other.substring(other.length() - 2) + " is the mobile phone"));
		assertThat(sms.sent()).hasSize(sentBefore);
		browser.follow(browser.enterCode("text", "123456").andExpect(redirectedUrl("/password-reset/verify/text/code")))
			.andExpect(status().isOk())
			.andExpect(shows("That code didn&#39;t work."));
	}

	@Test
	void sendCodeWhenWhatWasTypedIsNoNumberThenTheMessageIsBesideTheFieldAndTheTypedValueStays() throws Exception {
		ResetBrowser browser = new ResetBrowser(mvc);
		browser.startFor("nobody-" + System.nanoTime() + "@example.com");

		browser.sendCode("text", "0612345678")
			.andExpect(status().isOk())
			.andExpect(shows("Enter the complete number with its country code, such as +31 6 12345678."))
			.andExpect(shows("value=\"0612345678\""));
		browser.sendCode("email", "not-an-address")
			.andExpect(status().isOk())
			.andExpect(shows("Enter an email address such as name@example.com."));
		browser.sendCode("text", "").andExpect(shows("Enter the number or address in full."));
	}

	@Test
	void sendCodeWhenTheNumberHadFiveCodesThisHourThenTheRefusalIsSaidAndTheLastCodeStillWorks() throws Exception {
		SignedInUser person = newEmployee();
		String mobile = registerMobile(person);
		ResetBrowser browser = resetFor(person);
		for (int i = 0; i < 5; i++) {
			browser.sendCode("text", mobile).andExpect(redirectedUrl("/password-reset/verify/text/code"));
		}
		int sentBefore = sms.sent().size();

		browser.sendCode("text", mobile)
			.andExpect(status().isOk())
			.andExpect(shows("Too many codes were sent to this number in the last hour. Try again later."));

		assertThat(sms.sent()).hasSize(sentBefore);
		// The code sent last still proves the number.
		browser.enterCode("text", sms.lastCodeTo(mobile)).andExpect(redirectedUrl("/password-reset/new-password"));
	}

	@Test
	void enterCodeWhenWrongFiveTimesThenTheResetEndsEvenForTheRightCode() throws Exception {
		SignedInUser person = newEmployee();
		String mobile = registerMobile(person);
		ResetBrowser browser = resetFor(person);
		browser.sendCode("text", mobile);
		String code = sms.lastCodeTo(mobile);

		for (int i = 0; i < 4; i++) {
			browser.follow(browser.enterCode("text", TotpTesting.wrong(code)))
				.andExpect(status().isOk())
				.andExpect(shows("That code didn&#39;t work."));
		}
		browser.enterCode("text", TotpTesting.wrong(code)).andExpect(redirectedUrl("/password-reset?ended"));
		browser.get("/password-reset?ended").andExpect(shows("Too many wrong codes or answers. Start again."));
		browser.enterCode("text", code).andExpect(redirectedUrl("/password-reset?expired"));
		assertThat(audited(person.id())).contains("PASSWORD_RESET_ENDED");
	}

	@Test
	void enterCodeWhenNotSixDigitsThenTheMessageIsBesideTheFieldAndNothingIsCounted() throws Exception {
		ResetBrowser browser = new ResetBrowser(mvc);
		browser.startFor("nobody-" + System.nanoTime() + "@example.com");
		browser.sendCode("text", TestPhoneNumbers.nextDutchMobile());

		for (int i = 0; i < 6; i++) {
			browser.follow(browser.enterCode("text", "12ab"))
				.andExpect(status().isOk())
				.andExpect(shows("The code is 6 digits."))
				.andExpect(doesNotShow("value=\"12ab\""));
		}
		browser.follow(browser.enterCode("text", "123456")).andExpect(shows("That code didn&#39;t work."));
	}

	@Test
	void resetWhenItsLifetimeHasPassedThenThePersonStartsAgain() throws Exception {
		ResetBrowser browser = new ResetBrowser(mvc);
		browser.startFor("nobody-" + System.nanoTime() + "@example.com");
		clock.advance(Duration.ofMinutes(15));

		browser.get("/password-reset/verify").andExpect(redirectedUrl("/password-reset?expired"));
		browser.get("/password-reset?expired")
			.andExpect(shows("Your password reset has expired or was already used. Start again."));
	}

	@Test
	void verifyWhenNoResetWasStartedThenThePersonStartsAgain() throws Exception {
		new ResetBrowser(mvc).get("/password-reset/verify").andExpect(redirectedUrl("/password-reset?expired"));
		new ResetBrowser(mvc).get("/password-reset/new-password").andExpect(redirectedUrl("/password-reset?expired"));
		new ResetBrowser(mvc).get("/password-reset/done").andExpect(redirectedUrl("/password-reset?expired"));
	}

	@Test
	void startWhenTheEmailIsNotAnAddressThenTheMessageIsBesideTheField() throws Exception {
		new ResetBrowser(mvc).startFor("bob")
			.andExpect(status().isOk())
			.andExpect(shows("Enter an email address such as name@example.com."))
			.andExpect(shows("value=\"bob\""));
		new ResetBrowser(mvc).startFor(" ").andExpect(status().isOk()).andExpect(shows("Enter your email."));
	}

	@Test
	void startWhenWithoutCsrfTokenThenRefused() throws Exception {
		mvc.perform(post("/password-reset").param("email", "someone@example.com")).andExpect(status().isForbidden());
	}

	@Test
	void choosePasswordWhenItBreaksARuleThenTheMessageIsBesideTheFieldAndNothingChanges() throws Exception {
		SignedInUser person = newEmployee();
		String mobile = registerMobile(person);
		ResetBrowser browser = resetFor(person);
		proveByText(browser, mobile);

		browser.choosePassword("short", "short").andExpect(status().isOk()).andExpect(shows("Use at least 12 characters."));
		browser.choosePassword(person.email().toUpperCase(), person.email().toUpperCase())
			.andExpect(shows("Your password can&#39;t be your email address."));
		browser.choosePassword("Qwerty123456", "Qwerty123456")
			.andExpect(shows("That password is one of the most common passwords."));
		browser.choosePassword(NEW_PASSWORD, NEW_PASSWORD + "!")
			.andExpect(shows("The passwords don&#39;t match. Type the same new password twice."));
		browser.choosePassword("", "").andExpect(shows("Enter a new password."));

		signIn(person, TestAccounts.PASSWORD).andExpect(authenticated());
		assertThat(events.stream(PasswordChanged.class)).isEmpty();
		browser.choosePassword(NEW_PASSWORD, NEW_PASSWORD).andExpect(redirectedUrl("/password-reset/done"));
	}

	@Test
	void startWhenTheSameEmailStartedFiveThisHourThenRefusedAlikeForKnownAndUnknownEmails() throws Exception {
		SignedInUser person = newEmployee();
		String unknown = "nobody-" + System.nanoTime() + "@example.com";
		for (String address : List.of(person.email(), unknown)) {
			for (int i = 0; i < 5; i++) {
				new ResetBrowser(mvc).startFor(address).andExpect(redirectedUrl("/password-reset/verify"));
			}
			new ResetBrowser(mvc).startFor(address.toUpperCase())
				.andExpect(status().isOk())
				.andExpect(shows("Too many attempts to reset a password from here or for this email."));
		}
		assertThat(audited(person.id())).contains("PASSWORD_RESET_LIMITED");

		clock.advance(Duration.ofMinutes(61));
		new ResetBrowser(mvc).startFor(unknown).andExpect(redirectedUrl("/password-reset/verify"));
	}

	@Test
	void startWhenTheClientStartedTwentyThisHourThenRefused() throws Exception {
		String clientIp = ResetBrowser.nextClientIp();
		for (int i = 0; i < 20; i++) {
			new ResetBrowser(mvc, clientIp).startFor("nobody-" + i + "-" + System.nanoTime() + "@example.com")
				.andExpect(redirectedUrl("/password-reset/verify"));
		}
		new ResetBrowser(mvc, clientIp).startFor("someone-else-" + System.nanoTime() + "@example.com")
			.andExpect(status().isOk())
			.andExpect(shows("Too many attempts"));
		new ResetBrowser(mvc).startFor("someone-else-" + System.nanoTime() + "@example.com")
			.andExpect(redirectedUrl("/password-reset/verify"));
	}

	@Test
	void resetWhenTheAccountIsDisabledThenTheRightCodeProvesNothingAndNothingIsSent() throws Exception {
		SignedInUser person = newEmployee();
		String mobile = registerMobile(person);
		accounts.disable(admin.id(), person.id());
		ResetBrowser browser = new ResetBrowser(mvc);
		browser.startFor(person.email()).andExpect(redirectedUrl("/password-reset/verify"));
		int sentBefore = sms.sent().size();

		browser.sendCode("text", mobile).andExpect(redirectedUrl("/password-reset/verify/text/code"));

		assertThat(sms.sent()).hasSize(sentBefore);
	}

	@Test
	void verifyWhenThePolicyTurnsTextsOffThenTheyAreNotOfferedNorSent() throws Exception {
		SignedInUser person = newEmployee();
		String mobile = registerMobile(person);
		methodPolicy.save(admin.id(), List.of(TestPolicies.off(PhoneModes.SMS)));
		ResetBrowser browser = resetFor(person);

		browser.get("/password-reset/verify")
			.andExpect(doesNotShow("Text my mobile phone"))
			.andExpect(shows("Call my mobile phone"));
		browser.get("/password-reset/verify/text").andExpect(status().isNotFound());
	}

	@Test
	void verifyWhenTheMethodIsOnOnlyForAGroupThePersonIsNotInThenNoCodeIsSent() throws Exception {
		SignedInUser person = newEmployee();
		String mobile = registerMobile(person);
		ResetBrowser browser = resetFor(person);
		int sentBefore = sms.sent().size();

		TestPolicies.withMethodOffForEveryone(methodPolicy, groups, admin.id(), PhoneModes.SMS,
				() -> browser.sendCode("text", mobile).andExpect(redirectedUrl("/password-reset/verify/text/code")));

		assertThat(sms.sent()).hasSize(sentBefore);
	}

	private String registerApp(SignedInUser person) {
		EnrolmentView enrolment = apps.start(person.id());
		long methodId = securityInfo.register(person.id(), "AUTHENTICATOR_APP", "TOTP", AuthenticatorAppMethodType.APP_CODE).id();
		apps.confirm(person.id(), enrolment.id(), TotpTesting.code(enrolment.secret(), clock.instant()));
		apps.keep(person.id(), enrolment.id(), methodId);
		return enrolment.secret();
	}

	private List<Long> registerQuestions(SignedInUser person) throws Exception {
		List<Long> questions = questionPolicy.current()
			.offered()
			.stream()
			.map(QuestionPolicy.Question::id)
			.limit(questionPolicy.current().questionsRequired())
			.toList();
		var request = post("/security-info/security-questions");
		for (int i = 0; i < questions.size(); i++) {
			request.param("answers[" + i + "].questionId", String.valueOf(questions.get(i)))
				.param("answers[" + i + "].answer", "answer to " + questions.get(i));
		}
		mvc.perform(request.with(csrf()).with(signedIn(person)))
			.andExpect(redirectedUrl("/security-info/security-questions/done"));
		return questions;
	}

	/** The same answers in another order: the questions need not come in the order they were answered. */
	private static <T> List<T> reversed(List<T> list) {
		List<T> reversed = new java.util.ArrayList<>(list);
		java.util.Collections.reverse(reversed);
		return reversed;
	}

}
