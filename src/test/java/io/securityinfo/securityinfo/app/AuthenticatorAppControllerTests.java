package io.securityinfo.securityinfo.app;

import static io.securityinfo.Pages.doesNotShow;
import static io.securityinfo.Pages.redirectFrom;
import static io.securityinfo.Pages.shows;
import static io.securityinfo.Pages.signedIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.htmlunit.html.DomElement;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import io.securityinfo.securityinfo.SecurityInfo;
import io.securityinfo.AppFixture;
import io.securityinfo.AppTest;
import io.securityinfo.Html;
import io.securityinfo.TestBrowser;
import io.securityinfo.account.Role;
import io.securityinfo.account.SignInSteps;
import io.securityinfo.account.SignedInUser;
import io.securityinfo.account.TestAccounts;
import io.securityinfo.groups.Groups;
import io.securityinfo.policy.MethodPolicy;
import io.securityinfo.policy.RegistrationPolicy;
import io.securityinfo.policy.RegistrationRules;
import io.securityinfo.totp.AppCodeCheck;
import io.securityinfo.totp.AuthenticatorApps;
import io.securityinfo.totp.TotpTesting;
import io.securityinfo.securityinfo.phone.PhoneModes;

/**
 * "Authenticator app": the pages from getting the app to the confirmation, read as a browser reads them, with the
 * codes made from the secret the page shows, as the person's app would make them.
 */
@AppTest
class AuthenticatorAppControllerTests extends AppFixture {

	/** Numbers 06 1234 9xxx belong to this class. */
	private static final AtomicInteger nextNumber = new AtomicInteger(9000);

	private static final AtomicInteger nextName = new AtomicInteger();

	private static final String START = "/security-info/authenticator-app";

	@Autowired
	SecurityInfo securityInfo;

	@Autowired
	AuthenticatorApps apps;

	@Autowired
	Groups groups;

	@Autowired
	MethodPolicy methodPolicy;

	@Autowired
	RegistrationPolicy registrationPolicy;

	@Test
	void addAppThenItIsListedForSignInAndCanBecomeTheDefault() throws Exception {
		SignedInUser user = newEmployee();
		String phone = registerPhone(user);
		TestBrowser browser = new TestBrowser(mvc);

		HtmlPage start = page(browser.perform(get(START).with(signedIn(user))).andExpect(status().isOk()));
		assertThat(start.querySelector("h2").getTextContent()).isEqualTo("Start by getting the app");
		assertThat(text(start)).contains("On your phone, install an authenticator app such as Microsoft "
				+ "Authenticator or Google Authenticator. After you install it, choose Next.");

		String enrolmentId = startSetUp(browser, user);
		HtmlPage setUp = page(browser.perform(get(START + "/enrolments/{id}", enrolmentId).with(signedIn(user)))
			.andExpect(status().isOk()));
		assertThat(setUp.querySelector("h2").getTextContent()).isEqualTo("Set up your account");
		DomElement qrCode = setUp.querySelector("img#qr-code");
		assertThat(qrCode.getAttribute("src")).isEqualTo(START + "/enrolments/" + enrolmentId + "/qr.png");
		assertThat(qrCode.getAttribute("alt")).isEqualTo("QR code to scan with your authenticator app");
		assertThat(setUp.querySelector("summary").getTextContent()).isEqualTo("Can't scan the image?");
		assertThat(setUp.querySelector("#account-label").getTextContent())
			.isEqualTo("Security info:" + user.email());
		String secret = setUp.querySelector("#secret-key").getTextContent();
		assertThat(secret).matches("([A-Z2-7]{4} ){7}[A-Z2-7]{4}");

		HtmlPage codePage = page(browser
			.perform(get(START + "/enrolments/{id}/code", enrolmentId).with(signedIn(user)))
			.andExpect(status().isOk()));
		assertThat(codePage.querySelector("h2").getTextContent()).isEqualTo("Enter code");
		assertThat(text(codePage)).contains("Enter the 6-digit code shown in the app.");
		DomElement codeField = codePage.querySelector("input[name=code]");
		assertThat(codeField.getAttribute("autocomplete")).isEqualTo("one-time-code");
		assertThat(codeField.getAttribute("inputmode")).isEqualTo("numeric");

		browser.perform(enterCode(user, enrolmentId, TotpTesting.code(secret, clock.instant())))
			.andExpect(redirectedUrl(START + "/enrolments/" + enrolmentId + "/done"));
		HtmlPage done = page(browser.perform(get(START + "/enrolments/{id}/done", enrolmentId).with(signedIn(user)))
			.andExpect(status().isOk()));
		assertThat(text(done)).contains("Authenticator app registered successfully.");
		assertThat(done.getAnchorByText("Done").getHrefAttribute()).isEqualTo("/security-info");

		long appId = methodIdOf(user, "AUTHENTICATOR_APP");
		HtmlPage overview = page(browser.perform(get("/security-info").with(signedIn(user))));
		assertThat(text(overview)).contains("Default sign-in method: Phone - text " + phone);
		assertThat(normalized(overview.querySelector("#method-" + appId).asNormalizedText()))
			.isEqualTo("Authenticator app Listed in the app as Security info Added "
					+ DateTimeFormatter.ISO_LOCAL_DATE.format(clock.instant().atOffset(ZoneOffset.UTC))
					+ " Sign-in and password reset Change Delete");
		assertThat(overview.<DomElement>querySelector("#method-" + appId + " a").getAttribute("href")).isEqualTo(START);

		HtmlPage defaultPage = page(browser.perform(get("/security-info/default").with(signedIn(user))));
		assertThat(defaultPage.querySelectorAll("select[name=choice] option"))
			.extracting(option -> option.asNormalizedText().strip())
			.containsExactly("Authenticator app - code", "Phone - text " + phone, "Phone - call " + phone);
		browser.perform(post("/security-info/default").param("choice", appId + ":APP_CODE")
			.with(csrf())
			.with(signedIn(user)))
			.andExpect(redirectedUrl("/security-info"));
		assertThat(Html.text(browser.perform(get("/security-info").with(signedIn(user))).andReturn()))
			.contains("Your default sign-in method was changed.")
			.contains("Default sign-in method: Authenticator app - code Change");
		assertThat(auditActions(user)).containsSubsequence("CODE_VERIFIED", "METHOD_ADDED", "DEFAULT_METHOD_CHANGED");
	}

