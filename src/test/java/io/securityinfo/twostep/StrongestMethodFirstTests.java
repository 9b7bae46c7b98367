package io.securityinfo.twostep;

import static io.securityinfo.Pages.shows;
import static io.securityinfo.Pages.signedIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.ResultActions;

import io.securityinfo.AppFixture;
import io.securityinfo.AppTest;
import io.securityinfo.TestBrowser;
import io.securityinfo.account.SignedInUser;
import io.securityinfo.account.TestAccounts;
import io.securityinfo.phone.PhoneNumbers;
import io.securityinfo.phone.TestPhoneNumbers;
import io.securityinfo.policy.SignInPolicy;
import io.securityinfo.policy.TestPolicies;
import io.securityinfo.policy.TwoStepPolicy;
import io.securityinfo.policy.TwoStepRules;
import io.securityinfo.securityinfo.MethodView;
import io.securityinfo.securityinfo.SecurityInfo;
import io.securityinfo.securityinfo.app.AuthenticatorAppMethodType;
import io.securityinfo.securityinfo.passkey.PasskeyMethodType;
import io.securityinfo.securityinfo.phone.PhoneModes;
import io.securityinfo.sms.CapturingSmsGateway;
import io.securityinfo.totp.AuthenticatorApps;
import io.securityinfo.totp.EnrolmentView;
import io.securityinfo.totp.TotpTesting;

/**
 * "The strongest method first": at two-step sign-in and step-up the person's strongest method is asked for
 * (passkey, app, call, text, from the method types' metadata) with a line saying why; the administrator's switch on
 * Admin → Two-step verification turns it off, and then the person's default is asked for first.
 */
@AppTest
class StrongestMethodFirstTests extends AppFixture {

	@Autowired
	SecurityInfo securityInfo;

	@Autowired
	AuthenticatorApps apps;

	@Autowired
	TwoStepPolicy twoStepPolicy;

	@Autowired
	SignInPolicy signInPolicy;

	SignedInUser admin;

	SignedInUser person;

	TestBrowser browser;

	@BeforeEach
	void requireTwoStepOfEveryone() {
		admin = newAdmin();
		person = newEmployee();
		browser = new TestBrowser(mvc);
		twoStepPolicy.save(admin.id(), new TwoStepRules(true, true, Set.of()));
	}

	@AfterEach
	void restorePolicy() {
		TestPolicies.restoreTwoStep(admin.id(), twoStepPolicy);
		// The tests' configured order (application-test.properties): the default method first.
		signInPolicy.saveStrongestFirst(admin.id(), false);
	}

	@Test
	void signInOptionsWhenStrongestFirstThenPasskeyAppCallTextWhateverTheDefault() {
		addPhone(person);
		addApp(person);
		securityInfo.register(person.id(), PasskeyMethodType.ID, "WEBAUTHN", PasskeyMethodType.PASSKEY);
		signInPolicy.saveStrongestFirst(admin.id(), true);

		assertThat(securityInfo.signInOptions(person.id())).extracting(option -> option.mode().name())
			.containsExactly("PASSKEY", "APP_CODE", "CALL", "TEXT");
	}

	@Test
	void signInOptionsWhenSwitchedOffThenTheDefaultFirstThenTheDefaultOrder() {
		addPhone(person);
		addApp(person);
		signInPolicy.saveStrongestFirst(admin.id(), false);

		assertThat(securityInfo.signInOptions(person.id())).extracting(option -> option.mode().name())
			.containsExactly("TEXT", "APP_CODE", "CALL");
	}

	@Test
	void signInWhenStrongestFirstThenTheAppIsAskedForWithWhyAndNoTextIsSent() throws Exception {
		addPhone(person);
		String secret = addApp(person);
		saveOrderOnAdminPage(true).andExpect(redirectedUrl("/admin/two-step"));
		int sent = sms.sent().size();

		signInWithPassword().andExpect(redirectedUrl("/two-step"));
		browser.perform(get("/two-step"))
			.andExpect(status().isOk())
			.andExpect(shows("Enter the code shown in your authenticator app to sign in."))
			.andExpect(shows("We ask for your strongest method first: Authenticator app."))
			.andExpect(shows("Sign in another way"));
		assertThat(sms.sent()).hasSize(sent);
		browser.perform(get("/two-step/other"))
			.andExpect(shows("Call"))
			.andExpect(shows("Text"));

		browser.perform(post("/two-step").param("code", TotpTesting.code(secret, clock.instant())).with(csrf()))
			.andExpect(status().is3xxRedirection());
		browser.perform(get("/")).andExpect(status().isOk()).andExpect(shows("My Profile"));
	}

