package io.securityinfo.securityinfo.email;

import static io.securityinfo.Pages.doesNotShow;
import static io.securityinfo.Pages.redirectFrom;
import static io.securityinfo.Pages.shows;
import static io.securityinfo.Pages.signedIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.htmlunit.html.DomNode;
import org.htmlunit.html.HtmlAnchor;
import org.htmlunit.html.HtmlInput;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import io.securityinfo.AppFixture;
import io.securityinfo.AppTest;
import io.securityinfo.Html;
import io.securityinfo.TestBrowser;
import io.securityinfo.account.SignInSteps;
import io.securityinfo.account.SignedInUser;
import io.securityinfo.email.EmailDeliveryException;
import io.securityinfo.groups.Groups;
import io.securityinfo.phone.TestPhone;
import io.securityinfo.policy.MethodPolicy;
import io.securityinfo.policy.RegistrationPolicy;
import io.securityinfo.policy.RegistrationRules;
import io.securityinfo.securityinfo.phone.PhoneSteps;

/**
 * "Email": the address for password reset, the code that proves it, changing it and deleting it, and what Security
 * info shows of it: used for password reset only, never a default sign-in method.
 */
@AppTest
class EmailControllerTests extends AppFixture {

	/** Addresses of this class only, so that per-address sending limits never meet another test's. */
	private static final AtomicInteger addresses = new AtomicInteger();

	/** Numbers 06 1237 xxxx belong to this class. */
	private static final AtomicInteger numbers = new AtomicInteger(1000);

	@Autowired
	PhoneSteps phoneSteps;

	@Autowired
	MethodPolicy methodPolicy;

	@Autowired
	Groups groups;

	@Autowired
	RegistrationPolicy registrationPolicy;

	@Test
	void addEmailThroughThePagesThenListedForPasswordResetOnlyWithChangeAndDelete() throws Exception {
		SignedInUser user = newEmployee();
		String address = nextAddress();
		TestBrowser browser = new TestBrowser(mvc);

		HtmlPage add = page(browser.perform(get("/security-info/add").with(signedIn(user))));
		assertThat(add.querySelectorAll("select[name=type] option")).extracting(DomNode::asNormalizedText)
			.contains("Phone", "Email");
		browser.perform(post("/security-info/add").param("type", "EMAIL").with(csrf()).with(signedIn(user)))
			.andExpect(redirectedUrl("/security-info/email"));

		HtmlPage form = page(browser.perform(get("/security-info/email").with(signedIn(user))));
		assertThat(form.querySelector("h1").asNormalizedText()).isEqualTo("Email");
		assertThat(form.querySelector("label[for=email]").asNormalizedText())
			.isEqualTo("What email would you like to use?");
		HtmlInput field = form.querySelector("input[name=email]");
		assertThat(field.getAttribute("type")).isEqualTo("email");
		assertThat(field.getAttribute("autocomplete")).isEqualTo("email");
		assertThat(buttonsAndLinks(form)).contains("Back", "Next");

		String challengeId = sendCode(browser, user, address);
		assertThat(email.sentTo(address)).singleElement()
			.satisfies(mail -> assertThat(mail.subject()).isEqualTo("Your Security info verification code"));
		assertThat(methodsOf(user)).isZero();

		HtmlPage codePage = page(
				browser.perform(get("/security-info/email/challenges/{id}", challengeId).with(signedIn(user))));
		assertThat(codePage.querySelector("#code-sent").asNormalizedText())
			.isEqualTo("We just sent a code to " + address + ". Enter the code below.");
		assertThat(codePage.querySelector("label[for=code]").asNormalizedText()).isEqualTo("Enter code");
		HtmlInput codeField = codePage.querySelector("input[name=code]");
		assertThat(codeField.getAttribute("autocomplete")).isEqualTo("one-time-code");
		assertThat(codeField.getAttribute("inputmode")).isEqualTo("numeric");
		assertThat(buttonsAndLinks(codePage)).contains("Resend code", "Back", "Next");
		assertThat(codePage.<HtmlAnchor>querySelector(".actions a").getHrefAttribute())
			.isEqualTo("/security-info/email?challenge=" + challengeId);

		browser.perform(enterCodeRequest(user, challengeId, email.lastCodeTo(address)))
			.andExpect(redirectedUrl("/security-info/email/challenges/" + challengeId + "/done"));
		HtmlPage done = page(
				browser.perform(get("/security-info/email/challenges/{id}/done", challengeId).with(signedIn(user))));
		assertThat(done.querySelector("#registered").asNormalizedText())
			.isEqualTo("Email verified. Your email was registered successfully.");
		assertThat(done.<HtmlAnchor>querySelector(".actions a").getHrefAttribute()).isEqualTo("/security-info");

		HtmlPage overview = page(browser.perform(get("/security-info").with(signedIn(user))));
		assertThat(overview.querySelectorAll("table.methods tr")).singleElement()
			.extracting(row -> row.asNormalizedText().replaceAll("\\s+", " "))
			.isEqualTo("Email " + address + " Password reset only Change Delete");
		assertThat(overview.querySelector("#default-method").asNormalizedText()).isEqualTo("None yet");
		assertThat(overview.getAnchorByText("Change").getHrefAttribute()).isEqualTo("/security-info/email");
		assertThat(jdbc.queryForObject(
				"select detail from security_method where account_id = ? and type = 'EMAIL' and default_mode is null",
				String.class, user.id()))
			.isEqualTo(address);
	}

