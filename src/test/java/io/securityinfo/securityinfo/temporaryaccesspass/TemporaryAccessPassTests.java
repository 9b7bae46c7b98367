package io.securityinfo.securityinfo.temporaryaccesspass;

import static io.securityinfo.Pages.doesNotShow;
import static io.securityinfo.Pages.shows;
import static io.securityinfo.Pages.signedIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
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
import org.springframework.test.web.servlet.ResultActions;

import io.securityinfo.AppTest;
import io.securityinfo.TestBrowser;
import io.securityinfo.account.Accounts;
import io.securityinfo.account.SignedInUser;
import io.securityinfo.email.CapturingEmailGateway;
import io.securityinfo.account.TestAccounts;
import io.securityinfo.phone.PhoneNumbers;
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
import io.securityinfo.sms.CapturingSmsGateway;
import io.securityinfo.system.TestClock;

/**
 * The Temporary Access Pass through its pages: an administrator creates one (shown once, only its hash kept, the
 * lifetime within the policy's range, one per person), the person signs in with it instead of the password and
 * registers new methods while it lasts and not after; each refusal says why; wrong passes count toward the sign-in
 * throttle; creation is audited and mailed, deletion audited.
 */
@AppTest
class TemporaryAccessPassTests extends PolicyFixture {

	private static final Pattern PASS = Pattern.compile("<code id=\"pass\">([^<]+)</code>");

	@Autowired
	SecurityInfo securityInfo;

	@Autowired
	TwoStepPolicy twoStepPolicy;

	@Autowired
	TemporaryAccessPasses passes;

	SignedInUser person;

	@BeforeEach
	void newPeople() {
		person = newEmployee();
		jdbc.update("delete from sign_in_throttle");
	}

	@AfterEach
	void restoreTwoStepAndPassSettings() {
		TestPolicies.restoreTwoStep(admin.id(), twoStepPolicy);
		jdbc.update("delete from temporary_access_pass_policy");
	}

	@Test
	void createWhenAnAdministratorAsksThenThePassIsShownOnceKeptAsAHashAuditedAndMailed() throws Exception {
		mvc.perform(get("/admin/users/{id}/temporary-access-pass", person.id()).with(signedIn(admin)))
			.andExpect(status().isOk())
			.andExpect(shows("value=\"60\""));

		String pass = create(60, null, true);

		assertThat(pass).matches("[A-Za-z2-9]{8}");
		String hash = jdbc.queryForObject("select pass_hash from temporary_access_pass where account_id = ?",
				String.class, person.id());
		assertThat(hash).doesNotContain(pass).startsWith("{bcrypt}");
		mvc.perform(get("/admin/users/{id}/temporary-access-pass", person.id()).with(signedIn(admin)))
			.andExpect(shows("Valid"))
			.andExpect(doesNotShow(pass));
		assertThat(jdbc.queryForList("select action from audit_event where subject_account_id = ? and actor_account_id = ?",
				String.class, person.id(), admin.id())).contains("TEMPORARY_ACCESS_PASS_CREATED");
		CapturingEmailGateway.Sent mail = lastMailTo(person.email());
		assertThat(mail.subject()).isEqualTo("An administrator created a Temporary Access Pass for you");
		assertThat(mail.body()).doesNotContain(pass).contains("valid once from");
	}

	@Test
	void createWhenLifetimeOutsideThePolicysRangeThenRefusedBesideTheField() throws Exception {
		creating(9, null, true).andExpect(status().isOk()).andExpect(shows("Choose a lifetime from 10 to 480 minutes."));
		creating(481, null, true).andExpect(status().isOk()).andExpect(shows("Choose a lifetime from 10 to 480 minutes."));
		assertThat(passes.current(person.id())).isEmpty();

		passes.saveRules(admin.id(), new TemporaryAccessPassRules(30, 120, 60, 12, false));
		creating(20, null, true).andExpect(shows("Choose a lifetime from 30 to 120 minutes."));

		String pass = create(120, null, false);
		assertThat(pass).hasSize(12);
	}

