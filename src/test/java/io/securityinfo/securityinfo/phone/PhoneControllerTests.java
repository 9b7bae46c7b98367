package io.securityinfo.securityinfo.phone;

import static io.securityinfo.Pages.checkedRadio;
import static io.securityinfo.Pages.doesNotShow;
import static io.securityinfo.Pages.redirectFrom;
import static io.securityinfo.Pages.shows;
import static io.securityinfo.Pages.signedIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.htmlunit.html.DomElement;
import org.htmlunit.html.DomNode;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.RequestBuilder;

import io.securityinfo.AppFixture;
import io.securityinfo.AppTest;
import io.securityinfo.Html;
import io.securityinfo.TestBrowser;
import io.securityinfo.account.SignedInUser;
import io.securityinfo.account.TestAccounts;
import io.securityinfo.phone.TestPhone;
import io.securityinfo.securityinfo.SecurityInfo;
import io.securityinfo.sms.CapturingSmsGateway;
import io.securityinfo.sms.CapturingSmsGateway.Kind;
import io.securityinfo.sms.SmsDeliveryException;

/** "Phone": the number, the code that proves it, resending it, and the confirmation. */
@AppTest
class PhoneControllerTests extends AppFixture {

	/** Numbers 06 1234 2xxx belong to this class, so that per-number sending limits never meet another test's. */
	private static final AtomicInteger nextNumber = new AtomicInteger(2000);

	@Autowired
	PhoneSteps steps;

	@Autowired
	SecurityInfo securityInfo;

	@Test
	void phoneFormWhenBrowserIsDutchThenPreselectsTheNetherlandsOnADutchPage() throws Exception {
		SignedInUser user = newEmployee();

		mvc.perform(get("/security-info/phone").header(HttpHeaders.ACCEPT_LANGUAGE, "nl-NL").with(signedIn(user)))
			.andExpect(status().isOk())
			.andExpect(shows("<html lang=\"nl\">"))
			.andExpect(shows("Welk telefoonnummer wil je gebruiken?"))
			.andExpect(shows("<option value=\"NL\" selected=\"selected\">Nederland (+31)</option>"))
			.andExpect(doesNotShow("<option value=\"US\" selected=\"selected\">"));
	}

	@Test
	void phoneFormWhenTextsAreOfferedThenWarnsOfTheirRiskAndPointsToTheAuthenticatorApp() throws Exception {
		SignedInUser user = newEmployee();

		mvc.perform(get("/security-info/phone").with(signedIn(user)))
			.andExpect(status().isOk())
			.andExpect(shows("Text messages are the easiest method to attack: someone who takes over your number "
					+ "(a SIM swap or number porting) receives your codes."))
			.andExpect(shows("<a href=\"/security-info/authenticator-app\">An authenticator app is safer.</a>"));
		mvc.perform(get("/security-info/alternate-phone").with(signedIn(user)))
			.andExpect(status().isOk())
			.andExpect(doesNotShow("SIM swap"));
	}

	@Test
	void phoneFormWhenBrowserIsBritishThenPreselectsTheUnitedKingdom() throws Exception {
		SignedInUser user = newEmployee();

		mvc.perform(get("/security-info/phone").header(HttpHeaders.ACCEPT_LANGUAGE, "en-GB").with(signedIn(user)))
			.andExpect(status().isOk())
			.andExpect(shows("<option value=\"GB\" selected=\"selected\">United Kingdom (+44)</option>"))
			.andExpect(doesNotShow("<option value=\"NL\" selected=\"selected\">"));
	}

	@Test
	void phoneFormWhenBrowserNamesNoCountryThenPreselectsTheUnitedStatesAndText() throws Exception {
		SignedInUser user = newEmployee();

		mvc.perform(get("/security-info/phone").header(HttpHeaders.ACCEPT_LANGUAGE, "en").with(signedIn(user)))
			.andExpect(status().isOk())
			.andExpect(shows("<option value=\"US\" selected=\"selected\">United States (+1)</option>"))
			.andExpect(content().string(checkedRadio("TEXT")))
			.andExpect(shows("Text me a code"))
			.andExpect(shows("Call me"))
			.andExpect(shows("Message and data rates may apply."));
	}