	@Test
	void emailFormWhenComingBackFromTheCodePageThenPrefillsTheAddress() throws Exception {
		SignedInUser user = newEmployee();
		String address = nextAddress();
		String challengeId = sendCode(user, address);

		mvc.perform(get("/security-info/email").param("challenge", challengeId).with(signedIn(user)))
			.andExpect(status().isOk())
			.andExpect(shows("value=\"" + address + "\""));
	}

	@Test
	void sendCodeWhenAddressIsTheWorkEmailInAnyCaseThenRefusedAndNothingSent() throws Exception {
		SignedInUser user = newEmployee();
		String workEmail = user.email().toUpperCase(Locale.ROOT);

		mvc.perform(sendCodeRequest(user, "  " + workEmail))
			.andExpect(status().isOk())
			.andExpect(shows("id=\"email-error\">Use an email other than your work email.</p>"))
			.andExpect(shows("value=\"" + workEmail + "\""));

		assertThat(email.sent()).noneMatch(mail -> mail.to().equalsIgnoreCase(user.email()));
		assertThat(challengesOf(user)).isZero();
	}

	@Test
	void sendCodeWhenAddressIsInvalidThenSaysWhyAndKeepsTheTypedValue() throws Exception {
		SignedInUser user = newEmployee();

		for (String invalid : List.of("not-an-address", "name@localhost", "a@b@example.org")) {
			mvc.perform(sendCodeRequest(user, invalid))
				.andExpect(status().isOk())
				.andExpect(shows("aria-invalid=\"true\""))
				.andExpect(shows("id=\"email-error\">Enter a valid email address, like name@example.com.</p>"))
				.andExpect(shows("value=\"" + invalid + "\""));
		}
		mvc.perform(sendCodeRequest(user, " "))
			.andExpect(status().isOk())
			.andExpect(shows("id=\"email-error\">Enter your email address.</p>"));
		mvc.perform(sendCodeRequest(user, "a".repeat(250) + "@example.org"))
			.andExpect(status().isOk())
			.andExpect(shows("That email address is too long. Use at most 254 characters."));

		assertThat(challengesOf(user)).isZero();
	}

	@Test
	void sendCodeWhenAddressHasCapitalsThenTheCodeGoesToItInLowerCase() throws Exception {
		SignedInUser user = newEmployee();
		String address = nextAddress();

		sendCode(user, " " + address.toUpperCase(Locale.ROOT) + " ");

		assertThat(email.sentTo(address)).hasSize(1);
	}