	@Test
	void createWhenThePersonHasAPassThenRefusedUntilDeleted() throws Exception {
		create(60, null, true);

		creating(60, null, true).andExpect(shows("Delete pass")).andExpect(doesNotShow("Temporary Access Pass created"));
		assertThatThrownBy(() -> passes.create(admin.id(), person.id(), 60, null, true))
			.isInstanceOf(TemporaryAccessPasses.PassRefusedException.class);

		assertThat(passes.delete(admin.id(), person.id())).isTrue();
		assertThat(create(60, null, true)).isNotEmpty();
	}

	@Test
	void signInWhenThePassIsValidThenSecurityInfoSaysUntilWhenAndMethodsCanBeAddedUntilItEnds() throws Exception {
		String phone = TestPhoneNumbers.nextDutchMobile();
		securityInfo.register(person.id(), "PHONE", phone, PhoneModes.TEXT);
		twoStepPolicy.save(admin.id(), new TwoStepRules(true, true, Set.of()));
		String pass = create(60, null, false);
		String ends = LocalDateTime.ofInstant(clock.instant().plus(Duration.ofMinutes(60)), ZoneOffset.UTC)
			.truncatedTo(ChronoUnit.MINUTES)
			.toString()
			.replace('T', ' ');

		TestBrowser browser = new TestBrowser(mvc);
		signIn(browser, person.email(), pass).andExpect(redirectedUrl("/security-info"));

		browser.perform(get("/security-info"))
			.andExpect(status().isOk())
			.andExpect(shows("You signed in with a Temporary Access Pass. It lasts until " + ends + " UTC"));
		browser.perform(get("/")).andExpect(status().isOk());
		clock.advance(Duration.ofMinutes(50));
		browser.perform(post("/security-info/recovery-codes").with(csrf()))
			.andExpect(status().isOk())
			.andExpect(shows("Your recovery codes"));
		assertThat(jdbc.queryForList("select action from audit_event where subject_account_id = ?", String.class,
				person.id())).contains("TEMPORARY_ACCESS_PASS_USED", "METHOD_ADDED");

		clock.advance(Duration.ofMinutes(11));
		browser.perform(post("/security-info/recovery-codes").with(csrf())).andExpect(redirectedUrl("/two-step"));
		browser.perform(get("/security-info/add")).andExpect(redirectedUrl("/two-step"));
	}

	@Test
	void journeyWhenTheOnlyPhoneIsLostThenAPassLetsThePersonAddANewPhoneAndRecoveryCodesAllAuditedAndMailed()
			throws Exception {
		securityInfo.register(person.id(), "PHONE", TestPhoneNumbers.nextDutchMobile(), PhoneModes.TEXT);
		twoStepPolicy.save(admin.id(), new TwoStepRules(true, true, Set.of()));
		String pass = create(60, null, true);
		TestBrowser browser = new TestBrowser(mvc);
		signIn(browser, person.email(), pass).andExpect(redirectedUrl("/security-info"));

		String newPhone = TestPhoneNumbers.nextDutchMobile();
		String codePage = browser.perform(post("/security-info/alternate-phone").param("region", "NL")
			.param("number", TestPhoneNumbers.national(newPhone))
			.param("mode", "CALL")
			.with(csrf())).andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
		browser.perform(post(codePage).param("code", sms.lastCodeTo(newPhone)).with(csrf()))
			.andExpect(redirectedUrl(codePage + "/done"));
		browser.perform(post("/security-info/recovery-codes").with(csrf())).andExpect(shows("Your recovery codes"));

		assertThat(jdbc.queryForList("select action || coalesce(' ' || method_type, '') from audit_event "
				+ "where subject_account_id = ? and action not in ('CODE_SENT', 'CODE_VERIFIED') order by id",
				String.class, person.id()))
			.containsSubsequence("TEMPORARY_ACCESS_PASS_CREATED TEMPORARY_ACCESS_PASS",
					"TEMPORARY_ACCESS_PASS_USED TEMPORARY_ACCESS_PASS", "METHOD_ADDED ALTERNATE_PHONE",
					"METHOD_ADDED RECOVERY_CODES");
		assertThat(email.sentTo(person.email())).extracting(CapturingEmailGateway.Sent::subject)
			.contains("An administrator created a Temporary Access Pass for you");
		assertThat(email.sentTo(person.email())).extracting(CapturingEmailGateway.Sent::body)
			.anyMatch(body -> body.contains("Alternate phone added"))
			.anyMatch(body -> body.contains("Recovery codes added"));

		clock.advance(Duration.ofMinutes(61));
		TestBrowser later = new TestBrowser(mvc);
		later.perform(post("/login").param("email", person.email())
			.param("password", TestAccounts.PASSWORD)
			.with(csrf())).andExpect(redirectedUrl("/two-step"));
		later.perform(get("/two-step/other"))
			.andExpect(shows("Use a recovery code"))
			.andExpect(shows(PhoneNumbers.mask(newPhone)));
	}