	@Test
	void phoneFormWhenThePersonHasANumberThenPreselectsItsCountryOverTheBrowsers() throws Exception {
		SignedInUser user = newEmployee();
		securityInfo.register(user.id(), "OFFICE_PHONE", "+3222345678", PhoneModes.CALL);

		mvc.perform(get("/security-info/phone").header(HttpHeaders.ACCEPT_LANGUAGE, "en-US").with(signedIn(user)))
			.andExpect(status().isOk())
			.andExpect(shows("<option value=\"BE\" selected=\"selected\">Belgium (+32)</option>"))
			.andExpect(doesNotShow("<option value=\"US\" selected=\"selected\">"));
	}

	@Test
	void sendCodeWhenNumberIsInvalidThenKeepsTheTypedValueAndSaysWhyBesideTheField() throws Exception {
		SignedInUser user = newEmployee();

		mvc.perform(sendCodeRequest(user, "NL", "123", "TEXT"))
			.andExpect(status().isOk())
			.andExpect(shows("value=\"123\""))
			.andExpect(shows("<option value=\"NL\" selected=\"selected\">"))
			.andExpect(shows("aria-invalid=\"true\""))
			.andExpect(shows("id=\"number-error\">This isn&#39;t a valid phone number for the country or region you "
					+ "chose. Check the number and try again.</p>"));

		assertThat(challengesOf(user)).isZero();
	}

	@Test
	void sendCodeWhenNumberIsBlankThenAsksForIt() throws Exception {
		SignedInUser user = newEmployee();

		mvc.perform(sendCodeRequest(user, "NL", "  ", "TEXT"))
			.andExpect(status().isOk())
			.andExpect(shows("id=\"number-error\">Enter your phone number.</p>"));

		assertThat(challengesOf(user)).isZero();
	}

	@Test
	void sendCodeWhenRegionIsUnknownThenAsksForOneFromTheList() throws Exception {
		SignedInUser user = newEmployee();

		mvc.perform(sendCodeRequest(user, "XX", "0612345678", "TEXT"))
			.andExpect(status().isOk())
			.andExpect(shows("<p class=\"field-error\">Choose a country or region from the list.</p>"))
			.andExpect(shows("value=\"0612345678\""));

		assertThat(challengesOf(user)).isZero();
	}

	@Test
	void sendCodeWhenCallChosenThenCallsAndTheCodePageSaysSo() throws Exception {
		SignedInUser user = newEmployee();
		TestPhone phone = nextPhone();

		String challengeId = sendCode(user, phone, "CALL");

		CapturingSmsGateway.Sent last = sms.sent().get(sms.sent().size() - 1);
		assertThat(last.kind()).isEqualTo(Kind.CALL);
		assertThat(last.to()).isEqualTo(phone.e164());
		steps.codePage(signedIn(user), "phone", challengeId)
			.andExpect(status().isOk())
			.andExpect(shows("We&#39;re calling " + phone.international() + " now."))
			.andExpect(doesNotShow("We just sent a 6 digit code"));
	}

	@Test
	void sendCodeWhenTextChosenThenTextsAndTheCodePageSaysSo() throws Exception {
		SignedInUser user = newEmployee();
		TestPhone phone = nextPhone();

		String challengeId = sendCode(user, phone, "TEXT");

		CapturingSmsGateway.Sent last = sms.sent().get(sms.sent().size() - 1);
		assertThat(last.kind()).isEqualTo(Kind.TEXT);
		assertThat(last.to()).isEqualTo(phone.e164());
		steps.codePage(signedIn(user), "phone", challengeId)
			.andExpect(status().isOk())
			.andExpect(shows("We just sent a 6 digit code to " + phone.international() + ". Enter the code below."))
			.andExpect(shows("autocomplete=\"one-time-code\""));
	}

