package io.securityinfo.passwordreset;

import static io.securityinfo.Pages.doesNotShow;
import static io.securityinfo.Pages.shows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.ResultActions;

import io.securityinfo.AppTest;
import io.securityinfo.account.SignedInUser;
import io.securityinfo.account.TestAccounts;
import io.securityinfo.phone.TestPhoneNumbers;
import io.securityinfo.policy.RegistrationRules;
import io.securityinfo.policy.TestPolicies;
import io.securityinfo.securityinfo.MethodType;
import io.securityinfo.securityinfo.ResetMethods;
import io.securityinfo.sms.CapturingSmsGateway.Kind;
import io.securityinfo.securityinfo.phone.PhoneModes;

/**
 * "Call my office phone" and "Call my alternate phone": the same no-enumeration flow as the mobile phone's, with a
 * call to the number the person types in full, sent only when it is their registered number of that type.
 */
@AppTest
class PasswordResetByOtherPhoneTests extends PasswordResetFixture {

	/**
	 * Utrecht landlines +31 30 52x xxxx for the registered numbers and +31 30 53x xxxx for the numbers that are no
	 * one's, of this class only: the per-number sending limits never meet another test's.
	 */
	private static final AtomicInteger nextLandline = new AtomicInteger(ThreadLocalRandom.current().nextInt(50_000));

	@Autowired
	List<MethodType> methodTypes;

	@Autowired
	ResetMethods resetMethods;

	@Test
	void resetWhenTheOfficePhoneIsCalledThenItsCodeLetsThePersonChooseANewPassword() throws Exception {
		SignedInUser person = newEmployee();
		String office = nextLandline();
		securityInfo.register(person.id(), "OFFICE_PHONE", office + ";ext=12", PhoneModes.CALL);
		ResetBrowser browser = new ResetBrowser(mvc);
		browser.startFor(person.email()).andExpect(redirectedUrl("/password-reset/verify"));
		int sentBefore = sms.sent().size();

		browser.get("/password-reset/verify")
			.andExpect(shows("<a href=\"/password-reset/verify/office-phone\">Call my office phone</a>"));
		browser.get("/password-reset/verify/office-phone")
			.andExpect(shows("enter your complete office phone number"))
			.andExpect(shows("<label for=\"destination\">Office phone number</label>"))
			.andExpect(doesNotShow(office.substring(office.length() - 2) + "<"));
		browser.sendCode("office-phone", "+31 30 " + office.substring(5))
			.andExpect(redirectedUrl("/password-reset/verify/office-phone/code"));
		browser.get("/password-reset/verify/office-phone/code")
			.andExpect(shows("If +31 3 •••• ••" + office.substring(office.length() - 2)
					+ " is the office phone number of your account, we&#39;re calling it now"));
		// One call, to the number alone: the extension is not dialled.
		assertThat(sms.sent().subList(sentBefore, sms.sent().size())).singleElement().satisfies(sent -> {
			assertThat(sent.kind()).isEqualTo(Kind.CALL);
			assertThat(sent.to()).isEqualTo(office);
		});
		browser.enterCode("office-phone", sms.lastCodeTo(office))
			.andExpect(redirectedUrl("/password-reset/new-password"));
		browser.choosePassword(NEW_PASSWORD, NEW_PASSWORD).andExpect(redirectedUrl("/password-reset/done"));

		signIn(person, TestAccounts.PASSWORD)
			.andExpect(unauthenticated());
		signIn(person, NEW_PASSWORD)
			.andExpect(authenticated());
		assertThat(audited(person.id())).containsSubsequence("CODE_SENT CALL", "CODE_VERIFIED CALL",
				"PASSWORD_RESET_METHOD_VERIFIED OFFICE_PHONE CALL", "PASSWORD_RESET proven=OFFICE_PHONE");
	}