	@Test
	void addAppWhenItIsTheFirstMethodThenItIsTheDefault() throws Exception {
		SignedInUser user = newEmployee();

		addApp(user);

		assertThat(Html.text(mvc.perform(get("/security-info").with(signedIn(user))).andReturn()))
			.contains("Default sign-in method: Authenticator app - code Change");
		assertThat(jdbc.queryForObject("select default_mode from security_method where account_id = ?",
				String.class, user.id()))
			.isEqualTo("APP_CODE");
	}

	@Test
	void addFormThenListsTheAuthenticatorAppBeforeThePhone() throws Exception {
		SignedInUser user = newEmployee();

		HtmlPage add = page(mvc.perform(get("/security-info/add").with(signedIn(user))));

		assertThat(add.querySelectorAll("select[name=type] option")).extracting(DomElement.class::cast)
			.extracting(option -> option.getAttribute("value"))
			.containsSubsequence("AUTHENTICATOR_APP", "PHONE");
		mvc.perform(post("/security-info/add").param("type", "AUTHENTICATOR_APP").with(csrf()).with(signedIn(user)))
			.andExpect(redirectedUrl(START));
	}

	@Test
	void addFormWhenAppAndPhoneAreRegisteredThenOffersNeither() throws Exception {
		SignedInUser user = newEmployee();
		registerPhone(user);
		addApp(user);

		mvc.perform(get("/security-info/add").with(signedIn(user)))
			.andExpect(status().isOk())
			.andExpect(doesNotShow("<option value=\"AUTHENTICATOR_APP\""))
			.andExpect(doesNotShow("<option value=\"PHONE\""));
	}

	@Test
	void qrCodeWhenOwnSetUpThenAPngThatIsNeverCached() throws Exception {
		SignedInUser user = newEmployee();
		String enrolmentId = startSetUp(new TestBrowser(mvc), user);

		MvcResult qrCode = mvc.perform(get(START + "/enrolments/{id}/qr.png", enrolmentId).with(signedIn(user)))
			.andExpect(status().isOk())
			.andExpect(content().contentType(MediaType.IMAGE_PNG))
			.andExpect(header().string("Cache-Control", containsString("no-store")))
			.andReturn();

		assertThat(qrCode.getResponse().getContentAsByteArray()).startsWith(0x89, 'P', 'N', 'G');
	}

