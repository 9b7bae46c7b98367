package io.securityinfo.securityinfo;

import static io.securityinfo.Pages.doesNotShow;
import static io.securityinfo.Pages.rowOf;
import static io.securityinfo.Pages.shows;
import static io.securityinfo.Pages.signedIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.securityinfo.AppFixture;
import io.securityinfo.AppTest;
import io.securityinfo.TestBrowser;
import io.securityinfo.account.SignedInUser;
import io.securityinfo.account.TestAccounts;
import io.securityinfo.phone.TestPhone;
import io.securityinfo.securityinfo.app.AuthenticatorAppMethodType;
import io.securityinfo.securityinfo.phone.PhoneSteps;
import io.securityinfo.sms.CapturingSmsGateway;

/** The Security info pages: the list of methods, adding one, the default sign-in method and deleting. */
@AppTest
class SecurityInfoControllerTests extends AppFixture {

	/** Numbers 06 1234 1xxx belong to this class, so that per-number sending limits never meet another test's. */
	private static final AtomicInteger nextNumber = new AtomicInteger(1000);

	@Autowired
	PhoneSteps steps;

	@Autowired
	SecurityInfo securityInfo;

	@Test
	void overviewWhenAnonymousThenRedirectsToSignIn() throws Exception {
		mvc.perform(get("/security-info")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
	}

	@Test
	void overviewWhenNoMethodsThenSaysSoAndHasNoDefault() throws Exception {
		SignedInUser user = newEmployee();

		mvc.perform(get("/security-info").with(signedIn(user)))
			.andExpect(status().isOk())
			.andExpect(shows("<h1>Security info</h1>"))
			.andExpect(shows("You haven&#39;t added any methods yet. Add one so that you can verify who you are "
					+ "when you sign in or reset your password."))
			.andExpect(shows("<span>Default sign-in method:</span>"))
			.andExpect(shows(">None yet</strong>"))
			.andExpect(doesNotShow("href=\"/security-info/default\""));
	}

	@Test
	void overviewWhenPhoneRegisteredByTextThenListsItAndMakesItTheDefaultByText() throws Exception {
		SignedInUser user = newEmployee();
		TestPhone phone = nextPhone();

		long methodId = registerPhone(user, phone);

		mvc.perform(get("/security-info").with(signedIn(user)))
			.andExpect(status().isOk())
			.andExpect(content().string(rowOf(methodId, "Phone", phone.international())))
			.andExpect(doesNotShow("Not allowed by your organization"))
			.andExpect(shows("<span>Default sign-in method:</span>"))
			.andExpect(shows(">Phone - text " + phone.international() + "</strong>"))
			.andExpect(shows("href=\"/security-info/methods/" + methodId + "/delete\""))
			.andExpect(doesNotShow("You haven&#39;t added any methods yet."));
		assertThat(defaultModeOf(methodId)).isEqualTo("TEXT");
	}

	@Test
	void changeDefaultWhenCallChosenThenOverviewShowsPhoneCall() throws Exception {
		SignedInUser user = newEmployee();
		TestPhone phone = nextPhone();
		long methodId = registerPhone(user, phone);

		mvc.perform(get("/security-info/default").with(signedIn(user)))
			.andExpect(status().isOk())
			.andExpect(shows("Which method would you like to use to sign in?"))
			.andExpect(shows("<option value=\"" + methodId + ":TEXT\" selected=\"selected\">Phone - text "
					+ phone.international() + "</option>"))
			.andExpect(shows("<option value=\"" + methodId + ":CALL\">Phone - call " + phone.international()
					+ "</option>"));

		TestBrowser browser = new TestBrowser(mvc);
		browser.perform(post("/security-info/default").param("choice", methodId + ":CALL")
			.with(csrf())
			.with(signedIn(user)))
			.andExpect(redirectedUrl("/security-info"))
			.andExpect(flash().attribute("notice", "defaultmethod.changed"));

		assertThat(defaultModeOf(methodId)).isEqualTo("CALL");
		browser.perform(get("/security-info").with(signedIn(user)))
			.andExpect(shows("Your default sign-in method was changed."))
			.andExpect(shows(">Phone - call " + phone.international() + "</strong>"));
	}

	@Test
	void changeDefaultWhenChoiceIsAnotherUsersMethodThenFieldMessageAndNothingChanges() throws Exception {
		SignedInUser user = newEmployee();
		long ownMethodId = registerPhone(user, nextPhone());
		SignedInUser other = newEmployee();
		long othersMethodId = registerPhone(other, nextPhone());
		long auditEventsBefore = auditEventsOf(user);

		mvc.perform(post("/security-info/default").param("choice", othersMethodId + ":CALL")
			.with(csrf())
			.with(signedIn(user)))
			.andExpect(status().isOk())
			.andExpect(shows(
					"<p class=\"field-error\">This method can&#39;t be your default. Choose one from the list.</p>"));

		assertThat(defaultModeOf(ownMethodId)).isEqualTo("TEXT");
		assertThat(defaultModeOf(othersMethodId)).isEqualTo("TEXT");
		assertThat(auditEventsOf(user)).isEqualTo(auditEventsBefore);
	}

	@Test
	void changeDefaultWhenChoiceIsGarbageThenFieldMessageAndNothingChanges() throws Exception {
		SignedInUser user = newEmployee();
		long methodId = registerPhone(user, nextPhone());

		for (String garbage : new String[] { "garbage", methodId + ":FAX", methodId + "", ":CALL" }) {
			mvc.perform(post("/security-info/default").param("choice", garbage).with(csrf()).with(signedIn(user)))
				.andExpect(status().isOk())
				.andExpect(shows("This method can&#39;t be your default. Choose one from the list."));
		}

		assertThat(defaultModeOf(methodId)).isEqualTo("TEXT");
	}

	@Test
	void changeDefaultWhenNothingChosenThenAsksToChoose() throws Exception {
		SignedInUser user = newEmployee();
		long methodId = registerPhone(user, nextPhone());

		mvc.perform(post("/security-info/default").param("choice", "").with(csrf()).with(signedIn(user)))
			.andExpect(status().isOk())
			.andExpect(shows("<p class=\"field-error\">Choose a method.</p>"));

		assertThat(defaultModeOf(methodId)).isEqualTo("TEXT");
	}

	@Test
	void confirmDeleteWhenMethodIsTheOnlyDefaultThenAsksAndWarnsThereWillBeNoDefault() throws Exception {
		SignedInUser user = newEmployee();
		TestPhone phone = nextPhone();
		long methodId = registerPhone(user, phone);

		mvc.perform(get("/security-info/methods/{id}/delete", methodId).with(signedIn(user)))
			.andExpect(status().isOk())
			.andExpect(shows("Are you sure you would like to delete the Phone method for this account?"))
			.andExpect(shows(phone.international()))
			.andExpect(shows("This is your default sign-in method. You will have no default sign-in method."))
			.andExpect(shows("This can&#39;t be undone."))
			.andExpect(shows("action=\"/security-info/methods/" + methodId + "/delete\""));
	}

	@Test
	void deleteWhenOwnMethodThenItIsGoneAndTheOverviewSaysSo() throws Exception {
		SignedInUser user = newEmployee();
		long methodId = registerPhone(user, nextPhone());

		TestBrowser browser = new TestBrowser(mvc);
		browser.perform(post("/security-info/methods/{id}/delete", methodId).with(csrf()).with(signedIn(user)))
			.andExpect(redirectedUrl("/security-info"))
			.andExpect(flash().attribute("notice", "delete.done"));

		assertThat(methodsOf(user)).isZero();
		assertThat(auditEventsOf(user, "METHOD_DELETED")).isEqualTo(1);
		browser.perform(get("/security-info").with(signedIn(user)))
			.andExpect(shows("The method was deleted."))
			.andExpect(shows(">None yet</strong>"))
			.andExpect(shows("You haven&#39;t added any methods yet."));
	}

	@Test
	void overviewWhenAnAuthenticatorAppIsAddedThenItsRowShowsTheNameTheAppShowsAndWhenItWasAdded() throws Exception {
		SignedInUser user = newEmployee();
		securityInfo.register(user.id(), AuthenticatorAppMethodType.ID, "TOTP", AuthenticatorAppMethodType.APP_CODE);
		String today = DateTimeFormatter.ISO_LOCAL_DATE.format(clock.instant().atOffset(ZoneOffset.UTC));

		mvc.perform(get("/security-info").with(signedIn(user)))
			.andExpect(status().isOk())
			.andExpect(shows("<span>Listed in the app as Security info</span>"))
			.andExpect(shows("<span class=\"method-added\">Added " + today + "</span>"));
		mvc.perform(get("/security-info").header("Accept-Language", "nl-NL").with(signedIn(user)))
			.andExpect(shows("<span>In de app vermeld als Security info</span>"))
			.andExpect(shows("<span class=\"method-added\">Toegevoegd op "
					+ DateTimeFormatter.ofPattern("dd-MM-yyyy").format(clock.instant().atOffset(ZoneOffset.UTC))
					+ "</span>"));
	}

	@Test
	void confirmDeleteWhenBackAfterTheMethodWasDeletedThenSaysItWasAlreadyRemoved() throws Exception {
		SignedInUser user = newEmployee();
		long methodId = registerPhone(user, nextPhone());
		TestBrowser browser = new TestBrowser(mvc);
		browser.perform(post("/security-info/methods/{id}/delete", methodId).with(csrf()).with(signedIn(user)))
			.andExpect(redirectedUrl("/security-info"));

		browser.perform(get("/security-info/methods/{id}/delete", methodId).with(signedIn(user)))
			.andExpect(status().isOk())
			.andExpect(shows("<h1>This method was already removed</h1>"))
			.andExpect(doesNotShow("isn&#39;t yours"));
		browser.perform(post("/security-info/methods/{id}/delete", methodId).with(csrf()).with(signedIn(user)))
			.andExpect(status().isOk())
			.andExpect(shows("<h1>This method was already removed</h1>"));
		assertThat(auditEventsOf(user, "METHOD_DELETED")).isEqualTo(1);
	}

	@Test
	void confirmDeleteWhenAnotherPersonsMethodWasDeletedThenNotFoundAsForAnyOtherId() throws Exception {
		SignedInUser user = newEmployee();
		SignedInUser owner = newEmployee();
		long othersMethodId = registerPhone(owner, nextPhone());
		TestBrowser ownersBrowser = new TestBrowser(mvc);
		ownersBrowser.perform(post("/security-info/methods/{id}/delete", othersMethodId).with(csrf())
			.with(signedIn(owner))).andExpect(redirectedUrl("/security-info"));

		mvc.perform(get("/security-info/methods/{id}/delete", othersMethodId).with(signedIn(user)))
			.andExpect(status().isNotFound())
			.andExpect(doesNotShow("already removed"));
	}

	@Test
	void deleteWhenMethodBelongsToAnotherUserThenNotFoundAndNothingChanges() throws Exception {
		SignedInUser user = newEmployee();
		SignedInUser owner = newEmployee();
		long othersMethodId = registerPhone(owner, nextPhone());

		mvc.perform(get("/security-info/methods/{id}/delete", othersMethodId).with(signedIn(user)))
			.andExpect(status().isNotFound());
		mvc.perform(post("/security-info/methods/{id}/delete", othersMethodId).with(csrf()).with(signedIn(user)))
			.andExpect(status().isNotFound());

		assertThat(methodsOf(owner)).isEqualTo(1);
		assertThat(defaultModeOf(othersMethodId)).isEqualTo("TEXT");
		assertThat(auditEventsOf(owner, "METHOD_DELETED")).isZero();
	}

	@Test
	void deleteWhenMethodDoesNotExistThenNotFound() throws Exception {
		SignedInUser user = newEmployee();

		mvc.perform(get("/security-info/methods/{id}/delete", Long.MAX_VALUE).with(signedIn(user)))
			.andExpect(status().isNotFound());
		mvc.perform(post("/security-info/methods/{id}/delete", Long.MAX_VALUE).with(csrf()).with(signedIn(user)))
			.andExpect(status().isNotFound());
	}

	@Test
	void deleteWhenNoCsrfTokenThenForbiddenAndMethodStays() throws Exception {
		SignedInUser user = newEmployee();
		long methodId = registerPhone(user, nextPhone());

		mvc.perform(post("/security-info/methods/{id}/delete", methodId).with(signedIn(user)))
			.andExpect(status().isForbidden());

		assertThat(methodsOf(user)).isEqualTo(1);
	}

	@Test
	void changeDefaultWhenNoCsrfTokenThenForbiddenAndDefaultStays() throws Exception {
		SignedInUser user = newEmployee();
		long methodId = registerPhone(user, nextPhone());

		mvc.perform(post("/security-info/default").param("choice", methodId + ":CALL").with(signedIn(user)))
			.andExpect(status().isForbidden());

		assertThat(defaultModeOf(methodId)).isEqualTo("TEXT");
	}

	@Test
	void addWhenNoCsrfTokenThenForbidden() throws Exception {
		SignedInUser user = newEmployee();

		mvc.perform(post("/security-info/add").param("type", "PHONE").with(signedIn(user)))
			.andExpect(status().isForbidden())
			.andExpect(redirectedUrl(null));
	}

	@Test
	void sendPhoneCodeWhenNoCsrfTokenThenForbiddenAndNothingSent() throws Exception {
		SignedInUser user = newEmployee();
		TestPhone phone = nextPhone();
		int sentBefore = sms.sent().size();

		mvc.perform(post("/security-info/phone").param("region", "NL")
			.param("number", phone.national())
			.param("mode", "TEXT")
			.with(signedIn(user))).andExpect(status().isForbidden());

		assertThat(sms.sent()).hasSize(sentBefore);
		assertThat(sms.sent()).noneMatch(sent -> sent.to().equals(phone.e164()));
		assertThat(challengesOf(user)).isZero();
	}

	@Test
	void enterCodeWhenNoCsrfTokenThenForbiddenAndPhoneNotRegistered() throws Exception {
		SignedInUser user = newEmployee();
		TestPhone phone = nextPhone();
		String challengeId = sendCode(user, phone);

		mvc.perform(post("/security-info/phone/challenges/{id}", challengeId)
			.param("code", sms.lastCodeTo(phone.e164()))
			.with(signedIn(user))).andExpect(status().isForbidden());

		assertThat(methodsOf(user)).isZero();
		assertThat(jdbc.queryForObject("select status from verification_challenge where id = ?", String.class,
				challengeId))
			.isEqualTo("OPEN");
	}

	@Test
	void resendCodeWhenNoCsrfTokenThenForbiddenAndNothingSent() throws Exception {
		SignedInUser user = newEmployee();
		TestPhone phone = nextPhone();
		String challengeId = sendCode(user, phone);
		int sentBefore = sms.sent().size();

		mvc.perform(post("/security-info/phone/challenges/{id}/resend", challengeId).with(signedIn(user)))
			.andExpect(status().isForbidden());

		assertThat(sms.sent()).hasSize(sentBefore);
		assertThat(jdbc.queryForObject("select count(*) from verification_code where challenge_id = ?", Long.class,
				challengeId))
			.isEqualTo(1);
	}

	@Test
	void addFormWhenNoMethodsThenOffersThePasskeyFirstThenTheAppThenPhone() throws Exception {
		SignedInUser user = newEmployee();

		mvc.perform(get("/security-info/add").with(signedIn(user)))
			.andExpect(status().isOk())
			.andExpect(shows("Which method would you like to add?"))
			.andExpect(shows("<option value=\"PASSKEY\" selected=\"selected\">Passkey</option>"))
			.andExpect(shows("<option value=\"AUTHENTICATOR_APP\">Authenticator app</option>"))
			.andExpect(shows("<option value=\"PHONE\">Phone</option>"));
	}

	@Test
	void addFormWhenPhoneAlreadyRegisteredThenOffersTheOtherMethodsButNotPhone() throws Exception {
		SignedInUser user = newEmployee();
		registerPhone(user, nextPhone());

		mvc.perform(get("/security-info/add").with(signedIn(user)))
			.andExpect(status().isOk())
			.andExpect(shows("<option value=\"AUTHENTICATOR_APP\""))
			.andExpect(shows("<option value=\"ALTERNATE_PHONE\""))
			.andExpect(shows(">Alternate phone</option>"))
			.andExpect(doesNotShow("You have added every method available to you."))
			.andExpect(doesNotShow("<option value=\"PHONE\""));
	}

	@Test
	void addWhenPhoneChosenThenRedirectsToPhonePage() throws Exception {
		SignedInUser user = newEmployee();

		mvc.perform(post("/security-info/add").param("type", "PHONE").with(csrf()).with(signedIn(user)))
			.andExpect(redirectedUrl("/security-info/phone"));
	}

	@Test
	void addWhenUnknownTypeThenFieldMessage() throws Exception {
		SignedInUser user = newEmployee();

		mvc.perform(post("/security-info/add").param("type", "BOGUS").with(csrf()).with(signedIn(user)))
			.andExpect(status().isOk())
			.andExpect(shows("<p class=\"field-error\">This method can&#39;t be added. Choose another one.</p>"));
	}

	@Test
	void addWhenNoTypeChosenThenFieldMessage() throws Exception {
		SignedInUser user = newEmployee();

		mvc.perform(post("/security-info/add").param("type", " ").with(csrf()).with(signedIn(user)))
			.andExpect(status().isOk())
			.andExpect(shows("<p class=\"field-error\">Choose a method.</p>"));
	}

	/** A Dutch mobile number nobody else in the test run uses. */
	private static TestPhone nextPhone() {
		return new TestPhone("061234" + nextNumber.incrementAndGet());
	}

	/** Asks for a text to the number, as the phone page does; answers the challenge id the code page has. */
	private String sendCode(SignedInUser user, TestPhone phone) throws Exception {
		return steps.sendCode(signedIn(user), "phone", phone, "TEXT");
	}

	/** Registers the phone through the real flow: the number, then the code the text brought. */
	private long registerPhone(SignedInUser user, TestPhone phone) throws Exception {
		steps.register(signedIn(user), "phone", phone, "TEXT");
		return jdbc.queryForObject("select id from security_method where account_id = ? and detail = ?", Long.class,
				user.id(), phone.e164());
	}

	private long auditEventsOf(SignedInUser user) {
		return jdbc.queryForObject("select count(*) from audit_event where subject_account_id = ?", Long.class,
				user.id());
	}

	private long auditEventsOf(SignedInUser user, String action) {
		return jdbc.queryForObject("select count(*) from audit_event where subject_account_id = ? and action = ?",
				Long.class, user.id(), action);
	}

}