	@Test
	void sendCodeWhenTheNumberIsNotThePersonsOfficePhoneThenNothingIsSentAndThePageReadsTheSame() throws Exception {
		SignedInUser person = newEmployee();
		String office = nextLandline();
		// Another number with the same last two digits, so that even the masked number reads the same.
		String other = office.substring(0, 6) + "3" + office.substring(7);
		String mobile = TestPhoneNumbers.nextDutchMobile();
		securityInfo.register(person.id(), "OFFICE_PHONE", office, PhoneModes.CALL);
		securityInfo.register(person.id(), "PHONE", mobile, PhoneModes.TEXT);

		ResetBrowser right = resetFor(person);
		List<String> rightPages = codePages(right, office);
		ResetBrowser wrong = resetFor(person);
		int sentBefore = sms.sent().size();
		List<String> wrongPages = codePages(wrong, other);
		// The mobile phone is the person's, but not their office phone: no call either.
		ResetBrowser mobileTyped = resetFor(person);
		mobileTyped.sendCode("office-phone", mobile)
			.andExpect(redirectedUrl("/password-reset/verify/office-phone/code"));

		assertThat(sms.sent()).hasSize(sentBefore);
		assertThat(wrongPages).isEqualTo(rightPages);
		assertThat(wrongPages.get(1)).contains("is the office phone number of your account");
		wrong.follow(wrong.enterCode("office-phone", sms.lastCodeTo(office)))
			.andExpect(status().isOk())
			.andExpect(shows("That code didn&#39;t work."));
		mobileTyped.follow(mobileTyped.enterCode("office-phone", sms.lastCodeTo(office)))
			.andExpect(status().isOk())
			.andExpect(shows("That code didn&#39;t work."));
	}

	@Test
	void resetWhenTheAlternatePhoneIsCalledThenItsCodeLetsThePersonChooseANewPassword() throws Exception {
		SignedInUser person = newEmployee();
		String alternate = nextLandline();
		securityInfo.register(person.id(), "ALTERNATE_PHONE", alternate, PhoneModes.CALL);
		ResetBrowser browser = resetFor(person);

		browser.get("/password-reset/verify")
			.andExpect(shows("<a href=\"/password-reset/verify/alternate-phone\">Call my alternate phone</a>"));
		browser.get("/password-reset/verify/alternate-phone")
			.andExpect(shows("enter your complete alternate phone number"));
		browser.sendCode("alternate-phone", alternate)
			.andExpect(redirectedUrl("/password-reset/verify/alternate-phone/code"));
		browser.get("/password-reset/verify/alternate-phone/code")
			.andExpect(shows("is the alternate phone number of your account, we&#39;re calling it now"));
		assertThat(sms.sent().get(sms.sent().size() - 1).kind()).isEqualTo(Kind.CALL);
		browser.enterCode("alternate-phone", sms.lastCodeTo(alternate))
			.andExpect(redirectedUrl("/password-reset/new-password"));
		browser.choosePassword(NEW_PASSWORD, NEW_PASSWORD).andExpect(redirectedUrl("/password-reset/done"));

		signIn(person, NEW_PASSWORD)
			.andExpect(authenticated());
		assertThat(audited(person.id())).contains("PASSWORD_RESET_METHOD_VERIFIED ALTERNATE_PHONE CALL",
				"PASSWORD_RESET proven=ALTERNATE_PHONE");
	}

	@Test
	void resetWhenTwoMethodsAreRequiredThenTheMobileAndTheOfficePhoneAreTwo() throws Exception {
		registrationPolicy.save(admin.id(), new RegistrationRules(false, 2, 0, 14));
		SignedInUser person = newEmployee();
		String mobile = TestPhoneNumbers.nextDutchMobile();
		String office = nextLandline();
		securityInfo.register(person.id(), "PHONE", mobile, PhoneModes.TEXT);
		securityInfo.register(person.id(), "OFFICE_PHONE", office, PhoneModes.CALL);
		ResetBrowser browser = resetFor(person);

		proveByText(browser, mobile).andExpect(redirectedUrl("/password-reset/verify"));
		browser.get("/password-reset/verify")
			.andExpect(shows("Verification step 2 of 2"))
			.andExpect(doesNotShow("Call my mobile phone"))
			.andExpect(shows("Call my office phone"))
			.andExpect(shows("Call my alternate phone"));
		browser.sendCode("office-phone", office);
		browser.enterCode("office-phone", sms.lastCodeTo(office))
			.andExpect(redirectedUrl("/password-reset/new-password"));
		browser.choosePassword(NEW_PASSWORD, NEW_PASSWORD).andExpect(redirectedUrl("/password-reset/done"));

		assertThat(audited(person.id())).contains("PASSWORD_RESET proven=PHONE,OFFICE_PHONE");
	}

