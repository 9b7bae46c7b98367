package io.securityinfo.twostep;

import static io.securityinfo.Pages.doesNotShow;
import static io.securityinfo.Pages.shows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import io.securityinfo.AppTest;
import io.securityinfo.Html;
import io.securityinfo.TestBrowser;
import io.securityinfo.account.SignedInUser;
import io.securityinfo.phone.PhoneNumbers;
import io.securityinfo.phone.TestPhoneNumbers;
import io.securityinfo.policy.PolicyFixture;
import io.securityinfo.policy.RegistrationRules;
import io.securityinfo.policy.TestPolicies;
import io.securityinfo.policy.TwoStepPolicy;
import io.securityinfo.policy.TwoStepRules;
import io.securityinfo.securityinfo.MethodMode;
import io.securityinfo.securityinfo.MethodView;
import io.securityinfo.securityinfo.SecurityInfo;
import io.securityinfo.sms.CapturingSmsGateway;
import io.securityinfo.totp.AuthenticatorApps;
import io.securityinfo.totp.EnrolmentView;
import io.securityinfo.totp.TotpTesting;
import io.securityinfo.securityinfo.app.AuthenticatorAppMethodType;
import io.securityinfo.securityinfo.phone.PhoneModes;

/**
 * Two-step verification at sign-in, through the pages as a browser over MockMvc sees them: the password, then the
 * code of the default method (text, call or app), another method when the person can't use it, wrong codes.
 */
@AppTest
class TwoStepSignInTests extends PolicyFixture {

	@Autowired
	SecurityInfo securityInfo;

	@Autowired
	AuthenticatorApps apps;

	@Autowired
	TwoStepPolicy twoStepPolicy;

	SignedInUser person;

	TestBrowser browser;

	@BeforeEach
	void requireTwoStepOfEveryone() {
		person = newEmployee();
		browser = new TestBrowser(mvc);
		twoStepPolicy.save(admin.id(), new TwoStepRules(true, true, Set.of()));
	}

	/** Two-step verification back to not required; {@link PolicyFixture} then restores the rest of the policy. */
	@AfterEach
	void restoreTwoStep() {
		TestPolicies.restoreTwoStep(admin.id(), twoStepPolicy);
	}

	@Test
	void signInWhenTwoStepRequiredAndPersonHasPhoneThenTextCodeSignsIn() throws Exception {
		String phone = addPhone(person, PhoneModes.TEXT);

		signInWithPassword().andExpect(redirectedUrl("/two-step"));
		browser.perform(get("/")).andExpect(redirectedUrl("/two-step"));
		browser.perform(get("/security-info")).andExpect(redirectedUrl("/two-step"));

		browser.perform(get("/two-step"))
			.andExpect(status().isOk())
			.andExpect(shows("We texted your phone " + PhoneNumbers.mask(phone)
					+ ". Please enter the code to sign in."));
		String beforeCode = browser.sessionId();
		browser.perform(post("/two-step").param("code", sms.lastCodeTo(phone)).with(csrf()))
			.andExpect(redirectedUrl("/security-info?continue"));

		assertThat(browser.sessionId()).isNotEqualTo(beforeCode);
		browser.perform(get("/")).andExpect(status().isOk()).andExpect(shows("My Profile"));
		assertThat(audited("TWO_STEP_SUCCEEDED")).containsExactly("TEXT " + PhoneNumbers.mask(phone));
	}

	@Test
	void signInWhenTwoStepRequiredThenThePageAskedForComesAfterTheCode() throws Exception {
		String phone = addPhone(person, PhoneModes.TEXT);
		browser.perform(get("/security-info")).andExpect(redirectedUrl("/login"));

		signInWithPassword().andExpect(redirectedUrl("/two-step"));
		browser.perform(get("/two-step")).andExpect(status().isOk());
		browser.perform(post("/two-step").param("code", sms.lastCodeTo(phone)).with(csrf()))
			.andExpect(redirectedUrl("/security-info?continue"));
	}

	@Test
	void signInWhenTwoStepNotRequiredThenPasswordAloneSignsIn() throws Exception {
		TestPolicies.restoreTwoStep(admin.id(), twoStepPolicy);
		addPhone(person, PhoneModes.TEXT);
		int sent = sms.sent().size();

		signInWithPassword().andExpect(redirectedUrl("/"));

		browser.perform(get("/")).andExpect(status().isOk()).andExpect(shows("My Profile"));
		assertThat(sms.sent()).hasSize(sent);
	}