	@Test
	void signInWhenSwitchedOffThenTheDefaultTextIsSentWithWhy() throws Exception {
		String phone = addPhone(person);
		addApp(person);
		saveOrderOnAdminPage(true);
		saveOrderOnAdminPage(false).andExpect(redirectedUrl("/admin/two-step"));

		signInWithPassword().andExpect(redirectedUrl("/two-step"));
		browser.perform(get("/two-step"))
			.andExpect(shows("We texted your phone " + PhoneNumbers.mask(phone)))
			.andExpect(shows("We ask for your default sign-in method first: Phone."));

		browser.perform(post("/two-step").param("code", sms.lastCodeTo(phone)).with(csrf()))
			.andExpect(status().is3xxRedirection());
		browser.perform(get("/")).andExpect(status().isOk()).andExpect(shows("My Profile"));
	}

	@Test
	void signInWhenStrongestFirstAndPersonHasOnlyAPhoneThenACallComesFirst() throws Exception {
		String phone = addPhone(person);
		signInPolicy.saveStrongestFirst(admin.id(), true);

		signInWithPassword().andExpect(redirectedUrl("/two-step"));
		browser.perform(get("/two-step"))
			.andExpect(shows("calling your phone " + PhoneNumbers.mask(phone)))
			.andExpect(shows("We ask for your strongest method first: Phone."));

		assertThat(sms.sent().get(sms.sent().size() - 1).kind()).isEqualTo(CapturingSmsGateway.Kind.CALL);
	}

	@Test
	void securityInfoWhenStrongestFirstThenItShowsTheMethodAskedForFirstAndWhy() throws Exception {
		addPhone(person);
		addApp(person);

		signInPolicy.saveStrongestFirst(admin.id(), true);
		mvc.perform(get("/security-info").with(signedIn(person)))
			.andExpect(shows("Asked for first when you sign in:"))
			.andExpect(shows("<strong id=\"asked-first\">Authenticator app - code</strong>"))
			.andExpect(shows("Your strongest method."));

		signInPolicy.saveStrongestFirst(admin.id(), false);
		mvc.perform(get("/security-info").with(signedIn(person)))
			.andExpect(shows("<strong id=\"asked-first\">Phone - text</strong>"))
			.andExpect(shows("Your default sign-in method."));
	}

	@Test
	void adminSwitchWhenSavedThenAuditedAndShownOnThePage() throws Exception {
		saveOrderOnAdminPage(true);

		mvc.perform(get("/admin/two-step").with(signedIn(admin)))
			.andExpect(shows("Ask for each person&#39;s strongest method first"))
			.andExpect(shows("name=\"strongestFirst\" value=\"true\" checked=\"checked\""));
		assertThat(signInPolicy.strongestFirst()).isTrue();
		assertThat(jdbc.queryForObject("""
				select facts from audit_event where actor_account_id = ? and action = 'SIGN_IN_POLICY_CHANGED'
				order by id desc fetch first 1 rows only""", String.class, admin.id()))
			.contains("strongest-first=true");
	}

	@Test
	void adminSwitchWhenPostedWithoutCsrfTokenThenRefused() throws Exception {
		mvc.perform(post("/admin/two-step/order").param("strongestFirst", "true").with(signedIn(admin)))
			.andExpect(status().isForbidden());

		assertThat(signInPolicy.strongestFirst()).isFalse();
	}

	@Test
	void adminSwitchWhenPostedByAnEmployeeThenRefused() throws Exception {
		mvc.perform(post("/admin/two-step/order").param("strongestFirst", "true").with(csrf()).with(signedIn(person)))
			.andExpect(status().isForbidden());

		assertThat(signInPolicy.strongestFirst()).isFalse();
	}

	private ResultActions saveOrderOnAdminPage(boolean strongestFirst) throws Exception {
		return mvc.perform(post("/admin/two-step/order").param("strongestFirst", String.valueOf(strongestFirst))
			.with(csrf())
			.with(signedIn(admin)));
	}

	private ResultActions signInWithPassword() throws Exception {
		return browser.perform(post("/login").param("email", person.email())
			.param("password", TestAccounts.PASSWORD)
			.with(csrf()));
	}

	private String addPhone(SignedInUser owner) {
		String phone = TestPhoneNumbers.nextDutchMobile();
		securityInfo.register(owner.id(), "PHONE", phone, PhoneModes.TEXT);
		return phone;
	}

	/** Sets up an authenticator app as its pages would; answers its secret. */
	private String addApp(SignedInUser owner) {
		EnrolmentView enrolment = apps.start(owner.id());
		apps.confirm(owner.id(), enrolment.id(), TotpTesting.code(enrolment.secret(), clock.instant()));
		MethodView added = securityInfo.register(owner.id(), "AUTHENTICATOR_APP", "TOTP",
				AuthenticatorAppMethodType.APP_CODE);
		apps.keep(owner.id(), enrolment.id(), added.id());
		// The set-up's code was accepted in this time step; the next code comes in the next one.
		clock.advance(Duration.ofSeconds(30));
		return enrolment.secret();
	}

}
