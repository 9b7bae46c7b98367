package io.securityinfo.passwordreset;

import static io.securityinfo.Pages.shows;
import static io.securityinfo.Pages.signedIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import io.securityinfo.AppTest;
import io.securityinfo.account.PasswordChanged;
import io.securityinfo.account.SignedInUser;
import io.securityinfo.account.TestAccounts;
import io.securityinfo.phone.TestPhone;
import io.securityinfo.phone.TestPhoneNumbers;
import io.securityinfo.policy.PolicyFixture;
import io.securityinfo.securityinfo.phone.PhoneSteps;

/**
 * Done when: bob (the demo account bob@example.com) registers a phone and an email on Security info, the
 * administrator requires two methods to reset, and bob, having forgotten his password, resets it with a text and an
 * email code and signs in with the new one. The only test that touches bob.
 */
@AppTest
@RecordApplicationEvents
class PasswordResetJourneyTests extends PolicyFixture {

	private static final String BOB = "bob@example.com";

	@Autowired
	ApplicationEvents events;

	@Autowired
	PhoneSteps phoneSteps;

	@Test
	void bobResetsAForgottenPasswordWithHisPhoneAndEmailThenSignsInWithTheNewOne() throws Exception {
		SignedInUser bob = (SignedInUser) users.loadUserByUsername(BOB);
		String mobile = TestPhoneNumbers.nextDutchMobile();
		String home = "bob-" + System.nanoTime() + "@home.example";
		registerPhone(bob, mobile);
		registerEmail(bob, home);
		mvc.perform(post("/admin/registration").param("requireRegistration", "false")
			.param("methodsRequiredForReset", "2")
			.param("reconfirmDays", "0")
			.param("skipDays", "14")
			.with(csrf())
			.with(signedIn(admin))).andExpect(status().is3xxRedirection());
		assertThat(registrationPolicy.current().methodsRequiredForReset()).isEqualTo(2);

		ResetBrowser browser = new ResetBrowser(mvc);
		mvc.perform(get("/login")).andExpect(shows("href=\"/password-reset\""));
		browser.startFor(BOB).andExpect(redirectedUrl("/password-reset/verify"));
		browser.get("/password-reset/verify").andExpect(shows("Verification step 1 of 2"));
		browser.sendCode("text", "+31 6 " + mobile.substring(4));
		browser.enterCode("text", sms.lastCodeTo(mobile)).andExpect(redirectedUrl("/password-reset/verify"));
		browser.get("/password-reset/verify").andExpect(shows("Verification step 2 of 2"));
		browser.sendCode("email", home);
		browser.enterCode("email", email.lastCodeTo(home)).andExpect(redirectedUrl("/password-reset/new-password"));
		browser.choosePassword("bob's brand new passphrase", "bob's brand new passphrase")
			.andExpect(redirectedUrl("/password-reset/done"));
		browser.get("/password-reset/done").andExpect(shows("Your password has been reset"));

		mvc.perform(formLogin("/login").user("email", BOB).password(TestAccounts.PASSWORD))
			.andExpect(unauthenticated());
		mvc.perform(formLogin("/login").user("email", BOB).password("bob's brand new passphrase"))
			.andExpect(authenticated().withUsername(BOB));
		assertThat(events.stream(PasswordChanged.class)).singleElement()
			.satisfies(event -> assertThat(event.accountId()).isEqualTo(bob.id()))
			.satisfies(event -> assertThat(event.reset()).isTrue());
	}

	/** As "Add method" → Phone does: the number, then the code the text brought. */
	private void registerPhone(SignedInUser bob, String mobile) throws Exception {
		phoneSteps.register(signedIn(bob), "phone", TestPhone.ofE164(mobile), "TEXT");
	}

	/** As "Add method" → Email does: the address, then the code the email brought. */
	private void registerEmail(SignedInUser bob, String address) throws Exception {
		String challenge = mvc
			.perform(post("/security-info/email").param("email", address).with(csrf()).with(signedIn(bob)))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		mvc.perform(post(challenge).param("code", email.lastCodeTo(address)).with(csrf()).with(signedIn(bob)))
			.andExpect(redirectedUrl(challenge + "/done"));
	}

}
