package io.securityinfo.securityinfo.phone;

import static io.securityinfo.Pages.doesNotShow;
import static io.securityinfo.Pages.shows;
import static io.securityinfo.Pages.signedIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.ResultActions;

import io.securityinfo.AppFixture;
import io.securityinfo.AppTest;
import io.securityinfo.TestBrowser;
import io.securityinfo.account.Language;
import io.securityinfo.account.SignedInUser;
import io.securityinfo.account.TestAccounts;
import io.securityinfo.phone.PhoneNumbers;
import io.securityinfo.phone.TestPhoneNumbers;
import io.securityinfo.policy.TestPolicies;
import io.securityinfo.securityinfo.SecurityInfo;
import io.securityinfo.policy.TwoStepPolicy;
import io.securityinfo.policy.TwoStepRules;

/**
 * Admin → Users → a person → "Set phone": the number waits, marked unconfirmed, signing in and resetting nothing,
 * until the person proves it with the Phone flow's code; audited and mailed in the person's language.
 */
@AppTest
class AdminSetPhoneTests extends AppFixture {

	private static final String REASON = "Lost their phone; new work phone handed out";

	@Autowired
	TwoStepPolicy twoStepPolicy;

	@Autowired
	SecurityInfo securityInfo;

	SignedInUser admin;

	SignedInUser person;

	String mobile;

	@BeforeEach
	void createPeople() {
		admin = newAdmin();
		person = newEmployee();
		mobile = TestPhoneNumbers.nextDutchMobile();
	}

	@AfterEach
	void restorePolicy() {
		TestPolicies.restoreTwoStep(admin.id(), twoStepPolicy);
	}

	@Test
	void setPhoneWhenGivenWithAReasonThenItWaitsUnconfirmedAuditedAndMailedInThePersonsLanguage() throws Exception {
		accounts.chooseLanguage(person.id(), Language.DUTCH);
		person = (SignedInUser) users.loadUserByUsername(person.email());

		mvc.perform(get("/admin/users/{id}", person.id()).with(signedIn(admin)))
			.andExpect(shows("href=\"/admin/users/" + person.id() + "/phone\""));
		mvc.perform(get("/admin/users/{id}/phone", person.id()).with(signedIn(admin)))
			.andExpect(status().isOk())
			.andExpect(shows("<h1>Set phone</h1>"));
		setPhone(TestPhoneNumbers.national(mobile), REASON).andExpect(redirectedUrl("/admin/users/" + person.id()));

		assertThat(methodsOf(person)).isZero();
		mvc.perform(get("/security-info").with(signedIn(person)))
			.andExpect(shows("Toegevoegd door een beheerder - nog niet bevestigd"))
			.andExpect(shows(">Dit nummer bevestigen</button>"));
		assertThat(jdbc.queryForList("""
				select actor_account_id || ' ' || method_type || ' ' || target || ' ' || facts from audit_event
				where subject_account_id = ? and action = 'PHONE_SET_BY_ADMIN'""", String.class, person.id()))
			.containsExactly(admin.id() + " PHONE " + PhoneNumbers.mask(mobile) + " reason=" + REASON);
		assertThat(email.sentTo(person.email())).singleElement().satisfies(sent -> {
			assertThat(sent.subject()).isEqualTo("Een beheerder heeft een telefoonnummer voor je ingesteld");
			assertThat(sent.body()).contains("(reden: " + REASON + ")").doesNotContain(mobile);
		});
	}

	@Test
	void setPhoneWhenNoReasonIsGivenThenRefusedBesideTheFieldAndNothingIsSet() throws Exception {
		setPhone(TestPhoneNumbers.national(mobile), "  ")
			.andExpect(status().isOk())
			.andExpect(shows("Say why you set this number."));
		setPhone("123", REASON).andExpect(status().isOk()).andExpect(shows("This isn&#39;t a valid phone number"));

		assertThat(jdbc.queryForObject("select count(*) from admin_set_phone where account_id = ?", Integer.class,
				person.id()))
			.isZero();
		assertThat(email.sentTo(person.email())).isEmpty();
	}

	@Test
	void setPhoneWhenNotAnAdministratorThenRefused() throws Exception {
		mvc.perform(post("/admin/users/{id}/phone", person.id()).param("region", "NL")
			.param("number", TestPhoneNumbers.national(mobile))
			.param("reason", REASON)
			.with(csrf())
			.with(signedIn(newEmployee())))
			.andExpect(status().isForbidden());
		mvc.perform(post("/admin/users/{id}/phone", person.id()).param("region", "NL")
			.param("number", TestPhoneNumbers.national(mobile))
			.param("reason", REASON)
			.with(signedIn(admin)))
			.andExpect(status().isForbidden());

		assertThat(jdbc.queryForObject("select count(*) from admin_set_phone where account_id = ?", Integer.class,
				person.id()))
			.isZero();
	}

