package io.securityinfo.twostep;

import static io.securityinfo.Pages.shows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import io.securityinfo.AppTest;
import io.securityinfo.TestBrowser;
import io.securityinfo.account.SignedInUser;
import io.securityinfo.account.TestAccounts;
import io.securityinfo.phone.PhoneNumbers;
import io.securityinfo.phone.TestPhoneNumbers;
import io.securityinfo.policy.TestPolicies;
import io.securityinfo.policy.TwoStepRules;
import io.securityinfo.securityinfo.phone.PhoneModes;

/**
 * Step-up: adding, changing or deleting security info needs a second factor (or, for a person with no method, the
 * password) from the last ten minutes, by the app's clock; otherwise it is asked again, and the person goes back to
 * where they were.
 */
@AppTest
class StepUpTests extends TwoStepFixture {

	@Test
	void addWhenSecondFactorIsRecentThenThePageOpens() throws Exception {
		addPhone(person);
		RequestPostProcessor signedIn = signedInAndThen(Duration.ofMinutes(9));

		mvc.perform(get("/security-info/add").with(signedIn))
			.andExpect(status().isOk())
			.andExpect(shows("Add a method"));
	}

	@Test
	void addWhenSecondFactorIsOlderThanTenMinutesThenItIsAskedAgainAndThePageFollows() throws Exception {
		String phone = addPhone(person);
		RequestPostProcessor signedIn = signedInAndThen(Duration.ofMinutes(11));
		TestBrowser browser = new TestBrowser(mvc);

		browser.perform(get("/security-info/add").with(signedIn)).andExpect(redirectedUrl("/two-step"));
		browser.perform(get("/two-step").with(signedIn))
			.andExpect(shows("We texted your phone " + PhoneNumbers.mask(phone)
					+ ". Please enter the code to continue."));
		browser.perform(twoStepCode(phone).with(signedIn)).andExpect(redirectedUrl("/security-info/add?continue"));

		browser.perform(get("/security-info/add")).andExpect(status().isOk()).andExpect(shows("Add a method"));
		clock.advance(Duration.ofMinutes(11));
		browser.perform(get("/security-info/add")).andExpect(redirectedUrl("/two-step"));
	}

	@Test
	void imageWhenSecondFactorIsOldThenTheCodeLeadsToTheStartNotToTheImage() throws Exception {
		String phone = addPhone(person);
		RequestPostProcessor signedIn = signedInAndThen(Duration.ofMinutes(11));
		TestBrowser browser = new TestBrowser(mvc);

		browser.perform(get("/security-info/authenticator-app/enrolments/1/qr.png").with(signedIn))
			.andExpect(redirectedUrl("/two-step"));
		browser.perform(get("/two-step").with(signedIn)).andExpect(status().isOk());

		browser.perform(twoStepCode(phone).with(signedIn)).andExpect(redirectedUrl("/"));
	}

	@Test
	void overviewWhenSecondFactorIsOldThenStillShown() throws Exception {
		addPhone(person);
		RequestPostProcessor signedIn = signedInAndThen(Duration.ofHours(2));

		mvc.perform(get("/security-info").with(signedIn)).andExpect(status().isOk());
	}

	@Test
	void deleteWhenSecondFactorIsOldThenNothingIsDeletedAndTheFormPageFollowsTheCode() throws Exception {
		String phone = addPhone(person);
		long methodId = methodId(person, "PHONE");
		RequestPostProcessor signedIn = signedInAndThen(Duration.ofMinutes(11));
		TestBrowser browser = new TestBrowser(mvc);
		String formPage = "/security-info/methods/" + methodId + "/delete";

		browser.perform(post(formPage).header("Referer", "http://localhost" + formPage)
			.with(signedIn)
			.with(csrf())).andExpect(redirectedUrl("/two-step"));
		assertThat(methodCount()).isEqualTo(1);

		browser.perform(get("/two-step").with(signedIn)).andExpect(status().isOk());
		browser.perform(twoStepCode(phone).with(signedIn)).andExpect(redirectedUrl(formPage));
		assertThat(methodCount()).isEqualTo(1);
	}

	@Test
	void deleteWhenSecondFactorIsOldAndTheRefererPathNamesAnotherHostThenSecurityInfoFollowsTheCode()
			throws Exception {
		String phone = addPhone(person);
		long methodId = methodId(person, "PHONE");
		RequestPostProcessor signedIn = signedInAndThen(Duration.ofMinutes(11));
		TestBrowser browser = new TestBrowser(mvc);

		browser.perform(post("/security-info/methods/" + methodId + "/delete")
			.header("Referer", "http://localhost//attacker.example/security-info")
			.with(signedIn)
			.with(csrf())).andExpect(redirectedUrl("/two-step"));
		browser.perform(get("/two-step").with(signedIn)).andExpect(status().isOk());
		browser.perform(twoStepCode(phone).with(signedIn)).andExpect(redirectedUrl("/security-info"));
	}

	@Test
	void signInWhenThePageAskedForCameWithAnotherHostThenTheWayBackIsAPathOnThisSite() throws Exception {
		TestBrowser browser = new TestBrowser(mvc);

		browser.perform(get("/security-info").header("Host", "attacker.example")).andExpect(redirectedUrl("/login"));
		browser.perform(post("/login").param("email", person.email())
			.param("password", TestAccounts.PASSWORD)
			.header("Host", "attacker.example")
			.with(csrf())).andExpect(redirectedUrl("/security-info?continue"));
	}

