package io.securityinfo.securityinfo.recoverycodes;

import static io.securityinfo.Pages.doesNotShow;
import static io.securityinfo.Pages.shows;
import static io.securityinfo.Pages.signedIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import io.securityinfo.AppTest;
import io.securityinfo.TestBrowser;
import io.securityinfo.account.Accounts;
import io.securityinfo.account.SignedInUser;
import io.securityinfo.account.TestAccounts;
import io.securityinfo.email.CapturingEmailGateway;
import io.securityinfo.phone.TestPhoneNumbers;
import io.securityinfo.policy.PolicyFixture;
import io.securityinfo.policy.MethodPolicy;
import io.securityinfo.policy.PhonePolicy;
import io.securityinfo.policy.RegistrationPolicy;
import io.securityinfo.policy.TestPolicies;
import io.securityinfo.policy.TwoStepPolicy;
import io.securityinfo.policy.TwoStepRules;
import io.securityinfo.securityinfo.SecurityInfo;
import io.securityinfo.securityinfo.phone.PhoneModes;

/**
 * Recovery codes through their pages: a set of ten shown once, only hashes kept, the download the same as the page,
 * a new set ending the old one, a code as the second step at sign-in (once only), never the default, and the policy
 * switching them off.
 */
@AppTest
class RecoveryCodesTests extends PolicyFixture {

	private static final Pattern CODE = Pattern.compile("<code>([0-9a-z]{5}-[0-9a-z]{5})</code>");

	@Autowired
	SecurityInfo securityInfo;

	@Autowired
	TwoStepPolicy twoStepPolicy;

	SignedInUser person;

	@BeforeEach
	void newPerson() {
		person = newEmployee();
	}

	@AfterEach
	void restoreTwoStep() {
		TestPolicies.restoreTwoStep(admin.id(), twoStepPolicy);
	}

	@Test
	void generateWhenAskedThenTenCodesOfFiftyBitsAreShownOnceAndOnlyTheirHashesAreKept() throws Exception {
		List<String> codes = generate();

		assertThat(codes).hasSize(10).doesNotHaveDuplicates().allMatch(code -> code.matches("[0-9a-z]{5}-[0-9a-z]{5}"));
		List<String> stored = storedHashes();
		assertThat(stored).hasSize(10);
		for (String code : codes) {
			assertThat(stored).noneMatch(hash -> hash.contains(code) || hash.contains(code.replace("-", "")));
		}
		mvc.perform(get("/security-info/recovery-codes").with(signedIn(person)))
			.andExpect(status().isOk())
			.andExpect(shows("10 codes left of 10."))
			.andExpect(doesNotShow(codes.get(0)));
		assertThat(audited("METHOD_ADDED")).containsExactly("RECOVERY_CODES");
		assertThat(lastMailTo(person.email())).contains("Recovery codes added");
	}