	@Test
	void verifyWhenThePolicyTurnsCallsOffThenNeitherTheOfficeNorTheAlternatePhoneIsOfferedNorCalled()
			throws Exception {
		SignedInUser person = newEmployee();
		String office = nextLandline();
		securityInfo.register(person.id(), "OFFICE_PHONE", office, PhoneModes.CALL);
		methodPolicy.save(admin.id(), List.of(TestPolicies.off(PhoneModes.VOICE)));
		ResetBrowser browser = resetFor(person);
		int sentBefore = sms.sent().size();

		browser.get("/password-reset/verify")
			.andExpect(shows("Text my mobile phone"))
			.andExpect(doesNotShow("Call my office phone"))
			.andExpect(doesNotShow("Call my alternate phone"))
			.andExpect(doesNotShow("Call my mobile phone"));
		browser.get("/password-reset/verify/office-phone").andExpect(status().isNotFound());
		browser.get("/password-reset/verify/alternate-phone").andExpect(status().isNotFound());
		browser.sendCode("office-phone", office).andExpect(status().isNotFound());

		assertThat(sms.sent()).hasSize(sentBefore);
	}

	@Test
	void sendCodeWhenCallsAreOnOnlyForAGroupThePersonIsNotInThenTheOfficePhoneIsNotCalled() throws Exception {
		SignedInUser person = newEmployee();
		String office = nextLandline();
		securityInfo.register(person.id(), "OFFICE_PHONE", office, PhoneModes.CALL);
		ResetBrowser browser = resetFor(person);
		int sentBefore = sms.sent().size();

		TestPolicies.withMethodOffForEveryone(methodPolicy, groups, admin.id(), PhoneModes.VOICE,
				() -> browser.sendCode("office-phone", office)
					.andExpect(redirectedUrl("/password-reset/verify/office-phone/code")));

		assertThat(sms.sent()).hasSize(sentBefore);
	}

	/**
	 * Security info labels every method "Sign-in and password reset" or "Password reset only": each type must then
	 * have a way to reset with it.
	 */
	@Test
	void everyMethodTypeWhenSecurityInfoSaysItResetsAPasswordThenAResetOptionUsesIt() {
		List<MethodType> resetting = methodTypes.stream().filter(type -> !type.resetWays().isEmpty()).toList();
		// Passkeys, recovery codes and the Temporary Access Pass sign in only.
		assertThat(resetting).extracting(MethodType::id)
			.containsExactlyInAnyOrder("AUTHENTICATOR_APP", "PHONE", "ALTERNATE_PHONE", "OFFICE_PHONE", "EMAIL",
					"SECURITY_QUESTIONS");
		assertThat(resetting).allSatisfy(type -> assertThat(resetMethods.ways().stream().map(ResetOption::new))
			.as("a reset option for %s", type.id())
			.anySatisfy(option -> assertThat(option.typeId()).isEqualTo(type.id())));
	}

	/** The number page after the number was typed, and the code page, with the CSRF token left out. */
	private static List<String> codePages(ResetBrowser browser, String typed) throws Exception {
		return List.of(body(browser.sendCode("office-phone", typed)),
				body(browser.get("/password-reset/verify/office-phone/code")));
	}

	private static String body(ResultActions result) throws Exception {
		var response = result.andReturn().getResponse();
		return response.getStatus() + " " + response.getRedirectedUrl() + " "
				+ response.getContentAsString(StandardCharsets.UTF_8)
					.replaceAll("name=\"_csrf\" value=\"[^\"]*\"", "name=\"_csrf\" value=\"…\"");
	}

	/** Registers a new landline of this class as the person's phone of this type, proven by a call; answers it. */
	private String registerLandline(SignedInUser person, String type) {
		String landline = nextLandline();
		securityInfo.register(person.id(), type, landline, PhoneModes.CALL);
		return landline;
	}

	private static String nextLandline() {
		return "+313052%05d".formatted(nextLandline.getAndIncrement() % 50_000);
	}

}