	@Test
	void signInWhenRequiredOnlyForAGroupThenOthersSignInWithPasswordAlone() throws Exception {
		long group = jdbc.queryForObject("select id from user_group where name = ?", Long.class,
				createGroup("two-step-" + System.nanoTime()));
		twoStepPolicy.save(admin.id(), new TwoStepRules(true, false, Set.of(group)));
		addPhone(person, PhoneModes.TEXT);

		signInWithPassword().andExpect(redirectedUrl("/"));

		jdbc.update("insert into user_group_member (group_id, account_id) values (?, ?)", group, person.id());
		browser = new TestBrowser(mvc);
		signInWithPassword().andExpect(redirectedUrl("/two-step"));
	}

	@Test
	void signInWhenRequiredButPersonHasNoMethodThenTheyMustRegisterOneWithoutSkipping() throws Exception {
		signInWithPassword().andExpect(redirectedUrl("/"));

		browser.perform(get("/")).andExpect(redirectedUrl("/security-info/interrupt"));
		browser.perform(get("/security-info/interrupt"))
			.andExpect(shows("More information required"))
			.andExpect(shows("Your organization requires two-step verification at sign-in."))
			.andExpect(doesNotShow("Skip for now"));
		browser.perform(post("/security-info/interrupt/skip").with(csrf()))
			.andExpect(redirectedUrl("/security-info/interrupt"));
	}

	@Test
	void signInWhenRequiredAndResetAsksForTwoMethodsThenOneSignInMethodIsEnoughToGoOn() throws Exception {
		RegistrationRules rules = registrationPolicy.current();
		registrationPolicy.save(admin.id(), new RegistrationRules(false, 2, rules.reconfirmDays(), rules.skipDays()));

		signInWithPassword().andExpect(redirectedUrl("/"));
		browser.perform(get("/security-info/interrupt"))
			.andExpect(shows("Your organization requires two-step verification at sign-in."))
			.andExpect(doesNotShow("Your organization asks for 2 methods"));

		addPhone(person, PhoneModes.TEXT);

		browser.perform(get("/security-info")).andExpect(status().isOk()).andExpect(shows("Security info"));
	}

	@Test
	void signInWhenDefaultIsCallThenTheCallBringsTheCode() throws Exception {
		String phone = addPhone(person, PhoneModes.CALL);

		signInWithPassword().andExpect(redirectedUrl("/two-step"));
		browser.perform(get("/two-step"))
			.andExpect(shows("We&#39;re calling your phone " + PhoneNumbers.mask(phone)));
		assertThat(sms.sent().get(sms.sent().size() - 1).kind()).isEqualTo(CapturingSmsGateway.Kind.CALL);

		browser.perform(post("/two-step").param("code", sms.lastCodeTo(phone)).with(csrf()))
			.andExpect(redirectedUrl("/"));
		browser.perform(get("/")).andExpect(status().isOk());
		assertThat(audited("TWO_STEP_SUCCEEDED")).containsExactly("CALL " + PhoneNumbers.mask(phone));
	}

	@Test
	void signInWhenOnlyMethodIsAnOfficePhoneThenTheCallBringsTheCode() throws Exception {
		String office = TestPhoneNumbers.nextDutchMobile();
		securityInfo.register(person.id(), "OFFICE_PHONE", office, PhoneModes.CALL);

		signInWithPassword().andExpect(redirectedUrl("/two-step"));
		browser.perform(get("/two-step"))
			.andExpect(shows("We&#39;re calling your phone " + PhoneNumbers.mask(office)))
			.andExpect(doesNotShow("I can&#39;t use my"));

		browser.perform(post("/two-step").param("code", sms.lastCodeTo(office)).with(csrf()))
			.andExpect(redirectedUrl("/"));
		browser.perform(get("/")).andExpect(status().isOk());
	}

	@Test
	void signInWhenDefaultIsAuthenticatorAppThenItsCodeSignsIn() throws Exception {
		String secret = addApp(person);
		addPhone(person, PhoneModes.TEXT);
		int sent = sms.sent().size();

		signInWithPassword().andExpect(redirectedUrl("/two-step"));
		browser.perform(get("/two-step"))
			.andExpect(shows("Enter the code shown in your authenticator app to sign in."))
			.andExpect(shows("I can&#39;t use my authenticator app right now"));
		assertThat(sms.sent()).as("no text for the app").hasSize(sent);

		browser.perform(post("/two-step").param("code", TotpTesting.code(secret, clock.instant())).with(csrf()))
			.andExpect(redirectedUrl("/"));
		browser.perform(get("/")).andExpect(status().isOk());
		assertThat(audited("TWO_STEP_SUCCEEDED")).containsExactly("APP_CODE");
	}