	@Test
	void enterCodeWhenWrongThenRedirectsToTheCodePageWhichSaysHowManyTriesAreLeftWithAnEmptyField() throws Exception {
		SignedInUser user = newEmployee();
		TestPhone phone = nextPhone();
		String challengeId = sendCode(user, phone, "TEXT");
		String wrong = wrongCode(sms.lastCodeTo(phone.e164()));

		MvcResult posted = mvc.perform(enterCodeRequest(user, challengeId, wrong))
			.andExpect(redirectedUrl("/security-info/phone/challenges/" + challengeId))
			.andReturn();
		mvc.perform(redirectFrom(posted).with(signedIn(user)))
			.andExpect(status().isOk())
			.andExpect(shows("That code didn&#39;t work. Check the code and try again. You have 4 more tries."))
			.andExpect(doesNotShow("value=\"" + wrong + "\""));

		assertThat(wrongAttemptsOf(challengeId)).isEqualTo(1);
		assertThat(methodsOf(user)).isZero();
	}

	@Test
	void enterCodeWhenWrongAndThePageIsReloadedThenNothingIsSentAgainAndNoTryIsUsedUp() throws Exception {
		SignedInUser user = newEmployee();
		TestPhone phone = nextPhone();
		String challengeId = sendCode(user, phone, "TEXT");
		String rightCode = sms.lastCodeTo(phone.e164());
		MvcResult posted = mvc.perform(enterCodeRequest(user, challengeId, wrongCode(rightCode))).andReturn();
		mvc.perform(redirectFrom(posted).with(signedIn(user))).andExpect(status().isOk());

		// A reload repeats the GET the redirect led to: no form is sent again, and the flash is spent.
		mvc.perform(get("/security-info/phone/challenges/{id}", challengeId).with(signedIn(user)))
			.andExpect(status().isOk())
			.andExpect(doesNotShow("That code didn&#39;t work"));

		assertThat(wrongAttemptsOf(challengeId)).isEqualTo(1);
		mvc.perform(enterCodeRequest(user, challengeId, rightCode))
			.andExpect(redirectedUrl("/security-info/phone/challenges/" + challengeId + "/done"));
	}

	@Test
	void enterCodeWhenNotSixDigitsThenSaysSoAndCountsNoAttempt() throws Exception {
		SignedInUser user = newEmployee();
		String challengeId = sendCode(user, nextPhone(), "TEXT");

		MvcResult posted = mvc.perform(enterCodeRequest(user, challengeId, "12ab56"))
			.andExpect(redirectedUrl("/security-info/phone/challenges/" + challengeId))
			.andReturn();
		mvc.perform(redirectFrom(posted).with(signedIn(user)))
			.andExpect(status().isOk())
			.andExpect(shows("id=\"code-error\">The code is 6 digits.</p>"))
			.andExpect(doesNotShow("value=\"12ab56\""));

		assertThat(wrongAttemptsOf(challengeId)).isZero();
		assertThat(jdbc.queryForObject("select count(*) from audit_event where subject_account_id = ? and action = ?",
				Long.class, user.id(), "CODE_FAILED"))
			.isZero();
	}

