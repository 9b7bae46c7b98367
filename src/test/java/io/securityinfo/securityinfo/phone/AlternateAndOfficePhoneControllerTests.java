package io.securityinfo.securityinfo.phone;

import static io.securityinfo.Pages.checkedRadio;
import static io.securityinfo.Pages.doesNotShow;
import static io.securityinfo.Pages.rowOf;
import static io.securityinfo.Pages.shows;
import static io.securityinfo.Pages.signedIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.securityinfo.AppFixture;
import io.securityinfo.AppTest;
import io.securityinfo.TestBrowser;
import io.securityinfo.account.SignedInUser;
import io.securityinfo.phone.PhoneNumbers;
import io.securityinfo.groups.Groups;
import io.securityinfo.phone.TestPhone;
import io.securityinfo.policy.MethodPolicy;
import io.securityinfo.policy.QuestionPolicy;
import io.securityinfo.policy.TestPolicies;
import io.securityinfo.securityinfo.questions.SecurityAnswers;
import io.securityinfo.sms.CapturingSmsGateway;
import io.securityinfo.sms.CapturingSmsGateway.Kind;

/**
 * "Alternate phone" and "Office phone": the phone's flow with calls only, the office phone's extension, one number
 * for one phone type, Change, and where the default goes when a phone is deleted.
 */
@AppTest
class AlternateAndOfficePhoneControllerTests extends AppFixture {

	/**
	 * Numbers of this class: mobiles 06 1235 3xxx, Rotterdam landlines 010 520 xxxx and Amsterdam landlines 020 510
	 * xxxx, so that per-number sending limits never meet another test's.
	 */
	private static final AtomicInteger nextNumber = new AtomicInteger(3000);

	@Autowired
	PhoneSteps steps;

	@Autowired
	MethodPolicy methodPolicy;

	@Autowired
	Groups groups;

	@Autowired
	SecurityAnswers securityAnswers;

	@Autowired
	QuestionPolicy questionPolicy;

	@Test
	void alternatePhoneFormOffersOnlyACallAndNoExtension() throws Exception {
		SignedInUser user = newEmployee();

		mvc.perform(get("/security-info/alternate-phone").with(signedIn(user)))
			.andExpect(status().isOk())
			.andExpect(shows("<h1>Alternate phone</h1>"))
			.andExpect(shows("answering a call on another phone"))
			.andExpect(content().string(checkedRadio("CALL")))
			.andExpect(shows("Call me"))
			.andExpect(doesNotShow("Text me a code"))
			.andExpect(doesNotShow("Extension"));
	}

	@Test
	void officePhoneFormOffersACallAndAnOptionalExtension() throws Exception {
		SignedInUser user = newEmployee();

		mvc.perform(get("/security-info/office-phone").with(signedIn(user)))
			.andExpect(status().isOk())
			.andExpect(shows("<h1>Office phone</h1>"))
			.andExpect(shows("Call me"))
			.andExpect(doesNotShow("Text me a code"))
			.andExpect(shows("<label for=\"extension\">Extension (optional)</label>"))
			.andExpect(shows("autocomplete=\"tel-extension\""));
	}