	@Test
	void enterCodeWhenWrongThenSaysHowManyTriesAreLeftAndStoresNothing() throws Exception {
		SignedInUser user = newEmployee();
		String address = nextAddress();
		String challengeId = sendCode(user, address);
		String wrong = wrongCode(email.lastCodeTo(address));

		MvcResult posted = mvc.perform(enterCodeRequest(user, challengeId, wrong))
			.andExpect(redirectedUrl("/security-info/email/challenges/" + challengeId))
			.andReturn();
		mvc.perform(redirectFrom(posted).with(signedIn(user)))
			.andExpect(status().isOk())
			.andExpect(shows("That code didn&#39;t work. Check the code and try again. You have 4 more tries."))
			.andExpect(doesNotShow("value=\"" + wrong + "\""))
			.andExpect(shows("We just sent a code to " + address + "."));

		assertThat(methodsOf(user)).isZero();
	}

	@Test
	void enterCodeWhenTheSameFormIsSentTwiceThenStoresTheAddressOnce() throws Exception {
		SignedInUser user = newEmployee();
		String address = nextAddress();
		String challengeId = sendCode(user, address);
		String code = email.lastCodeTo(address);

		mvc.perform(enterCodeRequest(user, challengeId, code))
			.andExpect(redirectedUrl("/security-info/email/challenges/" + challengeId + "/done"));
		mvc.perform(enterCodeRequest(user, challengeId, code))
			.andExpect(redirectedUrl("/security-info/email/challenges/" + challengeId + "/done"));

		assertThat(methodsOf(user)).isEqualTo(1);
		assertThat(auditActions(user)).containsExactly("CODE_SENT", "CODE_VERIFIED", "METHOD_ADDED");
	}

	@Test
	void enterCodeWhenAddedThenAuditLogHasTheMaskedAddressAndNoCode() throws Exception {
		SignedInUser user = newEmployee();
		String address = nextAddress();
		String code = registerEmail(user, address);

		List<String> details = jdbc.queryForList("""
				select coalesce(method_type, method_mode) || ' ' || target from audit_event
				where subject_account_id = ? order by id""", String.class, user.id());

		assertThat(auditActions(user)).containsExactly("CODE_SENT", "CODE_VERIFIED", "METHOD_ADDED");
		assertThat(details).containsExactly("EMAIL e***@example.net", "EMAIL e***@example.net",
				"EMAIL e***@example.net");
		assertThat(details).allSatisfy(detail -> assertThat(detail).doesNotContain(code).doesNotContain(address));
	}

	@Test
	void resendWhenCooldownHasPassedThenMailsANewCodeAndBothWork() throws Exception {
		SignedInUser user = newEmployee();
		String address = nextAddress();
		String challengeId = sendCode(user, address);
		TestBrowser browser = new TestBrowser(mvc);

		browser.perform(post("/security-info/email/challenges/{id}/resend", challengeId).with(csrf())
			.with(signedIn(user)))
			.andExpect(redirectedUrl("/security-info/email/challenges/" + challengeId))
			.andExpect(flash().attribute("resendWait", 30L));
		browser.perform(get("/security-info/email/challenges/{id}", challengeId).with(signedIn(user)))
			.andExpect(shows("<span id=\"resend-wait\" class=\"resend-wait\" role=\"alert\">Wait 30 seconds before asking "
					+ "for a new code.</span>"));
		assertThat(email.sentTo(address)).hasSize(1);
		clock.advance(Duration.ofSeconds(30));
		browser.perform(post("/security-info/email/challenges/{id}/resend", challengeId).with(csrf())
			.with(signedIn(user)))
			.andExpect(flash().attribute("notice", "code.resent"));

		assertThat(email.sentTo(address)).hasSize(2);
		browser.perform(get("/security-info/email/challenges/{id}", challengeId).with(signedIn(user)))
			.andExpect(shows("We sent you a new code. Codes sent earlier still work."));
		mvc.perform(enterCodeRequest(user, challengeId, email.lastCodeTo(address)))
			.andExpect(redirectedUrl("/security-info/email/challenges/" + challengeId + "/done"));
	}