	@Test
	void setUpPagesWhenAnotherPersonsThenNotFoundAndNothingChanges() throws Exception {
		SignedInUser owner = newEmployee();
		String enrolmentId = startSetUp(new TestBrowser(mvc), owner);
		String secret = apps.get(owner.id(), enrolmentId).secret();
		SignedInUser user = newEmployee();

		mvc.perform(get(START + "/enrolments/{id}/qr.png", enrolmentId).with(signedIn(user)))
			.andExpect(status().isNotFound());
		mvc.perform(get(START + "/enrolments/{id}", enrolmentId).with(signedIn(user)))
			.andExpect(status().isNotFound());
		mvc.perform(get(START + "/enrolments/{id}/code", enrolmentId).with(signedIn(user)))
			.andExpect(status().isNotFound());
		mvc.perform(enterCode(user, enrolmentId, TotpTesting.code(secret, clock.instant())))
			.andExpect(status().isNotFound());
		mvc.perform(get(START + "/enrolments/{id}/done", enrolmentId).with(signedIn(user)))
			.andExpect(status().isNotFound());

		assertThat(methodsOf(user)).isZero();
		assertThat(methodsOf(owner)).isZero();
		assertThat(apps.get(owner.id(), enrolmentId).secret()).isEqualTo(secret);
	}

	@Test
	void enterCodeWhenWrongThenSaysHowManyTriesAreLeftWithAnEmptyField() throws Exception {
		SignedInUser user = newEmployee();
		String enrolmentId = startSetUp(new TestBrowser(mvc), user);
		String wrong = TotpTesting.wrong(TotpTesting.code(apps.get(user.id(), enrolmentId).secret(), clock.instant()));

		enterCodeAndFollow(user, enrolmentId, wrong)
			.andExpect(status().isOk())
			.andExpect(shows("That code didn&#39;t work. Check the code and try again. You have 4 more tries."))
			.andExpect(doesNotShow("value=\"" + wrong + "\""));

		assertThat(wrongAttemptsOf(enrolmentId)).isEqualTo(1);
		assertThat(methodsOf(user)).isZero();
	}

	@Test
	void enterCodeWhenNotSixDigitsThenSaysSoAndCountsNoAttempt() throws Exception {
		SignedInUser user = newEmployee();
		String enrolmentId = startSetUp(new TestBrowser(mvc), user);

		enterCodeAndFollow(user, enrolmentId, "12ab56").andExpect(status().isOk())
			.andExpect(shows("id=\"code-error\">The code is 6 digits.</p>"));
		enterCodeAndFollow(user, enrolmentId, " ").andExpect(status().isOk())
			.andExpect(shows("id=\"code-error\">Enter the 6-digit code shown in the app.</p>"));

		assertThat(wrongAttemptsOf(enrolmentId)).isZero();
	}

	@Test
	void enterCodeWhenFiveWrongCodesThenBackToTheStartToBeginAgainAndNothingIsRegistered() throws Exception {
		SignedInUser user = newEmployee();
		String enrolmentId = startSetUp(new TestBrowser(mvc), user);
		String right = TotpTesting.code(apps.get(user.id(), enrolmentId).secret(), clock.instant());
		for (int attempt = 1; attempt < 5; attempt++) {
			mvc.perform(enterCode(user, enrolmentId, TotpTesting.wrong(right)))
				.andExpect(redirectedUrl(START + "/enrolments/" + enrolmentId + "/code"));
		}
		TestBrowser browser = new TestBrowser(mvc);

		browser.perform(enterCode(user, enrolmentId, TotpTesting.wrong(right)))
			.andExpect(redirectedUrl(START))
			.andExpect(flash().attribute("problem", "authenticator.ended"));

		browser.perform(get(START).with(signedIn(user))).andExpect(shows("Too many wrong codes. Start again."));
		mvc.perform(enterCode(user, enrolmentId, right)).andExpect(redirectedUrl(START));
		mvc.perform(get(START + "/enrolments/{id}", enrolmentId).with(signedIn(user)))
			.andExpect(redirectedUrl(START));
		mvc.perform(get(START + "/enrolments/{id}/qr.png", enrolmentId).with(signedIn(user)))
			.andExpect(status().isNotFound());
		assertThat(methodsOf(user)).isZero();
	}