	@Test
	void addAlternatePhoneWhenTheCallsCodeIsEnteredThenItIsListedWithChangeAndDelete() throws Exception {
		SignedInUser user = newEmployee();
		TestPhone phone = nextLandline("010520");
		TestBrowser browser = new TestBrowser(mvc);
		browser.perform(post("/security-info/add").param("type", "ALTERNATE_PHONE").with(csrf()).with(signedIn(user)))
			.andExpect(redirectedUrl("/security-info/alternate-phone"));

		String challengeId = steps.sendCode(signedIn(user), "alternate-phone", phone, "CALL");

		CapturingSmsGateway.Sent call = sms.sent().get(sms.sent().size() - 1);
		assertThat(call.kind()).isEqualTo(Kind.CALL);
		assertThat(call.to()).isEqualTo(phone.e164());
		steps.codePage(signedIn(user), "alternate-phone", challengeId)
			.andExpect(status().isOk())
			.andExpect(shows("<h1>Alternate phone</h1>"))
			.andExpect(shows("We&#39;re calling " + phone.international() + " now."))
			.andExpect(shows("action=\"/security-info/alternate-phone/challenges/" + challengeId + "\""));
		steps.enterTheCode(signedIn(user), "alternate-phone", challengeId, phone);
		steps.donePage(signedIn(user), "alternate-phone", challengeId)
			.andExpect(shows("Call answered. Your alternate phone was registered successfully."))
			.andExpect(shows("href=\"/security-info\">Done</a>"));

		long methodId = methodId(user, "ALTERNATE_PHONE");
		assertThat(detailOf(methodId)).isEqualTo(phone.e164());
		assertThat(defaultModeOf(methodId)).isEqualTo("CALL");
		mvc.perform(get("/security-info").with(signedIn(user)))
			.andExpect(content().string(rowOf(methodId, "Alternate phone", phone.international(),
					"Sign-in and password reset", "Change", "Delete")))
			.andExpect(shows("href=\"/security-info/alternate-phone/change\">Change</a>"))
			.andExpect(shows(">Alternate phone - call " + phone.international() + "</strong>"));
		assertThat(auditActions(user)).containsSubsequence("CODE_SENT", "CODE_VERIFIED", "METHOD_ADDED",
				"DEFAULT_METHOD_CHANGED");
	}

	@Test
	void addOfficePhoneWithExtensionThenTheExtensionIsStoredAndShown() throws Exception {
		SignedInUser user = newEmployee();
		TestPhone phone = nextLandline("020510");

		String challengeId = steps.sendCode(signedIn(user), "office-phone", phone, "CALL", " 12 ");
		steps.codePage(signedIn(user), "office-phone", challengeId)
			.andExpect(shows("We&#39;re calling " + phone.international() + " now."));
		steps.enterTheCode(signedIn(user), "office-phone", challengeId, phone);

		long methodId = methodId(user, "OFFICE_PHONE");
		assertThat(detailOf(methodId)).isEqualTo(phone.e164() + ";ext=12");
		steps.donePage(signedIn(user), "office-phone", challengeId)
			.andExpect(shows("Call answered. Your office phone was registered successfully."));
		mvc.perform(get("/security-info").with(signedIn(user)))
			.andExpect(content().string(rowOf(methodId, "Office phone", phone.international() + " ext. 12")))
			.andExpect(shows(">Office phone - call " + phone.international() + " ext. 12</strong>"));
		assertThat(jdbc.queryForList("""
				select method_type || ' ' || target from audit_event
				where subject_account_id = ? and action = ?""", String.class, user.id(), "METHOD_ADDED"))
			.containsExactly("OFFICE_PHONE " + PhoneNumbers.mask(phone.e164()));
	}

	@Test
	void addOfficePhoneWhenExtensionIsNotDigitsThenSaysSoKeepsItAndCallsNoOne() throws Exception {
		SignedInUser user = newEmployee();
		TestPhone phone = nextLandline("020510");

		for (String extension : new String[] { "12a", "12345678901" }) {
			mvc.perform(PhoneSteps.numberForm("office-phone", phone, "CALL", extension).with(signedIn(user)))
				.andExpect(status().isOk())
				.andExpect(shows("id=\"extension-error\">The extension is digits only, at most 10 of them.</p>"))
				.andExpect(shows("value=\"" + extension + "\""))
				.andExpect(shows("value=\"" + phone.national() + "\""));
		}

		assertThat(sms.sent()).noneMatch(sent -> sent.to().equals(phone.e164()));
		assertThat(challengesOf(user)).isZero();
	}

	@Test
	void enterCodeWhenWrongThenSaysSoAndNoPhoneIsStored() throws Exception {
		SignedInUser user = newEmployee();
		TestPhone phone = nextLandline("010520");
		String challengeId = steps.sendCode(signedIn(user), "alternate-phone", phone, "CALL");
		String wrong = wrongCode(sms.lastCodeTo(phone.e164()));

		steps.enterCode(signedIn(user), "alternate-phone", challengeId, wrong)
			.andExpect(status().isOk())
			.andExpect(shows("That code didn&#39;t work. Check the code and try again. You have 4 more tries."))
			.andExpect(shows("value=\"" + wrong + "\""));

		assertThat(methodsOf(user)).isZero();
	}