	@Test
	void sendCodeWhenMailServerRefusesThenSaysSoForTheAddressAndStoresNothing() throws Exception {
		SignedInUser user = newEmployee();
		String address = nextAddress();
		email.failNextWith(new EmailDeliveryException("refused", null));

		mvc.perform(sendCodeRequest(user, address))
			.andExpect(status().isOk())
			.andExpect(shows("We couldn&#39;t send a code to this email address. Check the address and try again."))
			.andExpect(shows("value=\"" + address + "\""));

		assertThat(challengesOf(user)).isZero();
		assertThat(email.sentTo(address)).isEmpty();
	}

	@Test
	void sendCodeWhenAddressGotFiveCodesThisHourThenSaysSoForTheAddress() throws Exception {
		SignedInUser user = newEmployee();
		String address = nextAddress();
		for (int i = 0; i < 5; i++) {
			sendCode(user, address);
		}

		mvc.perform(sendCodeRequest(user, address))
			.andExpect(status().isOk())
			.andExpect(shows("Too many codes were sent to this email address in the last hour. Try again later."));

		assertThat(email.sentTo(address)).hasSize(5);
	}

	@Test
	void changeWhenNewAddressIsProvenThenItReplacesTheOldOneOnlyThen() throws Exception {
		SignedInUser user = newEmployee();
		String old = nextAddress();
		registerEmail(user, old);
		long methodId = emailMethodIdOf(user);
		String replacement = nextAddress();

		mvc.perform(get("/security-info/email").with(signedIn(user)))
			.andExpect(status().isOk())
			.andExpect(shows("What email would you like to use?"));
		String challengeId = sendCode(user, replacement);
		assertThat(emailOf(user)).isEqualTo(old);
		mvc.perform(enterCodeRequest(user, challengeId, wrongCode(email.lastCodeTo(replacement))))
			.andExpect(redirectedUrl("/security-info/email/challenges/" + challengeId));
		assertThat(emailOf(user)).isEqualTo(old);

		mvc.perform(enterCodeRequest(user, challengeId, email.lastCodeTo(replacement)))
			.andExpect(redirectedUrl("/security-info/email/challenges/" + challengeId + "/done"));

		assertThat(emailOf(user)).isEqualTo(replacement);
		assertThat(emailMethodIdOf(user)).isEqualTo(methodId);
		assertThat(methodsOf(user)).isEqualTo(1);
		assertThat(jdbc.queryForObject(
				"""
						select method_type || ' ' || target || ' ' || facts from audit_event
						where subject_account_id = ? and action = 'METHOD_CHANGED'""",
				String.class, user.id()))
			.isEqualTo("EMAIL e***@example.net was=e***@example.net");
		mvc.perform(get("/security-info").with(signedIn(user))).andExpect(shows(replacement)).andExpect(doesNotShow(old));
	}

	@Test
	void changeWhenAddressIsTheCurrentOneThenSaysSoAndSendsNothing() throws Exception {
		SignedInUser user = newEmployee();
		String address = nextAddress();
		registerEmail(user, address);

		mvc.perform(sendCodeRequest(user, address))
			.andExpect(status().isOk())
			.andExpect(shows("This is already your email for password reset. Enter another one to change it."));

		assertThat(email.sentTo(address)).hasSize(1);
	}

