package io.securityinfo.securityinfo;

import static io.securityinfo.securityinfo.phone.PhoneModes.SMS;
import static io.securityinfo.securityinfo.phone.PhoneModes.VOICE;
import static io.securityinfo.Pages.signedIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import io.securityinfo.securityinfo.phone.PhoneMethodType;
import io.securityinfo.AppTest;
import io.securityinfo.account.SignedInUser;
import io.securityinfo.phone.TestPhone;
import io.securityinfo.phone.TestPhoneNumbers;
import io.securityinfo.policy.PolicyFixture;
import io.securityinfo.policy.TestPolicies;
import io.securityinfo.securityinfo.phone.PhoneSteps;
import io.securityinfo.sms.CapturingSmsGateway;
import io.securityinfo.securityinfo.phone.PhoneModes;

/**
 * The policy is enforced on the server: what a page offers follows it, and a forged form asking for what it does
 * not allow is refused with a message and sends nothing.
 */
@AppTest
class PolicyEnforcementTests extends PolicyFixture {

	private static final String MODE_NOT_ALLOWED = "Your organization doesn&#39;t allow this way of receiving a code. "
			+ "Choose another one.";

	private static final String REGION_NOT_ALLOWED = "Your organization doesn&#39;t allow texts or calls to numbers "
			+ "in this country or region. Use a number from another one or contact your administrator.";

	private static final String NOT_ALLOWED_BADGE = "<span class=\"badge\">Not allowed by your organization</span>";

	@Autowired
	SecurityInfo securityInfo;

	@Autowired
	PhoneSteps steps;

	SignedInUser employee;

	/** A group the employee is not in: a method on only for it is off for the employee, and for nobody else here. */
	long otherGroup;

	@BeforeEach
	void createPeople() {
		employee = newEmployee();
		otherGroup = groups.create(admin.id(), "Others " + System.nanoTime());
	}