	@Test
	void enterCodeWhenSentTwiceThenTheOfficePhoneIsStoredOnceAndBothSayDone() throws Exception {
		SignedInUser user = newEmployee();
		TestPhone phone = nextLandline("020510");
		String challengeId = steps.sendCode(signedIn(user), "office-phone", phone, "CALL", "7");
		String code = sms.lastCodeTo(phone.e164());

		for (int i = 0; i < 2; i++) {
			steps.enterCode(signedIn(user), "office-phone", challengeId, code)
				.andExpect(redirectedUrl("/security-info/office-phone/challenges/" + challengeId + "/done"));
		}

		assertThat(jdbc.queryForList("select detail from security_method where account_id = ?", String.class,
				user.id()))
			.containsExactly(phone.e164() + ";ext=7");
		assertThat(auditActions(user)).filteredOn("METHOD_ADDED"::equals).hasSize(1);
	}

	@Test
	void sendCodeWhenTextIsForgedForTheAlternatePhoneThenRefusedAndNothingIsSent() throws Exception {
		SignedInUser user = newEmployee();
		TestPhone phone = nextLandline("010520");

		mvc.perform(PhoneSteps.numberForm("alternate-phone", phone, "TEXT", null).with(signedIn(user)))
			.andExpect(status().isOk())
			.andExpect(shows("Your organization doesn&#39;t allow this way of receiving a code. Choose another one."));

		assertThat(sms.sent()).noneMatch(sent -> sent.to().equals(phone.e164()));
		assertThat(challengesOf(user)).isZero();
	}

	@Test
	void voiceCallsOffThenAlternateAndOfficePhoneAreNotOfferedAndForgedFormsCallNoOne() throws Exception {
		SignedInUser user = newEmployee();
		TestPhone alternate = nextLandline("010520");
		TestPhone office = nextLandline("020510");

		TestPolicies.withMethodOffForEveryone(methodPolicy, groups, newAdmin().id(), PhoneModes.VOICE,
				() -> {
					mvc.perform(get("/security-info/add").with(signedIn(user)))
						.andExpect(shows("<option value=\"PHONE\""))
						.andExpect(doesNotShow("ALTERNATE_PHONE"))
						.andExpect(doesNotShow("OFFICE_PHONE"))
						.andExpect(shows("If you don&#39;t see an option, your organization might not allow it."));
					TestBrowser browser = new TestBrowser(mvc);
					browser.perform(get("/security-info/alternate-phone").with(signedIn(user)))
						.andExpect(redirectedUrl("/security-info/add"))
						.andExpect(flash().attribute("problem", "phone.not-allowed"));
					mvc.perform(post("/security-info/add").param("type", "OFFICE_PHONE")
						.with(csrf())
						.with(signedIn(user)))
						.andExpect(status().isOk())
						.andExpect(shows("This method can&#39;t be added. Choose another one."));
					mvc.perform(PhoneSteps.numberForm("alternate-phone", alternate, "CALL", null).with(signedIn(user)))
						.andExpect(status().isOk())
						.andExpect(shows("Your organization doesn&#39;t allow this way of receiving a code."));
					mvc.perform(PhoneSteps.numberForm("office-phone", office, "CALL", "12").with(signedIn(user)))
						.andExpect(status().isOk())
						.andExpect(shows("Your organization doesn&#39;t allow this way of receiving a code."));
				});

		assertThat(sms.sent()).noneMatch(sent -> sent.to().equals(alternate.e164()) || sent.to().equals(office.e164()));
		assertThat(challengesOf(user)).isZero();
	}

