package io.securityinfo.securityinfo.phone;

import static io.securityinfo.Pages.doesNotShow;
import static io.securityinfo.Pages.redirectFrom;
import static io.securityinfo.Pages.shows;
import static io.securityinfo.Pages.signedIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.matchesPattern;
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

import org.hamcrest.Matcher;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.RequestBuilder;

import io.securityinfo.securityinfo.questions.SecurityAnswers;
import io.securityinfo.AppTest;
import io.securityinfo.TestBrowser;
import io.securityinfo.account.Accounts;
import io.securityinfo.account.Role;
import io.securityinfo.account.SignedInUser;
import io.securityinfo.account.TestAccounts;
import io.securityinfo.phone.PhoneNumbers;
import io.securityinfo.groups.Groups;
import io.securityinfo.policy.MethodPolicy;
import io.securityinfo.policy.QuestionPolicy;
import io.securityinfo.policy.TestPolicies;
import io.securityinfo.sms.CapturingSmsGateway;
import io.securityinfo.sms.CapturingSmsGateway.Kind;

/**
 * "Alternate phone" and "Office phone": the phone's flow with calls only, the office phone's extension, one number
 * for one phone type, Change, and where the default goes when a phone is deleted.
 */
@AppTest
class AlternateAndOfficePhoneControllerTests {

	/**
	 * Numbers of this class: mobiles 06 1235 3xxx, Rotterdam landlines 010 520 xxxx and Amsterdam landlines 020 510
	 * xxxx, so that per-number sending limits never meet another test's.
	 */
	private static final AtomicInteger nextNumber = new AtomicInteger(3000);

	@Autowired
	MockMvc mvc;

	@Autowired
	Accounts accounts;

	@Autowired
	UserDetailsService users;

	@Autowired
	CapturingSmsGateway sms;

	@Autowired
	JdbcTemplate jdbc;

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
		Phone phone = nextLandline("010520");
		TestBrowser browser = new TestBrowser(mvc);
		browser.perform(post("/security-info/add").param("type", "ALTERNATE_PHONE").with(csrf()).with(signedIn(user)))
			.andExpect(redirectedUrl("/security-info/alternate-phone"));

		String challengeId = sendCode(user, "alternate-phone", phone, null);

		CapturingSmsGateway.Sent call = sms.sent().get(sms.sent().size() - 1);
		assertThat(call.kind()).isEqualTo(Kind.CALL);
		assertThat(call.to()).isEqualTo(phone.e164());
		mvc.perform(get("/security-info/alternate-phone/challenges/{id}", challengeId).with(signedIn(user)))
			.andExpect(status().isOk())
			.andExpect(shows("<h1>Alternate phone</h1>"))
			.andExpect(shows("We&#39;re calling " + phone.international() + " now."))
			.andExpect(shows("action=\"/security-info/alternate-phone/challenges/" + challengeId + "\""));
		mvc.perform(enterCode(user, "alternate-phone", challengeId, sms.lastCodeTo(phone.e164())))
			.andExpect(redirectedUrl("/security-info/alternate-phone/challenges/" + challengeId + "/done"));
		mvc.perform(get("/security-info/alternate-phone/challenges/{id}/done", challengeId).with(signedIn(user)))
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
		Phone phone = nextLandline("020510");

		String challengeId = sendCode(user, "office-phone", phone, " 12 ");
		mvc.perform(get("/security-info/office-phone/challenges/{id}", challengeId).with(signedIn(user)))
			.andExpect(shows("We&#39;re calling " + phone.international() + " now."));
		mvc.perform(enterCode(user, "office-phone", challengeId, sms.lastCodeTo(phone.e164())))
			.andExpect(redirectedUrl("/security-info/office-phone/challenges/" + challengeId + "/done"));

		long methodId = methodId(user, "OFFICE_PHONE");
		assertThat(detailOf(methodId)).isEqualTo(phone.e164() + ";ext=12");
		mvc.perform(get("/security-info/office-phone/challenges/{id}/done", challengeId).with(signedIn(user)))
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
		Phone phone = nextLandline("020510");