	@Test
	void addWhenPersonHasNoMethodAndPasswordIsRecentThenThePageOpens() throws Exception {
		Instant signedIn = clock.instant();
		clock.advance(Duration.ofMinutes(9));

		mvc.perform(get("/security-info/add").with(factors(person, signedIn, "PASSWORD")))
			.andExpect(status().isOk());
	}

	@Test
	void addWhenPersonHasNoMethodAndPasswordIsOldThenThePasswordIsAskedAgainAndThePageFollows() throws Exception {
		TestBrowser browser = new TestBrowser(mvc);
		browser.signIn(person).andExpect(redirectedUrl("/"));
		clock.advance(Duration.ofMinutes(11));

		browser.perform(get("/security-info/add")).andExpect(redirectedUrl("/login?again"));
		browser.perform(get("/login?again"))
			.andExpect(shows("Enter your password again to continue."))
			.andExpect(shows("value=\"" + person.email() + "\""));
		browser.signIn(person).andExpect(redirectedUrl("/security-info/add?continue"));

		browser.perform(get("/security-info/add")).andExpect(status().isOk());
	}

	@Test
	void addWhenFirstMethodWasRegisteredAfterSignInThenRecentPasswordSufficesAndLaterTheNewMethodIsAsked()
			throws Exception {
		TestBrowser browser = new TestBrowser(mvc);
		browser.signIn(person).andExpect(redirectedUrl("/"));
		String phone = addPhone(person);
		clock.advance(Duration.ofMinutes(5));

		browser.perform(get("/security-info/add")).andExpect(status().isOk());

		clock.advance(Duration.ofMinutes(6));
		browser.perform(get("/security-info/add")).andExpect(redirectedUrl("/two-step"));
		browser.perform(get("/two-step")).andExpect(shows("We texted your phone " + PhoneNumbers.mask(phone)));
	}

	@Test
	void deleteWhenTwoStepIsRequiredAndItIsTheLastSignInMethodThenRefusedWithAMessage() throws Exception {
		twoStepPolicy.save(admin.id(), new TwoStepRules(true, true, Set.of()));
		addPhone(person);
		long methodId = methodId(person, "PHONE");

		mvc.perform(get("/security-info/methods/{id}/delete", methodId).with(factors(person, clock.instant(), "SMS")))
			.andExpect(shows("this is the last method you can sign in with"));
		mvc.perform(post("/security-info/methods/{id}/delete", methodId)
			.with(factors(person, clock.instant(), "PASSWORD", "SMS"))
			.with(csrf()))
			.andExpect(redirectedUrl("/security-info"))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
				.attribute("problem", "delete.last-two-step-method"));
		assertThat(methodCount()).isEqualTo(1);

		TestPolicies.restoreTwoStep(admin.id(), twoStepPolicy);
		mvc.perform(post("/security-info/methods/{id}/delete", methodId)
			.with(factors(person, clock.instant(), "PASSWORD", "SMS"))
			.with(csrf())).andExpect(redirectedUrl("/security-info"));
		assertThat(methodCount()).isZero();
	}

	@Test
	void adminPagesWhenAdminHasAMethodThenNeedTheirSecondFactor() throws Exception {
		String phone = TestPhoneNumbers.nextDutchMobile();
		securityInfo.register(admin.id(), "PHONE", phone, PhoneModes.TEXT);
		TestBrowser browser = new TestBrowser(mvc);
		browser.signIn(admin).andExpect(redirectedUrl("/"));

		browser.perform(get("/")).andExpect(status().isOk());
		browser.perform(get("/admin")).andExpect(redirectedUrl("/two-step"));
		browser.perform(get("/two-step")).andExpect(status().isOk());
		browser.perform(twoStepCode(phone)).andExpect(redirectedUrl("/admin?continue"));
		browser.perform(get("/admin")).andExpect(status().isOk());
	}

	@Test
	void adminPagesWhenAdminHasNoMethodThenPasswordSuffices() throws Exception {
		TestBrowser browser = new TestBrowser(mvc);
		browser.signIn(admin).andExpect(redirectedUrl("/"));

		browser.perform(get("/admin")).andExpect(status().isOk());
	}

	/** The person as signed in now with the password and a text; then the clock moves on by this much. */
	private RequestPostProcessor signedInAndThen(Duration passed) {
		RequestPostProcessor signedIn = factors(person, clock.instant(), "PASSWORD", "SMS");
		clock.advance(passed);
		return signedIn;
	}

	/** The answer to the two-step page: the code the last text to the phone brought. */
	private MockHttpServletRequestBuilder twoStepCode(String phone) {
		return post("/two-step").param("code", sms.lastCodeTo(phone)).with(csrf());
	}

	private static RequestPostProcessor factors(SignedInUser user, Instant issuedAt, String... factors) {
		return authentication(TestAccounts.withFactorsIssuedAt(user, issuedAt, factors));
	}

	private String addPhone(SignedInUser owner) {
		String phone = TestPhoneNumbers.nextDutchMobile();
		securityInfo.register(owner.id(), "PHONE", phone, PhoneModes.TEXT);
		return phone;
	}

	private int methodCount() {
		return jdbc.queryForObject("select count(*) from security_method where account_id = ?", Integer.class,
				person.id());
	}

}