	@Test
	void unconfirmedPhoneWhenSigningInOrResettingThenUnusableAndOnceProvenThenUsable() throws Exception {
		setPhone(TestPhoneNumbers.national(mobile), REASON).andExpect(status().is3xxRedirection());
		twoStepPolicy.save(admin.id(), new TwoStepRules(true, true, Set.of()));

		// Not a way to reset the password, nor a second step at sign-in.
		assertThat(resetOffersText()).isFalse();
		TestBrowser browser = new TestBrowser(mvc);
		long textsBefore = textsTo(mobile);
		signIn(browser).andExpect(redirectedUrl("/"));
		assertThat(textsTo(mobile)).isEqualTo(textsBefore);

		// The first page after sign-in asks for the number's code; the Phone flow's code page proves it.
		browser.perform(get("/")).andExpect(redirectedUrl(AdminSetPhones.CONFIRM_PATH));
		browser.perform(get(AdminSetPhones.CONFIRM_PATH))
			.andExpect(status().isOk())
			.andExpect(shows("Added by an administrator - not yet confirmed"));
		String codePage = browser.perform(post(AdminSetPhones.CONFIRM_PATH).with(csrf()))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		assertThat(codePage).startsWith("/security-info/phone/challenges/");
		browser.perform(post(codePage).param("code", sms.lastCodeTo(mobile)).with(csrf()))
			.andExpect(redirectedUrl(codePage + "/done"));

		assertThat(jdbc.queryForList("select type || ' ' || detail from security_method where account_id = ?",
				String.class, person.id()))
			.containsExactly("PHONE " + mobile);
		assertThat(jdbc.queryForObject("select count(*) from admin_set_phone where account_id = ?", Integer.class,
				person.id()))
			.isZero();
		mvc.perform(get("/security-info").with(signedIn(person)))
			.andExpect(doesNotShow("not yet confirmed"));
		assertThat(resetOffersText()).isTrue();
		TestBrowser next = new TestBrowser(mvc);
		signIn(next).andExpect(redirectedUrl("/two-step"));
		next.perform(get("/two-step")).andExpect(shows("We texted your phone " + PhoneNumbers.mask(mobile)));
	}

	@Test
	void setPhoneWhenThePersonHasAPhoneThenProvingTheNewNumberReplacesIt() throws Exception {
		String old = TestPhoneNumbers.nextDutchMobile();
		securityInfo.register(person.id(), "PHONE", old, PhoneModes.TEXT);
		setPhone(TestPhoneNumbers.national(mobile), REASON).andExpect(status().is3xxRedirection());

		String codePage = mvc.perform(post(AdminSetPhones.CONFIRM_PATH).with(csrf()).with(signedIn(person)))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		assertThat(jdbc.queryForList("select detail from security_method where account_id = ?", String.class,
				person.id()))
			.containsExactly(old);
		mvc.perform(post(codePage).param("code", sms.lastCodeTo(mobile)).with(csrf()).with(signedIn(person)))
			.andExpect(redirectedUrl(codePage + "/done"));

		assertThat(jdbc.queryForList("select detail from security_method where account_id = ?", String.class,
				person.id()))
			.containsExactly(mobile);
	}

	private ResultActions setPhone(String national, String reason) throws Exception {
		return mvc.perform(post("/admin/users/{id}/phone", person.id()).param("region", "NL")
			.param("number", national)
			.param("reason", reason)
			.with(csrf())
			.with(signedIn(admin)));
	}

	private ResultActions signIn(TestBrowser browser) throws Exception {
		return browser.perform(post("/login").param("email", person.email())
			.param("password", TestAccounts.PASSWORD)
			.with(csrf()));
	}

	/**
	 * Whether "Forgot my password" texts the number a code when the person types it (the page reads the same either
	 * way, so that it tells no one whose number it is).
	 */
	private boolean resetOffersText() throws Exception {
		long textsBefore = textsTo(mobile);
		TestBrowser browser = new TestBrowser(mvc);
		browser.perform(post("/password-reset").param("email", person.email()).with(csrf()));
		browser.perform(get("/password-reset/verify"));
		browser.perform(post("/password-reset/verify/text").param("destination", "+31 6 " + mobile.substring(4))
			.with(csrf())).andExpect(redirectedUrl("/password-reset/verify/text/code"));
		return textsTo(mobile) > textsBefore;
	}

	private long textsTo(String e164) {
		return sms.sent().stream().filter(sent -> sent.to().equals(e164)).count();
	}

}