		for (String extension : new String[] { "12a", "12345678901" }) {
			mvc.perform(phoneForm(user, "office-phone", phone, "CALL", extension))
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
		Phone phone = nextLandline("010520");
		String challengeId = sendCode(user, "alternate-phone", phone, null);
		String wrong = wrongCode(sms.lastCodeTo(phone.e164()));

		MvcResult posted = mvc.perform(enterCode(user, "alternate-phone", challengeId, wrong))
			.andExpect(redirectedUrl("/security-info/alternate-phone/challenges/" + challengeId))
			.andReturn();
		mvc.perform(redirectFrom(posted).with(signedIn(user)))
			.andExpect(status().isOk())
			.andExpect(shows("That code didn&#39;t work. Check the code and try again. You have 4 more tries."))
			.andExpect(doesNotShow("value=\"" + wrong + "\""));

		assertThat(methodsOf(user)).isZero();
	}

	@Test
	void enterCodeWhenSentTwiceThenTheOfficePhoneIsStoredOnceAndBothSayDone() throws Exception {
		SignedInUser user = newEmployee();
		Phone phone = nextLandline("020510");
		String challengeId = sendCode(user, "office-phone", phone, "7");
		String code = sms.lastCodeTo(phone.e164());

		for (int i = 0; i < 2; i++) {
			mvc.perform(enterCode(user, "office-phone", challengeId, code))
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
		Phone phone = nextLandline("010520");

		mvc.perform(phoneForm(user, "alternate-phone", phone, "TEXT", null))
			.andExpect(status().isOk())
			.andExpect(shows("Your organization doesn&#39;t allow this way of receiving a code. Choose another one."));

		assertThat(sms.sent()).noneMatch(sent -> sent.to().equals(phone.e164()));
		assertThat(challengesOf(user)).isZero();
	}

	@Test
	void voiceCallsOffThenAlternateAndOfficePhoneAreNotOfferedAndForgedFormsCallNoOne() throws Exception {
		SignedInUser user = newEmployee();
		Phone alternate = nextLandline("010520");
		Phone office = nextLandline("020510");

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
					mvc.perform(phoneForm(user, "alternate-phone", alternate, "CALL", null))
						.andExpect(status().isOk())
						.andExpect(shows("Your organization doesn&#39;t allow this way of receiving a code."));
					mvc.perform(phoneForm(user, "office-phone", office, "CALL", "12"))
						.andExpect(status().isOk())
						.andExpect(shows("Your organization doesn&#39;t allow this way of receiving a code."));
				});