	@Test
	void signInWhenThePassIsWrongThenRefusedAndCountedTowardTheThrottle() throws Exception {
		create(60, null, true);

		for (int i = 0; i < 10; i++) {
			signIn(new TestBrowser(mvc), person.email(), "WrongPass").andExpect(status().isOk())
				.andExpect(shows("That email and pass don&#39;t match."));
		}
		signIn(new TestBrowser(mvc), person.email(), "WrongPass").andExpect(shows("Too many"));
		signIn(new TestBrowser(mvc), "nobody-" + System.nanoTime() + "@example.com", "WrongPass")
			.andExpect(shows("That email and pass don&#39;t match."));
	}

	@Test
	void signInWhenNotYetValidThenRefusedSayingWhenItStarts() throws Exception {
		LocalDateTime later = LocalDateTime.ofInstant(clock.instant().plus(Duration.ofHours(2)), ZoneOffset.UTC)
			.truncatedTo(ChronoUnit.MINUTES);
		String pass = create(60, later, true);

		signIn(new TestBrowser(mvc), person.email(), pass)
			.andExpect(shows("This pass can&#39;t be used yet: it starts at " + later.toString().replace('T', ' ')
					+ " UTC."));

		clock.advance(Duration.ofHours(2));
		signIn(new TestBrowser(mvc), person.email(), pass).andExpect(redirectedUrl("/security-info"));
	}

	@Test
	void signInWhenExpiredThenRefused() throws Exception {
		String pass = create(10, null, false);
		clock.advance(Duration.ofMinutes(9).plusSeconds(59));
		signIn(new TestBrowser(mvc), person.email(), pass).andExpect(redirectedUrl("/security-info"));

		clock.advance(Duration.ofSeconds(1));

		signIn(new TestBrowser(mvc), person.email(), pass).andExpect(shows("This pass has expired."));
	}

	@Test
	void signInWhenOneTimePassWasUsedThenRefusedAndAReusableOneSignsInAgain() throws Exception {
		String pass = create(60, null, true);
		signIn(new TestBrowser(mvc), person.email(), pass).andExpect(redirectedUrl("/security-info"));

		signIn(new TestBrowser(mvc), person.email(), pass)
			.andExpect(shows("This pass was already used, and it works only once."));

		mvc.perform(post("/admin/users/{id}/temporary-access-pass/delete", person.id()).with(signedIn(admin))
			.with(csrf())).andExpect(redirectedUrl("/admin/users/" + person.id() + "/temporary-access-pass"));
		String reusable = create(60, null, false);
		signIn(new TestBrowser(mvc), person.email(), reusable).andExpect(redirectedUrl("/security-info"));
		signIn(new TestBrowser(mvc), person.email(), reusable).andExpect(redirectedUrl("/security-info"));
		assertThat(jdbc.queryForList("select action from audit_event where subject_account_id = ? "
				+ "and action like 'TEMPORARY_ACCESS_PASS%' order by id", String.class, person.id()))
			.containsExactly("TEMPORARY_ACCESS_PASS_CREATED", "TEMPORARY_ACCESS_PASS_USED",
					"TEMPORARY_ACCESS_PASS_DELETED", "TEMPORARY_ACCESS_PASS_CREATED", "TEMPORARY_ACCESS_PASS_USED",
					"TEMPORARY_ACCESS_PASS_USED");
	}