	@Test
	void phoneWhenTextsAreNotAllowedForThePersonThenOnlyCallMeIsOffered() throws Exception {
		textsOnlyForOtherGroup();

		mvc.perform(asEmployee(get("/security-info/phone")))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Call me"), not(containsString("Text me a code")),
					not(containsString("value=\"TEXT\"")))));
	}

	@Test
	void sendCodeWhenAForgedFormAsksForATextThatIsNotAllowedThenRefusedAndNothingIsSent() throws Exception {
		textsOnlyForOtherGroup();
		String number = TestPhoneNumbers.nextDutchMobile();
		int sentBefore = sms.sent().size();

		mvc.perform(phoneForm("NL", TestPhoneNumbers.national(number), "TEXT"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<p class=\"field-error\">" + MODE_NOT_ALLOWED + "</p>")));

		assertNothingSentFor(number, sentBefore);
	}

	@Test
	void sendCodeWhenTextsAreNotAllowedThenACallIsStillPlaced() throws Exception {
		textsOnlyForOtherGroup();
		String number = TestPhoneNumbers.nextDutchMobile();

		mvc.perform(phoneForm("NL", TestPhoneNumbers.national(number), "CALL"))
			.andExpect(status().is3xxRedirection());

		assertThat(sms.sent()).filteredOn(sent -> sent.to().equals(number))
			.extracting(CapturingSmsGateway.Sent::kind)
			.containsExactly(CapturingSmsGateway.Kind.CALL);
	}

	@Test
	void addWhenNeitherTextsNorCallsAreAllowedThenPhoneIsNotOfferedAndThePageSaysWhy() throws Exception {
		textsAndCallsOnlyForOtherGroup();

		mvc.perform(asEmployee(get("/security-info/add")))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(not(containsString("<option value=\"PHONE\"")),
					containsString("If you don&#39;t see an option, your organization might not allow it. "
							+ "Choose another method or contact your administrator."))));
	}

	@Test
	void addWhenEveryMethodIsAllowedThenPhoneIsOfferedWithoutThePolicyHint() throws Exception {
		mvc.perform(asEmployee(get("/security-info/add")))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("<option value=\"PHONE\""),
					not(containsString("your organization might not allow it")))));
	}

	@Test
	void addWhenAForgedFormAsksForAPhoneThatIsNotAllowedThenRefused() throws Exception {
		textsAndCallsOnlyForOtherGroup();

		mvc.perform(asEmployee(post("/security-info/add")).with(csrf()).param("type", "PHONE"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("<h1>Add a method</h1>"),
					containsString("If you don&#39;t see an option, your organization might not allow it."),
					not(containsString("<option value=\"PHONE\"")))));
	}

	@Test
	void phoneWhenNeitherTextsNorCallsAreAllowedThenBackToAddAMethodSayingPhonesAreNotAllowed() throws Exception {
		textsAndCallsOnlyForOtherGroup();

		MvcResult refused = mvc.perform(asEmployee(get("/security-info/phone")))
			.andExpect(redirectedUrl("/security-info/add"))
			.andExpect(flash().attribute("problem", "phone.not-allowed"))
			.andReturn();

		mvc.perform(asEmployee(get("/security-info/add")).flashAttrs(refused.getFlashMap()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<div class=\"problem\" role=\"alert\">Your organization "
					+ "doesn&#39;t allow phones to be added. "
					+ "Choose another method or contact your administrator.</div>")));
	}

	@Test
	void sendCodeWhenNeitherTextsNorCallsAreAllowedThenAForgedFormIsRefusedAndNothingIsSent() throws Exception {
		textsAndCallsOnlyForOtherGroup();
		String number = TestPhoneNumbers.nextDutchMobile();
		int sentBefore = sms.sent().size();

		mvc.perform(phoneForm("NL", TestPhoneNumbers.national(number), "CALL"))
			.andExpect(content().string(containsString(MODE_NOT_ALLOWED)));

		assertNothingSentFor(number, sentBefore);
	}

	@Test
	void phoneWhenOnlyTheNetherlandsIsAllowedThenTheRegionListOffersOnlyIt() throws Exception {
		phonePolicy.save(admin.id(), TestPolicies.onlyRegions("NL"));

		MvcResult page = mvc.perform(asEmployee(get("/security-info/phone")))
			.andExpect(status().isOk())
			.andReturn();

		assertThat(options(page.getResponse().getContentAsString(), "region"))
			.containsExactly("<option value=\"NL\" selected=\"selected\">Netherlands (+31)</option>");
	}

	@Test
	void sendCodeWhenAForgedFormPicksACountryThatIsNotAllowedThenRefusedAndNothingIsSent() throws Exception {
		phonePolicy.save(admin.id(), TestPolicies.onlyRegions("NL"));
		int sentBefore = sms.sent().size();

		mvc.perform(phoneForm("GB", "07911 123456", "TEXT"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<p class=\"field-error\">" + REGION_NOT_ALLOWED + "</p>")));

		assertNothingSentFor("+447911123456", sentBefore);
	}

	@Test
	void sendCodeWhenANumberOfAnotherCountryIsTypedWithItsPrefixThenRefusedAndNothingIsSent() throws Exception {
		phonePolicy.save(admin.id(), TestPolicies.onlyRegions("NL"));
		int sentBefore = sms.sent().size();

		mvc.perform(phoneForm("NL", "+44 7911 123456", "TEXT"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString(REGION_NOT_ALLOWED),
					containsString("value=\"+44 7911 123456\""))));

		assertNothingSentFor("+447911123456", sentBefore);
	}

	@Test
	void resendWhenTheCountryIsNoLongerAllowedThenRefusedAndNothingIsSent() throws Exception {
		String number = TestPhoneNumbers.nextDutchMobile();
		String challenge = steps.sendCode(signedIn(employee), "phone", TestPhone.ofE164(number), "TEXT");
		phonePolicy.save(admin.id(), TestPolicies.onlyRegions("BE"));
		int sentBefore = sms.sent().size();

		mvc.perform(asEmployee(PhoneSteps.resendForm("phone", challenge)))
			.andExpect(redirectedUrl("/security-info/phone/challenges/" + challenge))
			.andExpect(flash().attribute("problem", "verification.refused.region-not-allowed"));

		assertThat(sms.sent()).hasSize(sentBefore);
		assertThat(jdbc.queryForObject("select count(*) from verification_code where challenge_id = ?", Integer.class,
				challenge))
			.isOne();
	}

	@Test
	void resendWhenTextsAreNoLongerAllowedThenRefusedAndNothingIsSent() throws Exception {
		String number = TestPhoneNumbers.nextDutchMobile();
		String challenge = steps.sendCode(signedIn(employee), "phone", TestPhone.ofE164(number), "TEXT");
		textsOnlyForOtherGroup();
		clock.advance(Duration.ofMinutes(1));
		int sentBefore = sms.sent().size();

		MvcResult refused = mvc
			.perform(asEmployee(PhoneSteps.resendForm("phone", challenge)))
			.andExpect(redirectedUrl("/security-info/phone/challenges/" + challenge))
			.andExpect(flash().attribute("problem", "phone.mode.not-allowed"))
			.andReturn();

		assertThat(sms.sent()).hasSize(sentBefore);
		assertThat(jdbc.queryForObject("select count(*) from verification_code where challenge_id = ?", Integer.class,
				challenge))
			.isOne();
		mvc
			.perform(asEmployee(get("/security-info/phone/challenges/" + challenge))
				.flashAttrs(refused.getFlashMap()))
			.andExpect(content().string(containsString("<div class=\"problem\" role=\"alert\">" + MODE_NOT_ALLOWED)));
	}

	@Test
	void resendWhenTheWayItWasSentIsStillAllowedThenANewCodeIsSent() throws Exception {
		String number = TestPhoneNumbers.nextDutchMobile();
		String challenge = steps.sendCode(signedIn(employee), "phone", TestPhone.ofE164(number), "CALL");
		textsOnlyForOtherGroup();
		clock.advance(Duration.ofMinutes(1));

		mvc.perform(asEmployee(PhoneSteps.resendForm("phone", challenge)))
			.andExpect(redirectedUrl("/security-info/phone/challenges/" + challenge))
			.andExpect(flash().attribute("notice", "code.resent"));

		assertThat(sms.sent()).filteredOn(sent -> sent.to().equals(number))
			.extracting(CapturingSmsGateway.Sent::kind)
			.containsExactly(CapturingSmsGateway.Kind.CALL, CapturingSmsGateway.Kind.CALL);
	}

	@Test
	void securityInfoWhenTextsAreNoLongerAllowedThenTheDefaultBecomesACallToTheSamePhone() throws Exception {
		String number = TestPhoneNumbers.nextDutchMobile();
		securityInfo.register(employee.id(), PhoneMethodType.ID, number, PhoneModes.TEXT);
		String shown = "+31 6 " + number.substring(4);
		mvc.perform(asEmployee(get("/security-info")))
			.andExpect(content().string(containsString(">Phone - text " + shown + "</strong>")));

		textsOnlyForOtherGroup();

		mvc.perform(asEmployee(get("/security-info")))
			.andExpect(content().string(allOf(containsString(">Phone - call " + shown + "</strong>"),
					not(containsString(NOT_ALLOWED_BADGE)))));
		long phone = phoneIdOf(employee);
		MvcResult page = mvc.perform(asEmployee(get("/security-info/default"))).andReturn();
		assertThat(options(page.getResponse().getContentAsString(), "choice")).containsExactly(
				"<option value=\"" + phone + ":CALL\" selected=\"selected\">Phone - call " + shown + "</option>");
	}

	@Test
	void changeDefaultWhenAForgedFormPicksTextsThatAreNotAllowedThenRefused() throws Exception {
		securityInfo.register(employee.id(), PhoneMethodType.ID, TestPhoneNumbers.nextDutchMobile(), PhoneModes.CALL);
		long phone = phoneIdOf(employee);
		textsOnlyForOtherGroup();

		mvc.perform(asEmployee(post("/security-info/default")).with(csrf()).param("choice", phone + ":TEXT"))
			.andExpect(status().isOk())
			.andExpect(content()
				.string(containsString("This method can&#39;t be your default. Choose one from the list.")));

		assertThat(jdbc.queryForObject("select default_mode from security_method where id = ?", String.class, phone))
			.isEqualTo("CALL");
		assertThat(jdbc.queryForObject("""
				select count(*) from audit_event
				where subject_account_id = ? and action = 'DEFAULT_METHOD_CHANGED'""", Integer.class, employee.id()))
			.as("only the default set when the phone was registered").isOne();
	}

	@Test
	void securityInfoWhenNeitherTextsNorCallsAreAllowedThenThePhoneIsMarkedAndThereIsNoDefaultUntilAllowedAgain()
			throws Exception {
		String number = TestPhoneNumbers.nextDutchMobile();
		securityInfo.register(employee.id(), PhoneMethodType.ID, number, PhoneModes.TEXT);
		String shown = "+31 6 " + number.substring(4);
		long phone = phoneIdOf(employee);

		textsAndCallsOnlyForOtherGroup();

		mvc.perform(asEmployee(get("/security-info")))
			.andExpect(content().string(allOf(containsString("<strong id=\"default-method\">None yet</strong>"),
					containsString("<span>" + shown + "</span>"), containsString(NOT_ALLOWED_BADGE))));
		mvc.perform(asEmployee(get("/security-info/default")))
			.andExpect(content().string(allOf(containsString("Add a method you can sign in with first."),
					not(containsString("<option")))));
		mvc.perform(asEmployee(post("/security-info/default")).with(csrf()).param("choice", phone + ":CALL"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Add a method you can sign in with first.")));
		assertThat(jdbc.queryForObject("select default_mode from security_method where id = ?", String.class, phone))
			.as("the stored default, back in force when the policy allows it again")
			.isEqualTo("TEXT");

		methodPolicy.save(admin.id(), TestPolicies.everyMethodForAllUsers(methodPolicy));

		mvc.perform(asEmployee(get("/security-info")))
			.andExpect(content().string(allOf(containsString(">Phone - text " + shown + "</strong>"),
					not(containsString(NOT_ALLOWED_BADGE)))));
	}

	private void textsOnlyForOtherGroup() {
		methodPolicy.save(admin.id(), List.of(TestPolicies.onlyForGroups(SMS, otherGroup)));
	}

	private void textsAndCallsOnlyForOtherGroup() {
		methodPolicy.save(admin.id(),
				List.of(TestPolicies.onlyForGroups(SMS, otherGroup), TestPolicies.onlyForGroups(VOICE, otherGroup)));
	}

	private MockHttpServletRequestBuilder phoneForm(String region, String number, String mode) {
		return asEmployee(PhoneSteps.numberForm("phone", region, number, mode));
	}

	private MockHttpServletRequestBuilder asEmployee(MockHttpServletRequestBuilder request) {
		return request.with(signedIn(employee));
	}

	private void assertNothingSentFor(String number, int sentBefore) {
		assertThat(sms.sent()).hasSize(sentBefore).noneMatch(sent -> sent.to().equals(number));
		assertThat(jdbc.queryForObject("select count(*) from verification_challenge where account_id = ?",
				Integer.class, employee.id()))
			.isZero();
		assertThat(jdbc.queryForObject("select count(*) from verification_code where account_id = ?", Integer.class,
				employee.id()))
			.isZero();
	}

	private long phoneIdOf(SignedInUser person) {
		return jdbc.queryForObject("select id from security_method where account_id = ? and type = 'PHONE'",
				Long.class, person.id());
	}

	/** The options of a select, as rendered. */
	static List<String> options(String html, String selectName) {
		Matcher select = Pattern.compile("<select[^>]*name=\"" + selectName + "\"[^>]*>(.*?)</select>", Pattern.DOTALL)
			.matcher(html);
		assertThat(select.find()).as("a select named %s", selectName).isTrue();
		return Pattern.compile("<option[^>]*>[^<]*</option>").matcher(select.group(1)).results()
			.map(match -> match.group())
			.toList();
	}

}