		assertThat(sms.sent()).noneMatch(sent -> sent.to().equals(alternate.e164()) || sent.to().equals(office.e164()));
		assertThat(challengesOf(user)).isZero();
	}

	@Test
	void resendWhenVoiceCallsWereSwitchedOffMeanwhileThenSaysTheWayIsNotAllowedAndCallsNoOne() throws Exception {
		SignedInUser user = newEmployee();
		Phone alternate = nextLandline("010520");
		String challengeId = sendCode(user, "alternate-phone", alternate, null);

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
		Phone mobile = nextMobile();
		register(user, "phone", mobile, null, "TEXT");
		int sentBefore = sms.sent().size();

		mvc.perform(phoneForm(user, "alternate-phone", mobile, "CALL", null))
			.andExpect(status().isOk())
			.andExpect(shows("id=\"number-error\">You already use this number for your Phone. Use another number.</p>"))
			.andExpect(shows("value=\"" + mobile.national() + "\""));

		assertThat(sms.sent()).hasSize(sentBefore);
		assertThat(challengesOf(user)).isEqualTo(1);
	}

	@Test
	void sendCodeWhenTheNumberIsTheAlternatePhoneWithAnotherExtensionThenStillTheSameNumber() throws Exception {
		SignedInUser user = newEmployee();
		Phone landline = nextLandline("020510");
		register(user, "alternate-phone", landline, null, "CALL");

		mvc.perform(phoneForm(user, "office-phone", landline, "CALL", "34"))
			.andExpect(status().isOk())
			.andExpect(shows("You already use this number for your Alternate phone. Use another number."));

		assertThat(challengesOf(user)).isEqualTo(1);
	}

	@Test
	void confirmWhenTheNumberWasRegisteredAsAnotherPhoneTypeMeanwhileThenRefusedAndStoredOnce() throws Exception {
		SignedInUser user = newEmployee();
		Phone landline = nextLandline("020510");
		String asOffice = sendCode(user, "office-phone", landline, null);
		String officeCode = sms.lastCodeTo(landline.e164());
		String asAlternate = sendCode(user, "alternate-phone", landline, null);
		mvc.perform(enterCode(user, "alternate-phone", asAlternate, sms.lastCodeTo(landline.e164())))
			.andExpect(redirectedUrl("/security-info/alternate-phone/challenges/" + asAlternate + "/done"));

		MvcResult posted = mvc.perform(enterCode(user, "office-phone", asOffice, officeCode))
			.andExpect(redirectedUrl("/security-info/office-phone/challenges/" + asOffice))
			.andReturn();
		mvc.perform(redirectFrom(posted).with(signedIn(user)))
			.andExpect(status().isOk())
			.andExpect(shows("You already use this number for your Alternate phone. Use another number."));

		assertThat(jdbc.queryForList("select type from security_method where account_id = ?", String.class,
				user.id()))
			.containsExactly("ALTERNATE_PHONE");
	}

	@Test
	void codePageWhenTheChallengeIsForAnotherPhoneTypeThenNotFoundAndNothingIsStored() throws Exception {
		SignedInUser user = newEmployee();
		Phone landline = nextLandline("020510");
		String challengeId = sendCode(user, "office-phone", landline, null);

		mvc.perform(get("/security-info/phone/challenges/{id}", challengeId).with(signedIn(user)))
			.andExpect(status().isNotFound());
		mvc.perform(enterCode(user, "alternate-phone", challengeId, sms.lastCodeTo(landline.e164())))
			.andExpect(status().isNotFound());
		mvc.perform(get("/security-info/fax-phone").with(signedIn(user))).andExpect(status().isNotFound());

		assertThat(methodsOf(user)).isZero();
	}

	@Test
	void changeWhenTheNewNumbersCodeIsEnteredThenItReplacesTheOldOneOnlyThen() throws Exception {
		SignedInUser user = newEmployee();
		Phone old = nextLandline("010520");
		register(user, "alternate-phone", old, null, "CALL");
		long methodId = methodId(user, "ALTERNATE_PHONE");
		Phone replacement = nextLandline("010520");

		mvc.perform(get("/security-info/alternate-phone/change").with(signedIn(user)))
			.andExpect(status().isOk())
			.andExpect(shows("Enter the new number. Your current number stays until you enter the code we send to "
					+ "the new one."))
			.andExpect(shows("action=\"/security-info/alternate-phone/change\""));
		MvcResult sent = mvc.perform(phoneChangeForm(user, "alternate-phone", replacement, null))
			.andExpect(status().is3xxRedirection())
			.andReturn();
		String challengeId = challengeIdOf(sent);
		assertThat(detailOf(methodId)).as("before the code").isEqualTo(old.e164());
		mvc.perform(get("/security-info/alternate-phone/challenges/{id}", challengeId).with(signedIn(user)))
			.andExpect(shows("href=\"/security-info/alternate-phone/change?challenge=" + challengeId
					+ "\">Change it</a>"));
		mvc.perform(enterCode(user, "alternate-phone", challengeId, wrongCode(sms.lastCodeTo(replacement.e164()))))
			.andExpect(redirectedUrl("/security-info/alternate-phone/challenges/" + challengeId));
		assertThat(detailOf(methodId)).as("after a wrong code").isEqualTo(old.e164());

		mvc.perform(enterCode(user, "alternate-phone", challengeId, sms.lastCodeTo(replacement.e164())))
			.andExpect(redirectedUrl("/security-info/alternate-phone/challenges/" + challengeId + "/done"));

		assertThat(detailOf(methodId)).isEqualTo(replacement.e164());
		assertThat(defaultModeOf(methodId)).isEqualTo("CALL");
		assertThat(methodsOf(user)).isEqualTo(1);
		mvc.perform(get("/security-info/alternate-phone/challenges/{id}/done", challengeId).with(signedIn(user)))
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
		Phone office = nextLandline("020510");
		register(user, "office-phone", office, "12", "CALL");
		long methodId = methodId(user, "OFFICE_PHONE");

		String challengeId = challengeIdOf(mvc.perform(phoneChangeForm(user, "office-phone", office, "345"))
			.andExpect(status().is3xxRedirection())
			.andReturn());
		mvc.perform(enterCode(user, "office-phone", challengeId, sms.lastCodeTo(office.e164())))
			.andExpect(redirectedUrl("/security-info/office-phone/challenges/" + challengeId + "/done"));

		assertThat(detailOf(methodId)).isEqualTo(office.e164() + ";ext=345");
	}

	@Test
	void changeWhenTheNewNumberIsTheSameThenSaysItIsInUseAndCallsNoOne() throws Exception {
		SignedInUser user = newEmployee();
		Phone office = nextLandline("020510");
		register(user, "office-phone", office, "12", "CALL");
		int sentBefore = sms.sent().size();

		mvc.perform(phoneChangeForm(user, "office-phone", office, "12"))
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
		register(user, "alternate-phone", nextLandline("010520"), null, "CALL");
		Phone another = nextLandline("010520");

		mvc.perform(phoneForm(user, "alternate-phone", another, "CALL", null))
			.andExpect(status().isOk())
			.andExpect(shows("You have already added an alternate phone. Use Change on Security info to use another "
					+ "number."));

		assertThat(sms.sent()).noneMatch(sent -> sent.to().equals(another.e164()));
	}

	@Test
	void deleteWhenPhoneIsTheDefaultThenTheAlternatePhoneThenTheOfficePhoneTakesOver() throws Exception {
		SignedInUser user = newEmployee();
		Phone mobile = nextMobile();
		Phone office = nextLandline("020510");
		Phone alternate = nextLandline("010520");
		register(user, "phone", mobile, null, "TEXT");
		register(user, "office-phone", office, "12", "CALL");
		register(user, "alternate-phone", alternate, null, "CALL");
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
		Phone mobile = nextMobile();
		Phone office = nextLandline("020510");
		Phone alternate = nextLandline("010520");
		register(user, "office-phone", office, "12", "CALL");
		register(user, "phone", mobile, null, "TEXT");
		register(user, "alternate-phone", alternate, null, "CALL");
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

	private SignedInUser newEmployee() {
		return TestAccounts.newEmployee(accounts, users);
	}

	private SignedInUser newAdmin() {
		String email = "phones-admin-" + System.nanoTime() + "@example.com";
		accounts.createIfAbsent(email, "Phones Admin", TestAccounts.PASSWORD, Role.ADMIN);
		return (SignedInUser) users.loadUserByUsername(email);
	}

	private static Phone nextMobile() {
		return new Phone("061235" + nextNumber.incrementAndGet());
	}

	/** A Dutch landline with this area code and exchange, such as "020510" for Amsterdam. */
	private static Phone nextLandline(String prefix) {
		return new Phone(prefix + nextNumber.incrementAndGet());
	}

	private static RequestBuilder phoneForm(SignedInUser user, String slug, Phone phone, String mode,
			String extension) {
		return numberForm("/security-info/" + slug, user, phone, mode, extension);
	}

	private static RequestBuilder phoneChangeForm(SignedInUser user, String slug, Phone phone, String extension) {
		return numberForm("/security-info/" + slug + "/change", user, phone, "CALL", extension);
	}

	private static RequestBuilder numberForm(String path, SignedInUser user, Phone phone, String mode,
			String extension) {
		var request = post(path).param("region", "NL").param("number", phone.national()).param("mode", mode);
		if (extension != null) {
			request.param("extension", extension);
		}
		return request.with(csrf()).with(signedIn(user));
	}

	private static RequestBuilder enterCode(SignedInUser user, String slug, String challengeId, String code) {
		return post("/security-info/{slug}/challenges/{id}", slug, challengeId).param("code", code)
			.with(csrf())
			.with(signedIn(user));
	}

	/** Asks for a call to the number on the type's page; answers the id of the code page's challenge. */
	private String sendCode(SignedInUser user, String slug, Phone phone, String extension) throws Exception {
		return challengeIdOf(mvc.perform(phoneForm(user, slug, phone, "CALL", extension))
			.andExpect(status().is3xxRedirection())
			.andReturn());
	}

	private static String challengeIdOf(MvcResult sent) {
		String codePage = sent.getResponse().getRedirectedUrl();
		assertThat(codePage).contains("/challenges/");
		return codePage.substring(codePage.lastIndexOf('/') + 1);
	}

	/** Registers a phone of the type through its pages: the number, then the code the call or text brought. */
	private void register(SignedInUser user, String slug, Phone phone, String extension, String mode)
			throws Exception {
		String challengeId = challengeIdOf(mvc.perform(phoneForm(user, slug, phone, mode, extension))
			.andExpect(status().is3xxRedirection())
			.andReturn());
		mvc.perform(enterCode(user, slug, challengeId, sms.lastCodeTo(phone.e164())))
			.andExpect(redirectedUrl("/security-info/" + slug + "/challenges/" + challengeId + "/done"));
	}

	/** The page lists the method in a row of its own, whose texts include these, in this order. */
	private static Matcher<String> rowOf(long methodId, String... texts) {
		String withinRow = "(?:(?!</tr>).)*?";
		StringBuilder regex = new StringBuilder(".*<tr id=\"method-" + methodId + "\">");
		for (String text : texts) {
			regex.append(withinRow).append(">\\s*").append(Pattern.quote(text)).append("\\s*<");
		}
		return matchesPattern(Pattern.compile(regex.append(withinRow).append("</tr>.*").toString(), Pattern.DOTALL));
	}

	/** The page has the radio button of this value checked. */
	private static Matcher<String> checkedRadio(String value) {
		String radio = "<input type=\"radio\" value=\"" + value + "\"[^>]*checked=\"checked\"";
		return matchesPattern(Pattern.compile(".*" + radio + ".*", Pattern.DOTALL));
	}

	private static String wrongCode(String rightCode) {
		return "%06d".formatted((Integer.parseInt(rightCode) + 1) % 1_000_000);
	}

	private long methodId(SignedInUser user, String type) {
		return jdbc.queryForObject("select id from security_method where account_id = ? and type = ?", Long.class,
				user.id(), type);
	}

	private String detailOf(long methodId) {
		return jdbc.queryForObject("select detail from security_method where id = ?", String.class, methodId);
	}

	private String defaultModeOf(long methodId) {
		return jdbc.queryForObject("select default_mode from security_method where id = ?", String.class, methodId);
	}

	private long methodsOf(SignedInUser user) {
		return jdbc.queryForObject("select count(*) from security_method where account_id = ?", Long.class,
				user.id());
	}

	private long challengesOf(SignedInUser user) {
		return jdbc.queryForObject("select count(*) from verification_challenge where account_id = ?", Long.class,
				user.id());
	}

	private List<String> auditActions(SignedInUser user) {
		return jdbc.queryForList("select action from audit_event where subject_account_id = ? order by id",
				String.class, user.id());
	}

	/** A Dutch number as typed nationally ("0205103001"), as stored and as shown. */
	private record Phone(String national) {

		String e164() {
			return "+31" + national.substring(1);
		}

		/** "+31 6 12353001" for a mobile, "+31 20 510 3001" for a landline, as libphonenumber writes them. */
		String international() {
			String digits = national.substring(1);
			if (digits.startsWith("6")) {
				return "+31 6 " + digits.substring(1);
			}
			return "+31 " + digits.substring(0, 2) + " " + digits.substring(2, 5) + " " + digits.substring(5);
		}

	}

}