	@Test
	void signInWhenThePolicySwitchesPassesOffThenRefused() throws Exception {
		String pass = create(60, null, false);
		methodPolicy.save(admin.id(), List.of(TestPolicies.off(TemporaryAccessPassMethodType.AUTHENTICATION_METHOD)));

		signIn(new TestBrowser(mvc), person.email(), pass)
			.andExpect(shows("Your organization doesn&#39;t allow you to sign in with a Temporary Access Pass."));
		mvc.perform(post("/admin/users/{id}/temporary-access-pass/delete", person.id()).with(signedIn(admin))
			.with(csrf()));
		mvc.perform(get("/admin/users/{id}/temporary-access-pass", person.id()).with(signedIn(admin)))
			.andExpect(shows("Temporary Access Passes are off for this person"));
	}

	@Test
	void settingsWhenSavedThenNewPassesFollowThemAndOutOfRangeValuesAreRefused() throws Exception {
		mvc.perform(post("/admin/methods/temporary-access-pass").param("minLifetimeMinutes", "60")
			.param("maxLifetimeMinutes", "30")
			.param("defaultLifetimeMinutes", "45")
			.param("length", "49")
			.with(signedIn(admin))
			.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(shows("The longest lifetime can&#39;t be shorter than the shortest."))
			.andExpect(shows("Enter a length from 8 to 48 characters."))
			.andExpect(doesNotShow("Saved"));

		mvc.perform(post("/admin/methods/temporary-access-pass").param("minLifetimeMinutes", "15")
			.param("maxLifetimeMinutes", "240")
			.param("defaultLifetimeMinutes", "30")
			.param("length", "48")
			.with(signedIn(admin))
			.with(csrf())).andExpect(redirectedUrl("/admin/methods/temporary-access-pass"));

		assertThat(passes.rules()).isEqualTo(new TemporaryAccessPassRules(15, 240, 30, 48, false));
		assertThat(jdbc.queryForList("select facts from audit_event where actor_account_id = ? "
				+ "and action = 'METHOD_POLICY_CHANGED' and method_type = 'TEMPORARY_ACCESS_PASS'", String.class, admin.id()))
			.containsExactly("pass-lifetime=15-240&pass-default-lifetime=30&pass-length=48&one-time=0");
		mvc.perform(get("/admin/audit").with(signedIn(admin)))
			.andExpect(shows("Temporary Access Pass; passes last 15 to 240 min; proposed 30 min; 48 characters; reusable"));
		assertThat(create(30, null, false)).hasSize(48);
	}

	private String create(int lifetimeMinutes, LocalDateTime startsAt, boolean oneTime) throws Exception {
		String page = creating(lifetimeMinutes, startsAt, oneTime).andExpect(status().isOk())
			.andExpect(shows("Temporary Access Pass created"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		Matcher pass = PASS.matcher(page);
		assertThat(pass.find()).isTrue();
		return pass.group(1);
	}

	private ResultActions creating(int lifetimeMinutes, LocalDateTime startsAt, boolean oneTime) throws Exception {
		return mvc.perform(post("/admin/users/{id}/temporary-access-pass", person.id())
			.param("lifetimeMinutes", String.valueOf(lifetimeMinutes))
			.param("startLater", String.valueOf(startsAt != null))
			.param("startsAt", startsAt == null ? "" : startsAt.toString())
			.param("oneTime", String.valueOf(oneTime))
			.with(signedIn(admin))
			.with(csrf()));
	}

	private static ResultActions signIn(TestBrowser browser, String email, String pass) throws Exception {
		return browser.perform(post("/login/temporary-access-pass").param("email", email)
			.param("pass", pass)
			.with(csrf()));
	}

	private CapturingEmailGateway.Sent lastMailTo(String address) {
		List<CapturingEmailGateway.Sent> sent = email.sentTo(address);
		assertThat(sent).isNotEmpty();
		return sent.get(sent.size() - 1);
	}

}