	@Test
	void resendWhenVoiceCallsWereSwitchedOffMeanwhileThenSaysTheWayIsNotAllowedAndCallsNoOne() throws Exception {
		SignedInUser user = newEmployee();
		TestPhone alternate = nextLandline("010520");
		String challengeId = steps.sendCode(signedIn(user), "alternate-phone", alternate, "CALL");

		TestPolicies.withMethodOffForEveryone(methodPolicy, groups, newAdmin().id(), PhoneModes.VOICE,
				() -> mvc
					.perform(post("/security-info/alternate-phone/challenges/{id}/resend", challengeId).with(csrf())
						.with(signedIn(user)))
					.andExpect(redirectedUrl("/security-info/alternate-phone/challenges/" + challengeId))
					.andExpect(flash().attribute("problem", "phone.mode.not-allowed")));

		assertThat(sms.sent()).filteredOn(sent -> sent.to().equals(alternate.e164())).hasSize(1);
	}

	@Test
	void sendCodeWhenTheNumberIsThePersonsPhoneThenSaysSoAndCallsNoOne() throws Exception {
		SignedInUser user = newEmployee();
		TestPhone mobile = nextMobile();
		steps.register(signedIn(user), "phone", mobile, "TEXT");
		int sentBefore = sms.sent().size();

		mvc.perform(PhoneSteps.numberForm("alternate-phone", mobile, "CALL", null).with(signedIn(user)))
			.andExpect(status().isOk())
			.andExpect(shows("id=\"number-error\">You already use this number for your Phone. Use another number.</p>"))
			.andExpect(shows("value=\"" + mobile.national() + "\""));

		assertThat(sms.sent()).hasSize(sentBefore);
		assertThat(challengesOf(user)).isEqualTo(1);
	}

	@Test
	void sendCodeWhenTheNumberIsTheAlternatePhoneWithAnotherExtensionThenStillTheSameNumber() throws Exception {
		SignedInUser user = newEmployee();
		TestPhone landline = nextLandline("020510");
		steps.register(signedIn(user), "alternate-phone", landline, "CALL");

		mvc.perform(PhoneSteps.numberForm("office-phone", landline, "CALL", "34").with(signedIn(user)))
			.andExpect(status().isOk())
			.andExpect(shows("You already use this number for your Alternate phone. Use another number."));

		assertThat(challengesOf(user)).isEqualTo(1);
	}

	@Test
	void confirmWhenTheNumberWasRegisteredAsAnotherPhoneTypeMeanwhileThenRefusedAndStoredOnce() throws Exception {
		SignedInUser user = newEmployee();
		TestPhone landline = nextLandline("020510");
		String asOffice = steps.sendCode(signedIn(user), "office-phone", landline, "CALL");
		String officeCode = sms.lastCodeTo(landline.e164());
		String asAlternate = steps.sendCode(signedIn(user), "alternate-phone", landline, "CALL");
		steps.enterTheCode(signedIn(user), "alternate-phone", asAlternate, landline);

		steps.enterCode(signedIn(user), "office-phone", asOffice, officeCode)
			.andExpect(status().isOk())
			.andExpect(shows("You already use this number for your Alternate phone. Use another number."));

		assertThat(jdbc.queryForList("select type from security_method where account_id = ?", String.class,
				user.id()))
			.containsExactly("ALTERNATE_PHONE");
	}

	@Test
	void codePageWhenTheChallengeIsForAnotherPhoneTypeThenNotFoundAndNothingIsStored() throws Exception {
		SignedInUser user = newEmployee();
		TestPhone landline = nextLandline("020510");
		String challengeId = steps.sendCode(signedIn(user), "office-phone", landline, "CALL");

		steps.codePage(signedIn(user), "phone", challengeId)
			.andExpect(status().isNotFound());
		steps.enterCode(signedIn(user), "alternate-phone", challengeId, sms.lastCodeTo(landline.e164()))
			.andExpect(status().isNotFound());
		mvc.perform(get("/security-info/fax-phone").with(signedIn(user))).andExpect(status().isNotFound());

		assertThat(methodsOf(user)).isZero();
	}