	@Test
	void chooseWhenPersonCantUseTheDefaultThenAnotherMethodSignsIn() throws Exception {
		addApp(person);
		String phone = addPhone(person, PhoneModes.TEXT);
		long phoneId = methodId("PHONE");

		signInWithPassword().andExpect(redirectedUrl("/two-step"));
		browser.perform(get("/two-step")).andExpect(status().isOk());
		String others = Html.text(browser.perform(get("/two-step/other")).andExpect(status().isOk()).andReturn());
		assertThat(others).contains("Text " + PhoneNumbers.mask(phone) + " (Phone)")
			.contains("Call " + PhoneNumbers.mask(phone) + " (Phone)")
			.doesNotContain("authenticator app");

		browser.perform(post("/two-step/method").param("choice", phoneId + ":CALL").with(csrf()))
			.andExpect(redirectedUrl("/two-step"));
		browser.perform(get("/two-step"))
			.andExpect(shows("We&#39;re calling your phone " + PhoneNumbers.mask(phone)))
			.andExpect(shows("I can&#39;t use my phone right now"));
		browser.perform(post("/two-step").param("code", sms.lastCodeTo(phone)).with(csrf()))
			.andExpect(redirectedUrl("/"));
		browser.perform(get("/")).andExpect(status().isOk());
	}

	@Test
	void chooseWhenMethodIsAnotherPersonsThenNotFoundAndNothingChanges() throws Exception {
		String phone = addPhone(person, PhoneModes.TEXT);
		SignedInUser other = newEmployee();
		securityInfo.register(other.id(), "PHONE", TestPhoneNumbers.nextDutchMobile(), PhoneModes.TEXT);
		long othersPhone = jdbc.queryForObject("select id from security_method where account_id = ?", Long.class,
				other.id());

		signInWithPassword().andExpect(redirectedUrl("/two-step"));
		browser.perform(get("/two-step")).andExpect(status().isOk());
		browser.perform(post("/two-step/method").param("choice", othersPhone + ":CALL").with(csrf()))
			.andExpect(status().isNotFound());

		browser.perform(get("/two-step")).andExpect(shows("We texted your phone " + PhoneNumbers.mask(phone)));
	}

	@Test
	void codeWhenWrongThenMessageBesideTheFieldAndStillNotSignedIn() throws Exception {
		String phone = addPhone(person, PhoneModes.TEXT);
		signInWithPassword();
		browser.perform(get("/two-step")).andExpect(status().isOk());
		String right = sms.lastCodeTo(phone);

		enterCode(wrong(right))
			.andExpect(shows("That code didn&#39;t work. Check the code and try again. You have 4 more tries."))
			.andExpect(shows("value=\"" + wrong(right) + "\""));
		enterCode("12ab").andExpect(shows("The code is 6 digits."));

		browser.perform(get("/")).andExpect(redirectedUrl("/two-step"));
		assertThat(audited("TWO_STEP_FAILED")).containsExactly("TEXT " + PhoneNumbers.mask(phone));
	}

	@Test
	void codeWhenTooManyWrongThenTheRightOneIsRefusedUntilANewCodeIsSent() throws Exception {
		String phone = addPhone(person, PhoneModes.TEXT);
		signInWithPassword();
		browser.perform(get("/two-step")).andExpect(status().isOk());
		String right = sms.lastCodeTo(phone);

		for (int i = 0; i < 5; i++) {
			enterCode(wrong(right));
		}
		enterCode(right).andExpect(shows("Too many wrong codes. Select Send a new code."));
		browser.perform(get("/")).andExpect(redirectedUrl("/two-step"));

		clock.advance(Duration.ofSeconds(31));
		browser.perform(post("/two-step/resend").with(csrf())).andExpect(redirectedUrl("/two-step"));
		browser.perform(get("/two-step")).andExpect(status().isOk());
		String fresh = sms.lastCodeTo(phone);
		browser.perform(post("/two-step").param("code", fresh).with(csrf()))
			.andExpect(redirectedUrl("/?continue"));
		browser.perform(get("/")).andExpect(status().isOk());
	}

	@Test
	void appCodeWhenWrongFiveTimesThenLockedOutAndAudited() throws Exception {
		String secret = addApp(person);
		signInWithPassword();
		browser.perform(get("/two-step")).andExpect(status().isOk());
		String wrong = TotpTesting.wrong(TotpTesting.code(secret, clock.instant()));

		for (int i = 0; i < 4; i++) {
			enterCode(wrong)
				.andExpect(shows("That code didn&#39;t work. Enter the code your authenticator app shows now."));
		}
		enterCode(wrong).andExpect(shows("Too many wrong codes in a row. For your security, try again later."));
		enterCode(TotpTesting.code(secret, clock.instant()))
			.andExpect(shows("Too many wrong codes in a row. For your security, try again later."));

		browser.perform(get("/")).andExpect(redirectedUrl("/two-step"));
		assertThat(audited("TWO_STEP_LOCKED_OUT")).hasSize(2);
	}