	@Test
	void downloadWhenCodesWereShownThenTheFileHoldsExactlyThoseCodes() throws Exception {
		List<String> codes = generate();
		MockHttpServletRequestBuilder download = post("/security-info/recovery-codes/download").with(signedIn(person))
			.with(csrf());
		codes.forEach(code -> download.param("codes", code));

		byte[] file = mvc.perform(download)
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Disposition", "attachment; filename=\"recovery-codes.txt\""))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();

		assertThat(new String(file, StandardCharsets.UTF_8).lines().toList()).isEqualTo(codes);
	}

	@Test
	void savedWhenNotTickedThenTheSameCodesAgainWithTheMessageAndWhenTickedThenSecurityInfo() throws Exception {
		List<String> codes = generate();
		MockHttpServletRequestBuilder notTicked = post("/security-info/recovery-codes/saved").with(signedIn(person))
			.with(csrf());
		codes.forEach(code -> notTicked.param("codes", code));
		String page = mvc.perform(notTicked)
			.andExpect(status().isOk())
			.andExpect(shows("you won&#39;t see them again"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(codesIn(page)).isEqualTo(codes);

		mvc.perform(post("/security-info/recovery-codes/saved").param("saved", "true")
			.with(signedIn(person))
			.with(csrf())).andExpect(redirectedUrl("/security-info"));
	}

	@Test
	void generateWhenASetExistsThenTheOldCodesStopWorking() throws Exception {
		List<String> first = generate();
		List<String> second = generate();

		assertThat(securityInfoCodes().use(person.id(), first.get(0))).isFalse();
		assertThat(storedHashes()).hasSize(10);
		assertThat(securityInfoCodes().use(person.id(), second.get(0))).isTrue();
		assertThat(audited("METHOD_CHANGED")).containsExactly("RECOVERY_CODES");
	}

	@Test
	void signInWhenTwoStepRequiredThenARecoveryCodeGivesTheSecondStepOnceAndNeverBecomesTheDefault() throws Exception {
		String phone = TestPhoneNumbers.nextDutchMobile();
		securityInfo.register(person.id(), "PHONE", phone, PhoneModes.TEXT);
		List<String> codes = generate();
		assertThat(securityInfo.defaultChoices(person.id())).extracting(choice -> choice.mode().name())
			.doesNotContain("RECOVERY_CODE");
		twoStepPolicy.save(admin.id(), new TwoStepRules(true, true, Set.of()));

		TestBrowser browser = signInWithPassword();
		browser.perform(get("/two-step/other"))
			.andExpect(shows("Use a recovery code"));
		String recovery = securityInfo.signInOptions(person.id())
			.stream()
			.filter(option -> option.mode().name().equals("RECOVERY_CODE"))
			.findFirst()
			.orElseThrow()
			.value();
		browser.perform(post("/two-step/method").param("choice", recovery).with(csrf()))
			.andExpect(redirectedUrl("/two-step"));
		browser.perform(get("/two-step")).andExpect(shows("Enter one of your recovery codes to sign in."));
		browser.perform(post("/two-step").param("code", "not a code").with(csrf()))
			.andExpect(redirectedUrl("/two-step"));
		browser.perform(get("/two-step")).andExpect(shows("A recovery code has 10 letters and digits"));

		browser.perform(post("/two-step").param("code", codes.get(3).toUpperCase()).with(csrf()))
			.andExpect(redirectedUrl("/"));

		browser.perform(get("/")).andExpect(status().isOk());
		assertThat(audited("RECOVERY_CODE_USED")).containsExactly("RECOVERY_CODES");
		assertThat(lastMailTo(person.email())).contains("Recovery code used; 9 codes left");

		TestBrowser again = signInWithPassword();
		again.perform(post("/two-step/method").param("choice", recovery).with(csrf()));
		again.perform(post("/two-step").param("code", codes.get(3)).with(csrf())).andExpect(redirectedUrl("/two-step"));
		again.perform(get("/two-step")).andExpect(shows("That recovery code didn&#39;t work."));
		again.perform(get("/")).andExpect(redirectedUrl("/two-step"));
	}

	@Test
	void pageWhenTwoOrFewerLeftThenItWarns() throws Exception {
		List<String> codes = generate();
		for (String code : codes.subList(0, 8)) {
			assertThat(securityInfoCodes().use(person.id(), code)).isTrue();
		}

		mvc.perform(get("/security-info/recovery-codes").with(signedIn(person)))
			.andExpect(shows("2 codes left of 10."))
			.andExpect(shows("You&#39;re running out of recovery codes."));
	}

	@Test
	void generateWhenPolicySwitchesThemOffThenRefused() throws Exception {
		methodPolicy.save(admin.id(), List.of(TestPolicies.off(RecoveryCodesMethodType.AUTHENTICATION_METHOD)));

		mvc.perform(post("/security-info/recovery-codes").with(signedIn(person)).with(csrf()))
			.andExpect(redirectedUrl("/security-info/add"));

		assertThat(storedHashes()).isEmpty();
		mvc.perform(get("/security-info/add").with(signedIn(person))).andExpect(doesNotShow("Recovery codes"));
	}

	@Autowired
	RecoveryCodes recoveryCodes;

	private RecoveryCodes securityInfoCodes() {
		return recoveryCodes;
	}

	private List<String> generate() throws Exception {
		String page = mvc.perform(post("/security-info/recovery-codes").with(signedIn(person)).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(shows("This is the only time they&#39;re shown."))
			.andReturn()
			.getResponse()
			.getContentAsString();
		return codesIn(page);
	}

	private static List<String> codesIn(String page) {
		Matcher matcher = CODE.matcher(page);
		List<String> codes = new java.util.ArrayList<>();
		while (matcher.find()) {
			codes.add(matcher.group(1));
		}
		return codes;
	}

	private TestBrowser signInWithPassword() throws Exception {
		TestBrowser browser = new TestBrowser(mvc);
		browser.perform(post("/login").param("email", person.email())
			.param("password", TestAccounts.PASSWORD)
			.with(csrf())).andExpect(redirectedUrl("/two-step"));
		return browser;
	}

	private List<String> storedHashes() {
		return jdbc.queryForList("""
				select c.code_hash from recovery_code c join security_method m on m.id = c.method_id
				where m.account_id = ?""", String.class, person.id());
	}

	private String lastMailTo(String address) {
		List<CapturingEmailGateway.Sent> sent = email.sentTo(address);
		assertThat(sent).isNotEmpty();
		return sent.get(sent.size() - 1).body();
	}

	private List<String> audited(String action) {
		return jdbc.queryForList("select method_type from audit_event where subject_account_id = ? and action = ? "
				+ "order by id", String.class, person.id(), action);
	}

}