	@Test
	void enterCodeWhenTheSetUpHasExpiredThenBackToTheStartSayingSo() throws Exception {
		SignedInUser user = newEmployee();
		String enrolmentId = startSetUp(new TestBrowser(mvc), user);
		String secret = apps.get(user.id(), enrolmentId).secret();
		clock.advance(Duration.ofMinutes(15));
		TestBrowser browser = new TestBrowser(mvc);

		browser.perform(enterCode(user, enrolmentId, TotpTesting.code(secret, clock.instant())))
			.andExpect(redirectedUrl(START));

		browser.perform(get(START).with(signedIn(user))).andExpect(shows("This setup has expired. Start again."));
		assertThat(methodsOf(user)).isZero();
	}

	@Test
	void addAppWhenPolicyDoesNotAllowItForThisPersonThenEveryStepIsRefused() throws Exception {
		SignedInUser user = newEmployee();
		String enrolmentId = startSetUp(new TestBrowser(mvc), user);
		String secret = apps.get(user.id(), enrolmentId).secret();
		long admin = accounts.createIfAbsent("totp-admin" + nextName.incrementAndGet() + "-" + System.nanoTime()
				+ "@example.com", "Totp Admin", TestAccounts.PASSWORD, Role.ADMIN);
		long emptyGroup = groups.create(admin, "Authenticator app testers " + System.nanoTime());
		methodPolicy.save(admin, List.of(
				new MethodPolicy.Setting(AuthenticatorAppMethodType.AUTHENTICATION_METHOD, true, false, Set.of(emptyGroup))));
		try {
			mvc.perform(get(START).with(signedIn(user)))
				.andExpect(redirectedUrl("/security-info/add"))
				.andExpect(flash().attribute("problem", "authenticator.not-allowed"));
			mvc.perform(post(START).with(csrf()).with(signedIn(user)))
				.andExpect(redirectedUrl("/security-info/add"))
				.andExpect(flash().attribute("problem", "authenticator.not-allowed"));
			mvc.perform(enterCode(user, enrolmentId, TotpTesting.code(secret, clock.instant())))
				.andExpect(redirectedUrl("/security-info/add"));
			mvc.perform(post("/security-info/add").param("type", "AUTHENTICATOR_APP").with(csrf()).with(signedIn(user)))
				.andExpect(status().isOk())
				.andExpect(shows("This method can&#39;t be added. Choose another one."));
			TestBrowser browser = new TestBrowser(mvc);
			browser.perform(get(START).with(signedIn(user)));
			browser.perform(get("/security-info/add").with(signedIn(user)))
				.andExpect(shows("Your organization doesn&#39;t allow authenticator apps to be added."))
				.andExpect(shows("If you don&#39;t see an option, your organization might not allow it."))
				.andExpect(doesNotShow("<option value=\"AUTHENTICATOR_APP\""));

			assertThat(methodsOf(user)).isZero();
			assertThat(jdbc.queryForList("select id from authenticator_enrolment where account_id = ?", String.class,
					user.id()))
				.containsExactly(enrolmentId);
		}
		finally {
			jdbc.update("delete from method_policy where method = 'AUTHENTICATOR_APP'");
		}
	}