	@Test
	void appCodeWhenTheHundredthWrongOneSinceTheLastRightOneThenTheAppIsDisabledWithAClearMessageAndAudited()
			throws Exception {
		String secret = addApp(person);
		// 99 wrong codes across locks already, the last lock over: as if guessed for hours.
		jdbc.update("update authenticator_app set failures_since_success = 99 where account_id = ?", person.id());
		signInWithPassword();
		browser.perform(get("/two-step")).andExpect(status().isOk());
		String disabled = "Your authenticator app was turned off after too many wrong codes. Choose another method, "
				+ "or set up the app again on your Security info page. If you can&#39;t sign in another way, ask your "
				+ "administrator to require you to register again.";

		enterCode(TotpTesting.wrong(TotpTesting.code(secret, clock.instant()))).andExpect(shows(disabled));
		clock.advance(Duration.ofHours(1));
		enterCode(TotpTesting.code(secret, clock.instant())).andExpect(shows(disabled));

		browser.perform(get("/")).andExpect(redirectedUrl("/two-step"));
		assertThat(jdbc.queryForList("""
				select action from audit_event where subject_account_id = ?
				and action in ('AUTHENTICATOR_APP_DISABLED', 'TWO_STEP_LOCKED_OUT') order by id""", String.class,
				person.id()))
			.containsExactly("AUTHENTICATOR_APP_DISABLED", "TWO_STEP_LOCKED_OUT", "TWO_STEP_LOCKED_OUT");
	}

	@Test
	void codePostWhenNoCsrfTokenThenForbiddenAndNotSignedIn() throws Exception {
		String phone = addPhone(person, PhoneModes.TEXT);
		signInWithPassword();
		browser.perform(get("/two-step")).andExpect(status().isOk());

		browser.perform(post("/two-step").param("code", sms.lastCodeTo(phone))).andExpect(status().isForbidden());

		browser.perform(get("/")).andExpect(redirectedUrl("/two-step"));
	}

	@Test
	void codeWhenFromAnotherPersonsChallengeThenNotAccepted() throws Exception {
		addPhone(person, PhoneModes.TEXT);
		signInWithPassword();
		browser.perform(get("/two-step")).andExpect(status().isOk());

		SignedInUser other = newEmployee();
		String othersPhone = addPhone(other, PhoneModes.TEXT);
		TestBrowser othersBrowser = new TestBrowser(mvc);
		othersBrowser.signIn(other).andExpect(redirectedUrl("/two-step"));
		othersBrowser.perform(get("/two-step")).andExpect(status().isOk());

		enterCode(sms.lastCodeTo(othersPhone)).andExpect(shows("That code didn&#39;t work."));
		browser.perform(get("/")).andExpect(redirectedUrl("/two-step"));
	}

	/** Posts a code that is not accepted; answers the challenge page it leads back to. */
	private ResultActions enterCode(String code) throws Exception {
		browser.perform(post("/two-step").param("code", code).with(csrf())).andExpect(redirectedUrl("/two-step"));
		return browser.perform(get("/two-step")).andExpect(status().isOk());
	}

	private ResultActions signInWithPassword() throws Exception {
		return browser.signIn(person);
	}

	private String addPhone(SignedInUser owner, MethodMode mode) {
		String phone = TestPhoneNumbers.nextDutchMobile();
		securityInfo.register(owner.id(), "PHONE", phone, mode);
		return phone;
	}

	/** Sets up an authenticator app as its pages would; answers its secret. */
	private String addApp(SignedInUser owner) {
		EnrolmentView enrolment = apps.start(owner.id());
		apps.confirm(owner.id(), enrolment.id(), TotpTesting.code(enrolment.secret(), clock.instant()));
		MethodView added = securityInfo.register(owner.id(), "AUTHENTICATOR_APP", "TOTP", AuthenticatorAppMethodType.APP_CODE);
		apps.keep(owner.id(), enrolment.id(), added.id());
		// The set-up's code was accepted in this time step; the next code comes in the next one.
		clock.advance(Duration.ofSeconds(30));
		return enrolment.secret();
	}

	private long methodId(String type) {
		return jdbc.queryForObject("select id from security_method where account_id = ? and type = ?", Long.class,
				person.id(), type);
	}

	private String createGroup(String name) {
		jdbc.update("insert into user_group (name, created_at) values (?, current_timestamp)", name);
		return name;
	}

	private List<String> audited(String action) {
		return jdbc.queryForList("""
				select method_mode || coalesce(' ' || target, '') from audit_event
				where subject_account_id = ? and action = ? order by id""", String.class, person.id(), action);
	}

	private static String wrong(String code) {
		return code.equals("000000") ? "111111" : "000000";
	}

}