	@Test
	void deleteWhenConfirmedThenTheEmailIsGoneAndAudited() throws Exception {
		SignedInUser user = newEmployee();
		registerEmail(user, nextAddress());
		long methodId = emailMethodIdOf(user);

		mvc.perform(get("/security-info/methods/{id}/delete", methodId).with(signedIn(user)))
			.andExpect(status().isOk())
			.andExpect(shows("Are you sure you would like to delete the Email method for this account?"))
			.andExpect(doesNotShow("This is your default sign-in method."));
		mvc.perform(post("/security-info/methods/{id}/delete", methodId).with(csrf()).with(signedIn(user)))
			.andExpect(redirectedUrl("/security-info"))
			.andExpect(flash().attribute("notice", "delete.done"));

		assertThat(methodsOf(user)).isZero();
		assertThat(jdbc.queryForObject(
				"select method_type || ' ' || target from audit_event where subject_account_id = ? and action = 'METHOD_DELETED'",
				String.class, user.id()))
			.isEqualTo("EMAIL e***@example.net");
	}

	@Test
	void defaultChoicesWhenPhoneAndEmailRegisteredThenOnlyThePhoneIsOffered() throws Exception {
		SignedInUser user = newEmployee();
		registerEmail(user, nextAddress());
		String number = registerPhone(user);
		long emailId = emailMethodIdOf(user);

		MvcResult defaultPage = mvc.perform(get("/security-info/default").with(signedIn(user)))
			.andExpect(status().isOk())
			.andReturn();

		assertThat(page(defaultPage).querySelectorAll("select[name=choice] option"))
			.extracting(DomNode::asNormalizedText)
			.containsExactly("Phone - text " + number, "Phone - call " + number);
		mvc.perform(post("/security-info/default").param("choice", emailId + ":TEXT")
			.with(csrf())
			.with(signedIn(user)))
			.andExpect(status().isOk())
			.andExpect(shows("This method can&#39;t be your default. Choose one from the list."));
		mvc.perform(get("/security-info").with(signedIn(user)))
			.andExpect(shows("Default sign-in method:</span>"))
			.andExpect(shows(">Phone - text " + number + "</strong>"));
	}

	@Test
	void defaultChoicesWhenOnlyEmailRegisteredThenNoneAndNoDefault() throws Exception {
		SignedInUser user = newEmployee();
		registerEmail(user, nextAddress());

		mvc.perform(get("/security-info/default").with(signedIn(user)))
			.andExpect(status().isOk())
			.andExpect(shows("Add a method you can sign in with first."));
		mvc.perform(get("/security-info").with(signedIn(user))).andExpect(shows(">None yet</strong>"));
	}

	@Test
	void addFormWhenEmailRegisteredThenNoLongerOffersIt() throws Exception {
		SignedInUser user = newEmployee();
		registerEmail(user, nextAddress());

		mvc.perform(get("/security-info/add").with(signedIn(user)))
			.andExpect(status().isOk())
			.andExpect(shows("<option value=\"PHONE\""))
			.andExpect(doesNotShow("<option value=\"EMAIL\""));
	}

	@Test
	void emailWhenPolicyDoesNotAllowItThenHiddenRefusedEvenWhenPostedAndNothingSent() throws Exception {
		SignedInUser admin = newEmployee();
		SignedInUser user = newEmployee();
		SignedInUser registeredBefore = newEmployee();
		registerEmail(registeredBefore, nextAddress());
		long groupId = groups.create(admin.id(), "email-only-for-nobody-" + addresses.incrementAndGet());
		methodPolicy.save(admin.id(),
				List.of(new MethodPolicy.Setting(EmailMethodType.AUTHENTICATION_METHOD, true, false, Set.of(groupId))));
		try {
			String address = nextAddress();

			mvc.perform(get("/security-info/add").with(signedIn(user)))
				.andExpect(doesNotShow("<option value=\"EMAIL\""))
				.andExpect(shows("If you don&#39;t see an option, your organization might not allow it."));
			mvc.perform(get("/security-info/email").with(signedIn(user)))
				.andExpect(redirectedUrl("/security-info/add"))
				.andExpect(flash().attribute("problem", "email.not-allowed"));
			mvc.perform(sendCodeRequest(user, address))
				.andExpect(redirectedUrl("/security-info/add"))
				.andExpect(flash().attribute("problem", "email.not-allowed"));
			mvc.perform(get("/security-info").with(signedIn(registeredBefore)))
				.andExpect(shows("Not allowed by your organization"));

			assertThat(email.sentTo(address)).isEmpty();
			assertThat(challengesOf(user)).isZero();
		}
		finally {
			jdbc.update("delete from method_policy where method = 'EMAIL'");
			jdbc.update("delete from user_group where id = ?", groupId);
		}
	}

