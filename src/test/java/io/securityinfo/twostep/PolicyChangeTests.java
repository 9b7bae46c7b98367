package io.securityinfo.twostep;

import static io.securityinfo.Pages.shows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.securityinfo.AppTest;
import io.securityinfo.TestBrowser;
import io.securityinfo.phone.TestPhoneNumbers;
import io.securityinfo.policy.TestPolicies;
import io.securityinfo.policy.TwoStepRules;
import io.securityinfo.securityinfo.phone.PhoneModes;

/**
 * A change of the two-step policy reaches sessions already open: at its next request, a session that lacks a
 * factor the policy now requires is asked for it, as a sign-in now would.
 */
@AppTest
class PolicyChangeTests extends TwoStepFixture {

	TestBrowser browser;

	@BeforeEach
	void signInWithThePasswordAloneWhileTwoStepIsOff() throws Exception {
		TestPolicies.restoreTwoStep(admin.id(), twoStepPolicy);
		browser = new TestBrowser(mvc);
	}

	@Test
	void nextRequestWhenTwoStepTurnedOnAfterPasswordSignInThenGoesToTheSecondStep() throws Exception {
		String phone = TestPhoneNumbers.nextDutchMobile();
		securityInfo.register(person.id(), "PHONE", phone, PhoneModes.TEXT);
		signInWithPassword().andExpect(redirectedUrl("/"));
		browser.perform(get("/")).andExpect(status().isOk());

		twoStepPolicy.save(admin.id(), new TwoStepRules(true, true, Set.of()));

		browser.perform(get("/")).andExpect(redirectedUrl("/two-step"));
		browser.perform(get("/security-info")).andExpect(redirectedUrl("/two-step"));
		browser.perform(get("/two-step")).andExpect(status().isOk());
		browser.perform(post("/two-step").param("code", sms.lastCodeTo(phone)).with(csrf()));
		browser.perform(get("/")).andExpect(status().isOk()).andExpect(shows("My Profile"));
	}

	@Test
	void nextRequestWhenTwoStepTurnedOnAndPersonHasNoMethodThenGoesToRegistration() throws Exception {
		signInWithPassword().andExpect(redirectedUrl("/"));
		browser.perform(get("/")).andExpect(status().isOk());

		twoStepPolicy.save(admin.id(), new TwoStepRules(true, true, Set.of()));

		browser.perform(get("/")).andExpect(redirectedUrl("/security-info/interrupt"));
	}

	@Test
	void nextRequestWhenTwoStepTurnedOffThenNoSecondStepIsAskedAnyMore() throws Exception {
		securityInfo.register(person.id(), "PHONE", TestPhoneNumbers.nextDutchMobile(), PhoneModes.TEXT);
		twoStepPolicy.save(admin.id(), new TwoStepRules(true, true, Set.of()));
		signInWithPassword().andExpect(redirectedUrl("/two-step"));
		browser.perform(get("/")).andExpect(redirectedUrl("/two-step"));

		twoStepPolicy.save(admin.id(), new TwoStepRules(false, true, Set.of()));

		browser.perform(get("/")).andExpect(status().isOk());
	}

	@Test
	void nextRequestWhenAnotherInstanceTurnedTwoStepOnThenGoesToTheSecondStepWithinTheRecheckInterval()
			throws Exception {
		securityInfo.register(person.id(), "PHONE", TestPhoneNumbers.nextDutchMobile(), PhoneModes.TEXT);
		twoStepPolicy.save(admin.id(), new TwoStepRules(false, true, Set.of()));
		signInWithPassword().andExpect(redirectedUrl("/"));
		browser.perform(get("/")).andExpect(status().isOk());

		// As another instance saves it: in the database only, unknown to this instance until it reads the version.
		jdbc.update("update two_step_policy set required = true, all_users = true, version = version + 1");

		String sentTo = await().atMost(Duration.ofSeconds(10))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> browser.perform(get("/")).andReturn().getResponse().getRedirectedUrl(), Objects::nonNull);
		assertThat(sentTo).isEqualTo("/two-step");
	}

	private org.springframework.test.web.servlet.ResultActions signInWithPassword() throws Exception {
		return browser.signIn(person);
	}

}