	@Test
	void changeAppThenTheOldOneWorksUntilTheNewCodeIsRightAndTheMethodKeepsItsPlace() throws Exception {
		SignedInUser user = newEmployee();
		String oldSecret = addApp(user);
		long appId = methodIdOf(user, "AUTHENTICATOR_APP");
		registerPhone(user);
		clock.advance(Duration.ofSeconds(30));

		mvc.perform(get(START).with(signedIn(user)))
			.andExpect(shows("You already use an authenticator app. It keeps working until you enter a code from the "
					+ "new one; then only the new one works."));
		String enrolmentId = startSetUp(new TestBrowser(mvc), user);
		String newSecret = apps.get(user.id(), enrolmentId).secret();
		mvc.perform(enterCode(user, enrolmentId, TotpTesting.wrong(TotpTesting.code(newSecret, clock.instant()))))
			.andExpect(redirectedUrl(START + "/enrolments/" + enrolmentId + "/code"));
		assertThat(apps.verify(user.id(), appId, TotpTesting.code(oldSecret, clock.instant())))
			.isEqualTo(AppCodeCheck.ACCEPTED);

		mvc.perform(enterCode(user, enrolmentId, TotpTesting.code(newSecret, clock.instant())))
			.andExpect(redirectedUrl(START + "/enrolments/" + enrolmentId + "/done"));

		clock.advance(Duration.ofSeconds(30));
		assertThat(apps.verify(user.id(), appId, TotpTesting.code(oldSecret, clock.instant())))
			.isEqualTo(AppCodeCheck.WRONG);
		assertThat(apps.verify(user.id(), appId, TotpTesting.code(newSecret, clock.instant())))
			.isEqualTo(AppCodeCheck.ACCEPTED);
		assertThat(methodIdOf(user, "AUTHENTICATOR_APP")).isEqualTo(appId);
		assertThat(jdbc.queryForObject("select default_mode from security_method where id = ?", String.class, appId))
			.isEqualTo("APP_CODE");
		assertThat(jdbc.queryForList("""
				select action from audit_event where subject_account_id = ?
				and (method_type = 'AUTHENTICATOR_APP' or method_mode = 'APP_CODE') order by id""", String.class, user.id()))
			.containsExactly("CODE_VERIFIED", "METHOD_ADDED", "DEFAULT_METHOD_CHANGED", "CODE_FAILED", "CODE_VERIFIED",
					"CODE_VERIFIED", "AUTHENTICATOR_APP_REPLACED", "CODE_FAILED", "CODE_VERIFIED");
	}

	@Test
	void deleteWhenTheAppIsTheDefaultThenThePhoneBecomesTheDefault() throws Exception {
		SignedInUser user = newEmployee();
		addApp(user);
		long appId = methodIdOf(user, "AUTHENTICATOR_APP");
		String phone = registerPhone(user);

		assertThat(Html.text(mvc.perform(get("/security-info/methods/{id}/delete", appId).with(signedIn(user)))
			.andReturn()))
			.contains("Are you sure you would like to delete the Authenticator app method for this account?")
			.contains("This is your default sign-in method. Phone - text " + phone + " will become your default.");
		TestBrowser browser = new TestBrowser(mvc);
		browser.perform(post("/security-info/methods/{id}/delete", appId).with(csrf()).with(signedIn(user)))
			.andExpect(redirectedUrl("/security-info"));

		assertThat(Html.text(browser.perform(get("/security-info").with(signedIn(user))).andReturn()))
			.contains("The method was deleted.")
			.contains("Default sign-in method: Phone - text " + phone)
			.doesNotContain("Authenticator app");
		assertThat(jdbc.queryForObject("select count(*) from authenticator_app where method_id = ?", Long.class,
				appId))
			.isZero();
	}

	@Test
	void deleteWhenThePhoneIsTheDefaultThenTheAppBecomesTheDefault() throws Exception {
		SignedInUser user = newEmployee();
		registerPhone(user);
		long phoneId = methodIdOf(user, "PHONE");
		addApp(user);

		assertThat(Html.text(mvc.perform(get("/security-info/methods/{id}/delete", phoneId).with(signedIn(user)))
			.andReturn()))
			.contains("This is your default sign-in method. Authenticator app - code will become your default.");
		mvc.perform(post("/security-info/methods/{id}/delete", phoneId).with(csrf()).with(signedIn(user)))
			.andExpect(redirectedUrl("/security-info"));

		assertThat(Html.text(mvc.perform(get("/security-info").with(signedIn(user))).andReturn()))
			.contains("Default sign-in method: Authenticator app - code Change");
	}