	@Test
	void codePagesWhenChallengeIsAPhonesThenNotFoundAndNothingIsStored() throws Exception {
		SignedInUser user = newEmployee();
		TestPhone phone = new TestPhone(nextNumber());
		String phoneChallenge = phoneSteps.sendCode(signedIn(user), "phone", phone, "TEXT");
		String e164 = phone.e164();

		mvc.perform(get("/security-info/email/challenges/{id}", phoneChallenge).with(signedIn(user)))
			.andExpect(status().isNotFound());
		mvc.perform(enterCodeRequest(user, phoneChallenge, sms.lastCodeTo(e164))).andExpect(status().isNotFound());

		assertThat(methodsOf(user)).isZero();
	}

	@Test
	void phoneCodePagesWhenChallengeIsAnEmailsThenNotFoundAndNothingIsStored() throws Exception {
		SignedInUser user = newEmployee();
		String address = nextAddress();
		String challengeId = sendCode(user, address);

		phoneSteps.codePage(signedIn(user), "phone", challengeId).andExpect(status().isNotFound());
		phoneSteps.enterCode(signedIn(user), "phone", challengeId, email.lastCodeTo(address))
			.andExpect(status().isNotFound());
		mvc.perform(get("/security-info/phone").param("challenge", challengeId).with(signedIn(user)))
			.andExpect(status().isOk())
			.andExpect(doesNotShow(address));

		assertThat(methodsOf(user)).isZero();
	}

	@Test
	void addEmailWhenSignInAsksForMoreMethodsThenThePagesAreOpenAndDoneContinuesTheSignIn() throws Exception {
		SignedInUser admin = newEmployee();
		SignedInUser user = newEmployee();
		accounts.requireRegistration(admin.id(), user.id());
		RegistrationRules before = registrationPolicy.current();
		registrationPolicy.save(admin.id(),
				new RegistrationRules(before.requireRegistration(), 2, before.reconfirmDays(), before.skipDays()));
		try {
			String address = nextAddress();
			MvcResult sent = mvc.perform(sendCodeRequest(user, address).sessionAttr(SignInSteps.PENDING_ATTRIBUTE,
					Boolean.TRUE))
				.andExpect(status().is3xxRedirection())
				.andReturn();
			String challengeId = sent.getResponse().getRedirectedUrl().replaceAll(".*/", "");
			mvc.perform(enterCodeRequest(user, challengeId, email.lastCodeTo(address))
				.sessionAttr(SignInSteps.PENDING_ATTRIBUTE, Boolean.TRUE))
				.andExpect(redirectedUrl("/security-info/email/challenges/" + challengeId + "/done"));

			MvcResult done = mvc.perform(get("/security-info/email/challenges/{id}/done", challengeId)
				.sessionAttr(SignInSteps.PENDING_ATTRIBUTE, Boolean.TRUE)
				.with(signedIn(user))).andExpect(status().isOk()).andReturn();

			assertThat(page(done).<HtmlAnchor>querySelector(".actions a").getHrefAttribute())
				.isEqualTo("/security-info/interrupt/continue");
			assertThat(emailOf(user)).isEqualTo(address);
		}
		finally {
			jdbc.update("delete from registration_policy");
		}
	}