	@Test
	void enterCodeWhenEmptyThenShowsOneErrorOnly() throws Exception {
		SignedInUser user = newEmployee();
		String challengeId = sendCode(user, nextPhone(), "TEXT");

		MvcResult posted = mvc.perform(enterCodeRequest(user, challengeId, "")).andReturn();
		String page = mvc.perform(redirectFrom(posted).with(signedIn(user)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(page).contains("id=\"code-error\">Enter the code we sent you.</p>")
			.doesNotContain("The code is 6 digits.");
	}

	@Test
	void enterCodeWhenRightThenRegistersThePhoneAndConfirms() throws Exception {
		SignedInUser user = newEmployee();
		TestPhone phone = nextPhone();
		String challengeId = sendCode(user, phone, "TEXT");

		steps.enterTheCode(signedIn(user), "phone", challengeId, phone);

		steps.donePage(signedIn(user), "phone", challengeId)
			.andExpect(status().isOk())
			.andExpect(shows("SMS verified. Your phone was registered successfully."));
		assertThat(jdbc.queryForObject(
				"select default_mode from security_method where account_id = ? and type = 'PHONE' and detail = ?",
				String.class, user.id(), phone.e164()))
			.isEqualTo("TEXT");
	}

	@Test
	void enterCodeWhenCallBroughtItThenConfirmsTheCallAndMakesCallTheDefault() throws Exception {
		SignedInUser user = newEmployee();
		TestPhone phone = nextPhone();
		String challengeId = sendCode(user, phone, "CALL");

		steps.enterTheCode(signedIn(user), "phone", challengeId, phone);

		steps.donePage(signedIn(user), "phone", challengeId)
			.andExpect(shows("Call answered. Your phone was registered successfully."));
		assertThat(jdbc.queryForObject("select default_mode from security_method where account_id = ?", String.class,
				user.id()))
			.isEqualTo("CALL");
	}

	@Test
	void donePageWhenCodeNotYetEnteredThenSendsBackToTheCodePage() throws Exception {
		SignedInUser user = newEmployee();
		String challengeId = sendCode(user, nextPhone(), "TEXT");

		steps.donePage(signedIn(user), "phone", challengeId)
			.andExpect(redirectedUrl("/security-info/phone/challenges/" + challengeId));
	}

	@Test
	void resendWhenCooldownHasNotPassedThenTheCodePageSaysHowLongToWaitAndNothingIsSent() throws Exception {
		SignedInUser user = newEmployee();
		TestPhone phone = nextPhone();
		String challengeId = sendCode(user, phone, "TEXT");
		int sentBefore = sms.sent().size();
		TestBrowser browser = new TestBrowser(mvc);

		browser.perform(PhoneSteps.resendForm("phone", challengeId).with(signedIn(user)))
			.andExpect(redirectedUrl("/security-info/phone/challenges/" + challengeId))
			.andExpect(flash().attribute("resendWait", 30L))
			.andExpect(flash().attributeCount(1));

		assertThat(sms.sent()).hasSize(sentBefore);
		HtmlPage page = Html.page(browser.perform(get("/security-info/phone/challenges/{id}", challengeId)
			.with(signedIn(user))).andExpect(status().isOk()).andReturn());
		// Inside the card, beside the button, which looks disabled while the wait lasts; nothing above the card.
		DomNode wait = page.querySelector("section.card form .resend #resend-wait");
		assertThat(wait.asNormalizedText()).isEqualTo("Wait 30 seconds before asking for a new code.");
		DomElement resend = (DomElement) page.querySelector("section.card .resend button[form=resend]");
		assertThat(resend.getAttribute("aria-disabled")).isEqualTo("true");
		assertThat(resend.getAttribute("aria-describedby")).isEqualTo("resend-wait");
		assertThat(page.querySelectorAll("main > .problem")).isEmpty();

		HtmlPage later = Html.page(browser.perform(get("/security-info/phone/challenges/{id}", challengeId)
			.with(signedIn(user))).andReturn());
		assertThat(((DomElement) later.querySelector(".resend button")).hasAttribute("aria-disabled")).isFalse();
		assertThat((Object) later.querySelector("#resend-wait")).isNull();
	}

	@Test
	void resendWhenCooldownHasPassedThenSendsANewCodeAndEarlierCodesStillWork() throws Exception {
		SignedInUser user = newEmployee();
		TestPhone phone = nextPhone();
		String challengeId = sendCode(user, phone, "TEXT");
		String firstCode = sms.lastCodeTo(phone.e164());
		int sentBefore = sms.sent().size();
		clock.advance(Duration.ofSeconds(30));
		TestBrowser browser = new TestBrowser(mvc);

		browser.perform(PhoneSteps.resendForm("phone", challengeId).with(signedIn(user)))
			.andExpect(redirectedUrl("/security-info/phone/challenges/" + challengeId))
			.andExpect(flash().attribute("notice", "code.resent"));

		assertThat(sms.sent()).hasSize(sentBefore + 1);
		assertThat(sms.sent().get(sentBefore).to()).isEqualTo(phone.e164());
		browser.perform(get("/security-info/phone/challenges/{id}", challengeId).with(signedIn(user)))
			.andExpect(status().isOk())
			.andExpect(shows("We sent you a new code. Codes sent earlier still work."));
		steps.enterCode(signedIn(user), "phone", challengeId, firstCode)
			.andExpect(redirectedUrl("/security-info/phone/challenges/" + challengeId + "/done"));
	}

	@Test
	void changeNumberWhenComingBackFromTheCodePageThenPrefillsTheNumberAndMode() throws Exception {
		SignedInUser user = newEmployee();
		TestPhone phone = nextPhone();
		String challengeId = sendCode(user, phone, "CALL");

		steps.codePage(signedIn(user), "phone", challengeId)
			.andExpect(shows("Wrong number?"))
			.andExpect(shows("href=\"/security-info/phone?challenge=" + challengeId + "\">Change it</a>"));

		mvc.perform(get("/security-info/phone").param("challenge", challengeId)
			.header(HttpHeaders.ACCEPT_LANGUAGE, "en-GB")
			.with(signedIn(user)))
			.andExpect(status().isOk())
			.andExpect(shows("<option value=\"NL\" selected=\"selected\">Netherlands (+31)</option>"))
			.andExpect(shows("value=\"" + phone.nationalFormatted() + "\""))
			.andExpect(content().string(checkedRadio("CALL")));
	}

	@Test
	void changeNumberWhenChallengeIsAnotherUsersThenShowsAnEmptyForm() throws Exception {
		SignedInUser owner = newEmployee();
		TestPhone phone = nextPhone();
		String challengeId = sendCode(owner, phone, "TEXT");
		SignedInUser user = newEmployee();

		mvc.perform(get("/security-info/phone").param("challenge", challengeId)
			.header(HttpHeaders.ACCEPT_LANGUAGE, "en-GB")
			.with(signedIn(user)))
			.andExpect(status().isOk())
			.andExpect(shows("<option value=\"GB\" selected=\"selected\">"))
			.andExpect(doesNotShow(phone.nationalFormatted()));
	}

	@Test
	void codePageWhenChallengeIsAnotherUsersThenNotFoundAndNothingChanges() throws Exception {
		SignedInUser owner = newEmployee();
		TestPhone phone = nextPhone();
		String challengeId = sendCode(owner, phone, "TEXT");
		int sentBefore = sms.sent().size();
		SignedInUser user = newEmployee();

		steps.codePage(signedIn(user), "phone", challengeId)
			.andExpect(status().isNotFound());
		mvc.perform(enterCodeRequest(user, challengeId, sms.lastCodeTo(phone.e164())))
			.andExpect(status().isNotFound());
		steps.donePage(signedIn(user), "phone", challengeId)
			.andExpect(status().isNotFound());
		clock.advance(Duration.ofSeconds(30));
		mvc.perform(PhoneSteps.resendForm("phone", challengeId).with(signedIn(user)))
			.andExpect(status().isNotFound());

		assertThat(sms.sent()).hasSize(sentBefore);
		assertThat(methodsOf(user)).isZero();
		assertThat(methodsOf(owner)).isZero();
		assertThat(jdbc.queryForObject("select status from verification_challenge where id = ?", String.class,
				challengeId))
			.isEqualTo("OPEN");
	}

	@Test
	void codePageWhenChallengeDoesNotExistThenNotFound() throws Exception {
		SignedInUser user = newEmployee();

		mvc.perform(get("/security-info/phone/challenges/{id}", "no-such-challenge").with(signedIn(user)))
			.andExpect(status().isNotFound());
	}

	@Test
	void sendCodeWhenGatewayRefusesThenSaysSoAndStoresNoChallenge() throws Exception {
		SignedInUser user = newEmployee();
		TestPhone phone = nextPhone();
		sms.failNextWith(new SmsDeliveryException("x", "21211", null));

		mvc.perform(sendCodeRequest(user, "NL", phone.national(), "TEXT"))
			.andExpect(status().isOk())
			.andExpect(shows("We couldn&#39;t send a code to this number. Check the number and try again."))
			.andExpect(shows("value=\"" + phone.national() + "\""));

		assertThat(challengesOf(user)).isZero();
		assertThat(jdbc.queryForObject("select count(*) from verification_code where account_id = ?", Long.class,
				user.id()))
			.isZero();
		assertThat(sms.sent()).noneMatch(sent -> sent.to().equals(phone.e164()));
	}

	@Test
	void sendCodeWhenAPhoneIsAlreadyRegisteredThenSaysSoAndSendsNothing() throws Exception {
		SignedInUser user = newEmployee();
		TestPhone first = nextPhone();
		steps.register(signedIn(user), "phone", first, "TEXT");
		TestPhone second = nextPhone();

		mvc.perform(sendCodeRequest(user, "NL", second.national(), "TEXT"))
			.andExpect(status().isOk())
			.andExpect(shows("You have already added a phone. Delete it first if you want to use another number."));

		assertThat(sms.sent()).noneMatch(sent -> sent.to().equals(second.e164()));
		assertThat(challengesOf(user)).isEqualTo(1);
		assertThat(methodsOf(user)).isEqualTo(1);
	}

	@Test
	void changeWhenTheNewNumbersTextCodeIsEnteredThenItReplacesTheOldNumberAndStaysTheDefault() throws Exception {
		SignedInUser user = newEmployee();
		TestPhone old = nextPhone();
		steps.register(signedIn(user), "phone", old, "TEXT");
		TestPhone replacement = nextPhone();

		String challengeId = steps.sendCode(signedIn(user),
				PhoneSteps.changeForm("phone", replacement, "TEXT", null));
		steps.enterTheCode(signedIn(user), "phone", challengeId, replacement);

		steps.donePage(signedIn(user), "phone", challengeId)
			.andExpect(shows("SMS verified. Your phone number was changed."));
		assertThat(jdbc.queryForList("select detail || ' ' || default_mode from security_method where account_id = ?",
				String.class, user.id()))
			.containsExactly(replacement.e164() + " TEXT");
	}

	/** A Dutch mobile number nobody else in the test run uses. */
	private static TestPhone nextPhone() {
		return new TestPhone("061234" + nextNumber.incrementAndGet());
	}

	private static RequestBuilder sendCodeRequest(SignedInUser user, String region, String number, String mode) {
		return PhoneSteps.numberForm("phone", region, number, mode).with(signedIn(user));
	}

	private static RequestBuilder enterCodeRequest(SignedInUser user, String challengeId, String code) {
		return PhoneSteps.codeForm("phone", challengeId, code).with(signedIn(user));
	}

	/** Asks for a code as the phone page does; answers the challenge id of the code page it leads to. */
	private String sendCode(SignedInUser user, TestPhone phone, String mode) throws Exception {
		return steps.sendCode(signedIn(user), "phone", phone, mode);
	}

	private int wrongAttemptsOf(String challengeId) {
		return jdbc.queryForObject("select wrong_attempts from verification_challenge where id = ?", Integer.class,
				challengeId);
	}

}