	@Test
	void changeWhenTheNewNumbersCodeIsEnteredThenItReplacesTheOldOneOnlyThen() throws Exception {
		SignedInUser user = newEmployee();
		TestPhone old = nextLandline("010520");
		steps.register(signedIn(user), "alternate-phone", old, "CALL");
		long methodId = methodId(user, "ALTERNATE_PHONE");
		TestPhone replacement = nextLandline("010520");

		mvc.perform(get("/security-info/alternate-phone/change").with(signedIn(user)))
			.andExpect(status().isOk())
			.andExpect(shows("Enter the new number. Your current number stays until you enter the code we send to "
					+ "the new one."))
			.andExpect(shows("action=\"/security-info/alternate-phone/change\""));
		String challengeId = steps.sendCode(signedIn(user),
				PhoneSteps.changeForm("alternate-phone", replacement, "CALL", null));
		assertThat(detailOf(methodId)).as("before the code").isEqualTo(old.e164());
		steps.codePage(signedIn(user), "alternate-phone", challengeId)
			.andExpect(shows("href=\"/security-info/alternate-phone/change?challenge=" + challengeId
					+ "\">Change it</a>"));
		String wrong = wrongCode(sms.lastCodeTo(replacement.e164()));
		steps.enterCode(signedIn(user), "alternate-phone", challengeId, wrong).andExpect(status().isOk());
		assertThat(detailOf(methodId)).as("after a wrong code").isEqualTo(old.e164());

		steps.enterTheCode(signedIn(user), "alternate-phone", challengeId, replacement);

		assertThat(detailOf(methodId)).isEqualTo(replacement.e164());
		assertThat(defaultModeOf(methodId)).isEqualTo("CALL");
		assertThat(methodsOf(user)).isEqualTo(1);
		steps.donePage(signedIn(user), "alternate-phone", challengeId)
			.andExpect(shows("Call answered. Your phone number was changed."));
		assertThat(jdbc.queryForList("""
				select method_type || ' ' || target || ' ' || facts from audit_event
				where subject_account_id = ? and action = ?""", String.class, user.id(), "METHOD_CHANGED"))
			.containsExactly("ALTERNATE_PHONE " + PhoneNumbers.mask(replacement.e164()) + " was="
					+ PhoneNumbers.mask(old.e164()));
	}

	@Test
	void changeWhenOnlyTheOfficeExtensionChangesThenTheSameNumberIsProvenAgainWithTheNewExtension()
			throws Exception {
		SignedInUser user = newEmployee();
		TestPhone office = nextLandline("020510");
		steps.register(signedIn(user), "office-phone", office, "CALL", "12");
		long methodId = methodId(user, "OFFICE_PHONE");

		String challengeId = steps.sendCode(signedIn(user),
				PhoneSteps.changeForm("office-phone", office, "CALL", "345"));
		steps.enterTheCode(signedIn(user), "office-phone", challengeId, office);

		assertThat(detailOf(methodId)).isEqualTo(office.e164() + ";ext=345");
	}

	@Test
	void changeWhenTheNewNumberIsTheSameThenSaysItIsInUseAndCallsNoOne() throws Exception {
		SignedInUser user = newEmployee();
		TestPhone office = nextLandline("020510");
		steps.register(signedIn(user), "office-phone", office, "CALL", "12");
		int sentBefore = sms.sent().size();

		mvc.perform(PhoneSteps.changeForm("office-phone", office, "CALL", "12").with(signedIn(user)))
			.andExpect(status().isOk())
			.andExpect(shows("You already use this number for your Office phone. Use another number."));

		assertThat(sms.sent()).hasSize(sentBefore);
	}

	@Test
	void changeFormWhenThereIsNothingToChangeThenLeadsToAdding() throws Exception {
		SignedInUser user = newEmployee();

		mvc.perform(get("/security-info/office-phone/change").with(signedIn(user)))
			.andExpect(redirectedUrl("/security-info/office-phone"));
	}