	@Test
	void donePageWhenCodeNotYetEnteredThenSendsBackToTheCodePage() throws Exception {
		SignedInUser user = newEmployee();
		String challengeId = sendCode(user, nextAddress());

		mvc.perform(get("/security-info/email/challenges/{id}/done", challengeId).with(signedIn(user)))
			.andExpect(redirectedUrl("/security-info/email/challenges/" + challengeId));
	}

	@Test
	void codePageWhenChallengeIsAnotherUsersThenNotFound() throws Exception {
		String challengeId = sendCode(newEmployee(), nextAddress());

		mvc.perform(get("/security-info/email/challenges/{id}", challengeId).with(signedIn(newEmployee())))
			.andExpect(status().isNotFound());
	}

	@Test
	void sendCodeWhenNoCsrfTokenThenForbiddenAndNothingSent() throws Exception {
		SignedInUser user = newEmployee();
		String address = nextAddress();

		mvc.perform(post("/security-info/email").param("email", address).with(signedIn(user)))
			.andExpect(status().isForbidden());

		assertThat(email.sentTo(address)).isEmpty();
	}

	private static String nextAddress() {
		return "email" + addresses.incrementAndGet() + "-" + System.nanoTime() + "@example.net";
	}

	/** A Dutch mobile number as typed, nobody else's in the test run. */
	private static String nextNumber() {
		return "06123" + "7" + numbers.incrementAndGet();
	}

	private static HtmlPage page(ResultActions actions) {
		return Html.page(actions.andReturn());
	}

	private static HtmlPage page(MvcResult result) {
		return Html.page(result);
	}

	/** The words on the page's buttons and links, as a person reads them. */
	private static List<String> buttonsAndLinks(HtmlPage page) {
		return page.querySelectorAll("button, a").stream().map(DomNode::asNormalizedText).toList();
	}

	private static MockHttpServletRequestBuilder sendCodeRequest(SignedInUser user, String address) {
		return post("/security-info/email").param("email", address).with(csrf()).with(signedIn(user));
	}

	private static MockHttpServletRequestBuilder enterCodeRequest(SignedInUser user, String challengeId, String code) {
		return post("/security-info/email/challenges/{id}", challengeId).param("code", code)
			.with(csrf())
			.with(signedIn(user));
	}

	private String sendCode(SignedInUser user, String address) throws Exception {
		return sendCode(new TestBrowser(mvc), user, address);
	}

	/** Asks for a code as the email page does; answers the challenge id of the code page it leads to. */
	private static String sendCode(TestBrowser browser, SignedInUser user, String address) throws Exception {
		MvcResult sent = browser.perform(sendCodeRequest(user, address))
			.andExpect(status().is3xxRedirection())
			.andReturn();
		String codePage = sent.getResponse().getRedirectedUrl();
		assertThat(codePage).startsWith("/security-info/email/challenges/");
		return codePage.substring(codePage.lastIndexOf('/') + 1);
	}

	/** Adds the address as the pages do; answers the code that proved it. */
	private String registerEmail(SignedInUser user, String address) throws Exception {
		String challengeId = sendCode(user, address);
		String code = email.lastCodeTo(address);
		mvc.perform(enterCodeRequest(user, challengeId, code))
			.andExpect(redirectedUrl("/security-info/email/challenges/" + challengeId + "/done"));
		return code;
	}

	/** Adds a phone by text; answers the number as Security info shows it. */
	private String registerPhone(SignedInUser user) throws Exception {
		TestPhone phone = new TestPhone(nextNumber());
		phoneSteps.register(signedIn(user), "phone", phone, "TEXT");
		return phone.international();
	}

	private String emailOf(SignedInUser user) {
		return jdbc.queryForObject("select detail from security_method where account_id = ? and type = 'EMAIL'",
				String.class, user.id());
	}

	private long emailMethodIdOf(SignedInUser user) {
		return jdbc.queryForObject("select id from security_method where account_id = ? and type = 'EMAIL'",
				Long.class, user.id());
	}

}