	@Test
	void doneWhenRegistrationAsksForMoreMethodsThenDoneLeadsOnToTheNextOne() throws Exception {
		SignedInUser user = newEmployee();
		long admin = accounts.createIfAbsent("totp-admin" + nextName.incrementAndGet() + "-" + System.nanoTime()
				+ "@example.com", "Totp Admin", TestAccounts.PASSWORD, Role.ADMIN);
		RegistrationRules before = registrationPolicy.current();
		registrationPolicy.save(admin, new RegistrationRules(true, 2, 0, 0));
		try {
			MockHttpSession signingIn = new MockHttpSession();
			signingIn.setAttribute(SignInSteps.PENDING_ATTRIBUTE, Boolean.TRUE);
			MvcResult started = mvc.perform(post(START).session(signingIn).with(csrf()).with(signedIn(user)))
				.andExpect(status().is3xxRedirection())
				.andReturn();
			String enrolmentId = enrolmentIdIn(started);
			String secret = apps.get(user.id(), enrolmentId).secret();
			mvc.perform(enterCode(user, enrolmentId, TotpTesting.code(secret, clock.instant())).session(signingIn))
				.andExpect(redirectedUrl(START + "/enrolments/" + enrolmentId + "/done"));

			HtmlPage done = page(mvc.perform(get(START + "/enrolments/{id}/done", enrolmentId).session(signingIn)
				.with(signedIn(user))).andExpect(status().isOk()));

			assertThat(done.getAnchorByText("Done").getHrefAttribute()).isEqualTo("/security-info/interrupt/continue");
		}
		finally {
			registrationPolicy.save(admin, before);
		}
	}

	/** Goes through the pages as a person would; answers the secret of the app now registered. */
	private String addApp(SignedInUser user) throws Exception {
		String enrolmentId = startSetUp(new TestBrowser(mvc), user);
		HtmlPage setUp = page(mvc.perform(get(START + "/enrolments/{id}", enrolmentId).with(signedIn(user))));
		String secret = setUp.querySelector("#secret-key").getTextContent();
		mvc.perform(enterCode(user, enrolmentId, TotpTesting.code(secret, clock.instant())))
			.andExpect(redirectedUrl(START + "/enrolments/" + enrolmentId + "/done"));
		return secret;
	}

	/** "Next" on the first page; answers the id of the set-up it leads to. */
	private static String startSetUp(TestBrowser browser, SignedInUser user) throws Exception {
		return enrolmentIdIn(browser.perform(post(START).with(csrf()).with(signedIn(user)))
			.andExpect(status().is3xxRedirection())
			.andReturn());
	}

	private static String enrolmentIdIn(MvcResult redirect) {
		String location = redirect.getResponse().getRedirectedUrl();
		assertThat(location).startsWith(START + "/enrolments/");
		return location.substring(location.lastIndexOf('/') + 1);
	}

	/** Enters the code, and follows the redirect back to the code page as a browser would. */
	private ResultActions enterCodeAndFollow(SignedInUser user, String enrolmentId, String code) throws Exception {
		MvcResult posted = mvc.perform(enterCode(user, enrolmentId, code))
			.andExpect(redirectedUrl(START + "/enrolments/" + enrolmentId + "/code"))
			.andReturn();
		return mvc.perform(redirectFrom(posted).with(signedIn(user)));
	}

	private static MockHttpServletRequestBuilder enterCode(SignedInUser user, String enrolmentId, String code) {
		return post(START + "/enrolments/{id}/code", enrolmentId).param("code", code)
			.with(csrf())
			.with(signedIn(user));
	}

	/** Registers a phone directly, as the phone pages would; answers it as pages show it. */
	private String registerPhone(SignedInUser user) {
		String subscriber = "1234" + nextNumber.incrementAndGet();
		securityInfo.register(user.id(), "PHONE", "+316" + subscriber, PhoneModes.TEXT);
		return "+31 6 " + subscriber;
	}

	private long methodIdOf(SignedInUser user, String type) {
		return jdbc.queryForObject("select id from security_method where account_id = ? and type = ?", Long.class,
				user.id(), type);
	}

	private int wrongAttemptsOf(String enrolmentId) {
		return jdbc.queryForObject("select wrong_attempts from authenticator_enrolment where id = ?", Integer.class,
				enrolmentId);
	}

	private static HtmlPage page(ResultActions actions) {
		return Html.page(actions.andReturn());
	}

	private static String text(HtmlPage page) {
		return normalized(page.asNormalizedText());
	}

	private static String normalized(String text) {
		return text.replaceAll("\\s+", " ").strip();
	}

}