	@Test
	void addWhenTheTypeIsRegisteredAlreadyThenPointsToChangeAndCallsNoOne() throws Exception {
		SignedInUser user = newEmployee();
		steps.register(signedIn(user), "alternate-phone", nextLandline("010520"), "CALL");
		TestPhone another = nextLandline("010520");

		mvc.perform(PhoneSteps.numberForm("alternate-phone", another, "CALL", null).with(signedIn(user)))
			.andExpect(status().isOk())
			.andExpect(shows("You have already added an alternate phone. Use Change on Security info to use another "
					+ "number."));

		assertThat(sms.sent()).noneMatch(sent -> sent.to().equals(another.e164()));
	}

	@Test
	void deleteWhenPhoneIsTheDefaultThenTheAlternatePhoneThenTheOfficePhoneTakesOver() throws Exception {
		SignedInUser user = newEmployee();
		TestPhone mobile = nextMobile();
		TestPhone office = nextLandline("020510");
		TestPhone alternate = nextLandline("010520");
		steps.register(signedIn(user), "phone", mobile, "TEXT");
		steps.register(signedIn(user), "office-phone", office, "CALL", "12");
		steps.register(signedIn(user), "alternate-phone", alternate, "CALL");
		long phoneId = methodId(user, "PHONE");
		long alternateId = methodId(user, "ALTERNATE_PHONE");
		long officeId = methodId(user, "OFFICE_PHONE");

		mvc.perform(get("/security-info/methods/{id}/delete", phoneId).with(signedIn(user)))
			.andExpect(shows("This is your default sign-in method. Alternate phone - call " + alternate.international()
					+ " will become your default."));
		mvc.perform(post("/security-info/methods/{id}/delete", phoneId).with(csrf()).with(signedIn(user)))
			.andExpect(redirectedUrl("/security-info"));

		assertThat(defaultModeOf(alternateId)).isEqualTo("CALL");
		mvc.perform(get("/security-info").with(signedIn(user)))
			.andExpect(shows(">Alternate phone - call " + alternate.international() + "</strong>"));

		mvc.perform(post("/security-info/methods/{id}/delete", alternateId).with(csrf()).with(signedIn(user)))
			.andExpect(redirectedUrl("/security-info"));

		assertThat(defaultModeOf(officeId)).isEqualTo("CALL");
		mvc.perform(get("/security-info").with(signedIn(user)))
			.andExpect(shows(">Office phone - call " + office.international() + " ext. 12</strong>"));
	}

	@Test
	void changeDefaultListsEveryPhoneWayInDefaultOrderButNeverSecurityQuestions() throws Exception {
		SignedInUser user = newEmployee();
		TestPhone mobile = nextMobile();
		TestPhone office = nextLandline("020510");
		TestPhone alternate = nextLandline("010520");
		steps.register(signedIn(user), "office-phone", office, "CALL", "12");
		steps.register(signedIn(user), "phone", mobile, "TEXT");
		steps.register(signedIn(user), "alternate-phone", alternate, "CALL");
		List<Long> offered = questionPolicy.current().offered().stream().map(QuestionPolicy.Question::id).toList();
		securityAnswers.add(user.id(), offered.subList(0, questionPolicy.current().questionsRequired())
			.stream()
			.map(id -> new SecurityAnswers.Answer(id, "answer " + id))
			.toList());

		String page = mvc.perform(get("/security-info/default").with(signedIn(user)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(Pattern.compile(">([^<]+)</option>").matcher(page).results().map(match -> match.group(1)))
			.containsExactly("Phone - text " + mobile.international(), "Phone - call " + mobile.international(),
					"Alternate phone - call " + alternate.international(),
					"Office phone - call " + office.international() + " ext. 12");
		assertThat(page).doesNotContain("Security questions");
		assertThat(defaultModeOf(methodId(user, "OFFICE_PHONE"))).as("the first one registered").isEqualTo("CALL");
	}

	private static TestPhone nextMobile() {
		return new TestPhone("061235" + nextNumber.incrementAndGet());
	}

	/** A Dutch landline with this area code and exchange, such as "020510" for Amsterdam. */
	private static TestPhone nextLandline(String prefix) {
		return new TestPhone(prefix + nextNumber.incrementAndGet());
	}

}
