package io.securityinfo.securityinfo.interrupt;

import static io.securityinfo.Pages.inSession;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MvcResult;

import io.securityinfo.securityinfo.phone.PhoneMethodType;
import io.securityinfo.securityinfo.SecurityInfo;
import io.securityinfo.AppTest;
import io.securityinfo.account.SignInSteps;
import io.securityinfo.account.SignedInUser;
import io.securityinfo.account.TestAccounts;
import io.securityinfo.phone.TestPhone;
import io.securityinfo.phone.TestPhoneNumbers;
import io.securityinfo.policy.PolicyFixture;
import io.securityinfo.policy.RegistrationRules;
import io.securityinfo.securityinfo.app.AuthenticatorAppMethodType;
import io.securityinfo.securityinfo.phone.PhoneModes;
import io.securityinfo.securityinfo.phone.PhoneSteps;

/** "More information required" after a real sign-in, as the registration policy and the clock decide. */
@AppTest
class RegistrationInterruptTests extends PolicyFixture {

	private static final String INTERRUPT = "/security-info/interrupt";

	@Autowired
	SecurityInfo securityInfo;

	@Autowired
	PhoneSteps steps;

	SignedInUser employee;

	@BeforeEach
	void createPeople() {
		employee = newEmployee();
	}

	@Test
	void signInWhenRegistrationIsRequiredThenThePersonIsAskedForMoreInformationBeforeAnythingElse() throws Exception {
		requireRegistration(1, 14);

		MockHttpSession session = signIn(employee, "/security-info");

		mvc.perform(get("/security-info").session(session)).andExpect(redirectedUrl(INTERRUPT));
		mvc.perform(get(INTERRUPT).session(session))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("<h1>More information required</h1>"),
					containsString("Your organization needs more information to keep your account secure"),
					containsString("Skip for now"), not(containsString("Your organization asks for")))));
		mvc.perform(get("/").session(session)).andExpect(redirectedUrl(INTERRUPT));
		mvc.perform(get("/security-info/default").session(session)).andExpect(redirectedUrl(INTERRUPT));
		mvc.perform(get("/security-info/add").session(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<h1>Add a method</h1>")));
		assertThat(registrationFirstPromptedAt(employee)).isEqualTo(clock.instant());
	}

	@Test
	void registerWhenAPhoneIsAddedThroughTheInterruptThenDoneLeadsOnToThePageFirstAskedFor() throws Exception {
		requireRegistration(1, 14);
		MockHttpSession session = signIn(employee, "/security-info/default");
		mvc.perform(get("/security-info/default").session(session)).andExpect(redirectedUrl(INTERRUPT));
		mvc.perform(get(INTERRUPT).session(session)).andExpect(status().isOk());

		mvc.perform(post("/security-info/add").session(session).with(csrf()).param("type", "PHONE"))
			.andExpect(redirectedUrl("/security-info/phone"));
		String done = registerPhone(session, TestPhoneNumbers.nextDutchMobile());

		mvc.perform(get(done).session(session))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("SMS verified. Your phone was registered successfully."),
					containsString("href=\"/security-info/interrupt/continue\""))));
		mvc.perform(get(INTERRUPT + "/continue").session(session))
			.andExpect(redirectedUrl("/security-info/default"));
		mvc.perform(get("/security-info/default").session(session)).andExpect(status().isOk());
		assertThat(securityInfoConfirmedAt(employee)).isEqualTo(clock.instant());
	}

	@Test
	void skipWhenWithinTheDaysCountedFromTheFirstPromptThenAllowedAndAfterThemRefused() throws Exception {
		requireRegistration(1, 2);

		MockHttpSession firstDay = signIn(employee, "/security-info");
		mvc.perform(get("/security-info").session(firstDay)).andExpect(redirectedUrl(INTERRUPT));
		mvc.perform(get(INTERRUPT).session(firstDay)).andExpect(content().string(containsString("Skip for now")));
		mvc.perform(post(INTERRUPT + "/skip").session(firstDay).with(csrf()))
			.andExpect(redirectedUrl("/security-info"));
		mvc.perform(get("/security-info").session(firstDay)).andExpect(status().isOk());
		assertThat(skips(employee)).isOne();

		clock.advance(Duration.ofDays(1));
		MockHttpSession nextDay = signIn(employee, "/");
		mvc.perform(get("/").session(nextDay)).andExpect(redirectedUrl(INTERRUPT));
		mvc.perform(get(INTERRUPT).session(nextDay)).andExpect(content().string(containsString("Skip for now")));
		mvc.perform(post(INTERRUPT + "/skip").session(nextDay).with(csrf())).andExpect(redirectedUrl("/"));
		assertThat(skips(employee)).isEqualTo(2);

		// Two and a half days after the first prompt, though only one and a half after the latest.
		clock.advance(Duration.ofHours(36));
		MockHttpSession afterTheSkipDays = signIn(employee, "/");
		mvc.perform(get("/").session(afterTheSkipDays)).andExpect(redirectedUrl(INTERRUPT));
		mvc.perform(get(INTERRUPT).session(afterTheSkipDays))
			.andExpect(content().string(allOf(containsString("More information required"),
					not(containsString("Skip for now")))));
		mvc.perform(post(INTERRUPT + "/skip").session(afterTheSkipDays).with(csrf()))
			.andExpect(redirectedUrl(INTERRUPT));
		mvc.perform(get("/").session(afterTheSkipDays)).andExpect(redirectedUrl(INTERRUPT));
		assertThat(skips(employee)).isEqualTo(2);
	}

	@Test
	void skipWhenThePolicyAllowsNoSkippingThenNoButtonAndRefused() throws Exception {
		requireRegistration(1, 0);

		MockHttpSession session = signIn(employee, "/");

		mvc.perform(get(INTERRUPT).session(session))
			.andExpect(content().string(allOf(containsString("More information required"),
					not(containsString("Skip for now")))));
		mvc.perform(post(INTERRUPT + "/skip").session(session).with(csrf())).andExpect(redirectedUrl(INTERRUPT));
		mvc.perform(get("/").session(session)).andExpect(redirectedUrl(INTERRUPT));
		assertThat(skips(employee)).isZero();
	}

	@Test
	void signInWhenTwoMethodsAreRequiredAndThePersonHasOneThenTheyStayInterruptedUntilTheyAddASecond()
			throws Exception {
		requireRegistration(2, 0);
		securityInfo.register(employee.id(), PhoneMethodType.ID, TestPhoneNumbers.nextDutchMobile(), PhoneModes.TEXT);

		MockHttpSession session = signIn(employee, "/security-info");

		mvc.perform(get("/security-info").session(session)).andExpect(redirectedUrl(INTERRUPT));
		mvc.perform(get(INTERRUPT).session(session))
			.andExpect(content().string(containsString("Your organization asks for 2 methods. You have 1.")));
		// Adding to security info that already holds a method needs that method first (step-up).
		mvc.perform(get("/security-info/add").session(session)).andExpect(redirectedUrl("/two-step"));
		mvc.perform(get("/two-step").session(session)).andExpect(status().isOk());
		String phone = jdbc.queryForObject("select detail from security_method where account_id = ? and type = 'PHONE'",
				String.class, employee.id());
		MvcResult stepUp = mvc
			.perform(post("/two-step").param("code", sms.lastCodeTo(phone)).session(session).with(csrf()))
			.andExpect(redirectedUrl("/security-info/add?continue"))
			.andReturn();
		session = (MockHttpSession) stepUp.getRequest().getSession(false);
		mvc.perform(get("/security-info/add").session(session))
			.andExpect(content().string(containsString("<option value=\"AUTHENTICATOR_APP\" selected=\"selected\">")));
		mvc.perform(get(INTERRUPT + "/continue").session(session)).andExpect(redirectedUrl(INTERRUPT));
		mvc.perform(get("/security-info").session(session)).andExpect(redirectedUrl(INTERRUPT));

		securityInfo.register(employee.id(), "AUTHENTICATOR_APP", "TOTP", AuthenticatorAppMethodType.APP_CODE);

		mvc.perform(get(INTERRUPT + "/continue").session(session)).andExpect(redirectedUrl("/security-info"));
	}

	@Test
	void signInWhenAnAdministratorRequiredRegistrationThenInterruptedWithoutSkipEvenIfThePolicyDoesNot()
			throws Exception {
		jdbc.update("update account set registration_required = true where id = ?", employee.id());

		MockHttpSession session = signIn(employee, "/security-info");

		mvc.perform(get("/security-info").session(session)).andExpect(redirectedUrl(INTERRUPT));
		mvc.perform(get(INTERRUPT).session(session))
			.andExpect(content().string(allOf(containsString("More information required"),
					not(containsString("Skip for now")))));
		mvc.perform(post(INTERRUPT + "/skip").session(session).with(csrf())).andExpect(redirectedUrl(INTERRUPT));

		securityInfo.register(employee.id(), PhoneMethodType.ID, TestPhoneNumbers.nextDutchMobile(), PhoneModes.TEXT);
		mvc.perform(get(INTERRUPT + "/continue").session(session)).andExpect(redirectedUrl("/security-info"));

		assertThat(jdbc.queryForObject("select registration_required from account where id = ?", Boolean.class,
				employee.id()))
			.isFalse();
	}

	@Test
	void signInWhenTheSecurityInfoIsDueForReconfirmationThenLooksGoodConfirmsItAndLetsThePersonThrough()
			throws Exception {
		registrationPolicy.save(admin.id(), new RegistrationRules(false, 1, 30, 14));
		String number = TestPhoneNumbers.nextDutchMobile();
		securityInfo.register(employee.id(), PhoneMethodType.ID, number, PhoneModes.TEXT);
		confirmedDaysAgo(employee, 31);

		MockHttpSession session = signIn(employee, "/security-info");

		mvc.perform(get("/security-info").session(session)).andExpect(redirectedUrl(INTERRUPT));
		mvc.perform(get(INTERRUPT).session(session))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("<h1>Keep your account secure</h1>"),
					containsString("<td class=\"method-detail\">+31 6 " + number.substring(4) + "</td>"),
					containsString("Looks good"), not(containsString("Skip for now")))));
		mvc.perform(post(INTERRUPT + "/confirm").session(session).with(csrf()))
			.andExpect(redirectedUrl("/security-info"));

		assertThat(securityInfoConfirmedAt(employee)).isEqualTo(clock.instant());
		mvc.perform(get("/security-info").session(session)).andExpect(status().isOk());
		assertThat(jdbc.queryForObject("""
				select count(*) from audit_event where subject_account_id = ? and action = 'SECURITY_INFO_CONFIRMED'""",
				Integer.class, employee.id()))
			.isOne();
	}

	@Test
	void signInWhenTheSecurityInfoWasConfirmedWithinTheReconfirmDaysThenNoInterrupt() throws Exception {
		registrationPolicy.save(admin.id(), new RegistrationRules(false, 1, 30, 14));
		securityInfo.register(employee.id(), PhoneMethodType.ID, TestPhoneNumbers.nextDutchMobile(), PhoneModes.TEXT);
		confirmedDaysAgo(employee, 29);

		MockHttpSession session = signIn(employee, "/security-info");

		mvc.perform(get("/security-info").session(session)).andExpect(status().isOk());
		mvc.perform(post(INTERRUPT + "/confirm").session(session).with(csrf())).andExpect(redirectedUrl(INTERRUPT));
	}

	@Test
	void signInWhenThePolicyAsksNothingThenNoInterruptAndThePendingMarkIsGone() throws Exception {
		MockHttpSession session = signIn(employee, "/security-info");
		assertThat(session.getAttribute(SignInSteps.PENDING_ATTRIBUTE)).isNotNull();

		mvc.perform(get("/security-info").session(session)).andExpect(status().isOk());

		assertThat(session.getAttribute(SignInSteps.PENDING_ATTRIBUTE)).isNull();
		mvc.perform(get("/").session(session)).andExpect(status().isOk());
		mvc.perform(get(INTERRUPT).session(session)).andExpect(redirectedUrl("/"));
	}

	@Test
	void registerWhenAPhoneIsAddedWithoutBeingAskedThenDoneLeadsBackToSecurityInfo() throws Exception {
		MockHttpSession session = signIn(employee, "/security-info");
		mvc.perform(get("/security-info").session(session)).andExpect(status().isOk());

		String done = registerPhone(session, TestPhoneNumbers.nextDutchMobile());

		mvc.perform(get(done).session(session))
			.andExpect(content()
				.string(containsString("<a class=\"button primary\" href=\"/security-info\">Done</a>")));
		assertThat(jdbc.queryForObject("select security_info_confirmed_at from account where id = ?",
				OffsetDateTime.class, employee.id()))
			.isNull();
	}

	private void requireRegistration(int methods, int skipDays) {
		registrationPolicy.save(admin.id(), new RegistrationRules(true, methods, 0, skipDays));
	}

	/**
	 * Asks for a page while signed out, then signs in on the sign-in page it leads to, as a browser does.
	 * @return the session, signed in, on its way back to the page first asked for
	 */
	private MockHttpSession signIn(SignedInUser person, String firstAsked) throws Exception {
		MvcResult asked = mvc.perform(get(firstAsked)).andExpect(redirectedUrl("/login")).andReturn();
		MvcResult signedIn = mvc
			.perform(post("/login").session((MockHttpSession) asked.getRequest().getSession(false))
				.with(csrf())
				.param("email", person.email())
				.param("password", TestAccounts.PASSWORD))
			.andExpect(redirectedUrl(firstAsked + "?continue"))
			.andReturn();
		return (MockHttpSession) signedIn.getRequest().getSession(false);
	}

	/** Adds a phone on the phone page with the code the text brought; answers where "Next" leads. */
	private String registerPhone(MockHttpSession session, String number) throws Exception {
		mvc.perform(get("/security-info/phone").session(session)).andExpect(status().isOk());
		String challengeId = steps.register(inSession(session), "phone", TestPhone.ofE164(number), "TEXT");
		return "/security-info/phone/challenges/" + challengeId + "/done";
	}

	private void confirmedDaysAgo(SignedInUser person, int days) {
		jdbc.update("update account set security_info_confirmed_at = ? where id = ?",
				OffsetDateTime.ofInstant(clock.instant().minus(Duration.ofDays(days)), ZoneOffset.UTC), person.id());
	}

	private Instant securityInfoConfirmedAt(SignedInUser person) {
		return jdbc.queryForObject("select security_info_confirmed_at from account where id = ?", OffsetDateTime.class,
				person.id()).toInstant();
	}

	private Instant registrationFirstPromptedAt(SignedInUser person) {
		return jdbc.queryForObject("select registration_first_prompted_at from account where id = ?",
				OffsetDateTime.class, person.id()).toInstant();
	}

	private int skips(SignedInUser person) {
		return jdbc.queryForObject("""
				select count(*) from audit_event where subject_account_id = ? and action = 'REGISTRATION_SKIPPED'""",
				Integer.class, person.id());
	}

}
