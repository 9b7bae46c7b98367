package io.securityinfo.securityinfo.passkey;

import static io.securityinfo.Pages.shows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.webauthn4j.converter.util.ObjectConverter;
import com.webauthn4j.data.attestation.authenticator.COSEKey;

import tools.jackson.databind.json.JsonMapper;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import io.securityinfo.AppTest;
import io.securityinfo.TestBrowser;
import io.securityinfo.account.Accounts;
import io.securityinfo.account.SignedInUser;
import io.securityinfo.account.TestAccounts;
import io.securityinfo.email.CapturingEmailGateway;
import io.securityinfo.passkey.SoftwareAuthenticator;
import io.securityinfo.policy.TestPolicies;
import io.securityinfo.policy.TwoStepPolicy;
import io.securityinfo.policy.TwoStepRules;
import io.securityinfo.securityinfo.SecurityInfo;
import io.securityinfo.system.TestClock;

/**
 * Passkeys against the real app, through the endpoints the page's script uses, answered by a software authenticator
 * with real keys and signatures: registering on Security info, signing in with a passkey alone, as the second step
 * after a password and at step-up, renaming, deleting, the cap; and the answers the server must refuse.
 */
@AppTest
class PasskeyTests {

	static final String ORIGIN = "http://localhost:8080";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	MockMvc mvc;

	@Autowired
	Accounts accounts;

	@Autowired
	UserDetailsService users;

	@Autowired
	SecurityInfo securityInfo;

	@Autowired
	TwoStepPolicy twoStepPolicy;

	@Autowired
	CapturingEmailGateway mail;

	@Autowired
	TestClock clock;

	@Autowired
	JdbcTemplate jdbc;

	SignedInUser admin;

	SignedInUser person;

	SoftwareAuthenticator authenticator;

	@BeforeEach
	void createPerson() {
		admin = TestAccounts.newAdmin(accounts, users);
		person = TestAccounts.newEmployee(accounts, users);
		authenticator = new SoftwareAuthenticator(ORIGIN);
	}

	@AfterEach
	void restorePolicy() {
		TestPolicies.restoreTwoStep(admin.id(), twoStepPolicy);
	}

	// Registering

	@Test
	void registerWhenTheAuthenticatorAnswersThenListedWithItsNameAndTheMethodIsTheDefault() throws Exception {
		TestBrowser browser = signedInWithPassword(person);

		register(browser, authenticator, "Work laptop").andExpect(status().isOk())
			.andExpect(jsonPath("$.redirectUrl").value("/security-info/passkey?added=1"));

		browser.perform(get("/security-info/passkey?added=1"))
			.andExpect(status().isOk())
			.andExpect(shows("Your passkey was added."))
			.andExpect(shows("Work laptop"))
			.andExpect(shows("Not used yet"));
		assertThat(securityInfo.overview(person.id()).defaultMethod().typeNameKey())
			.isEqualTo("method.type.PASSKEY.name");
		assertThat(actions(person)).contains("METHOD_ADDED", "DEFAULT_METHOD_CHANGED");
		assertThat(mail.sentTo(person.email())).extracting(CapturingEmailGateway.Sent::body)
			.anySatisfy(body -> assertThat(body).contains("Passkey added"));
	}

	@Test
	void registerWhenASecondPasskeyThenToldWithItsNameAndBothListed() throws Exception {
		TestBrowser browser = signedInWithPassword(person);
		register(browser, authenticator, "Phone").andExpect(status().isOk());

		register(browser, new SoftwareAuthenticator(ORIGIN), "Security key").andExpect(status().isOk());

		browser.perform(get("/security-info/passkey")).andExpect(shows("Phone")).andExpect(shows("Security key"));
		assertThat(audit(person, "METHOD_ADDED")).contains("Security key");
		assertThat(mail.sentTo(person.email())).extracting(CapturingEmailGateway.Sent::body)
			.anySatisfy(body -> assertThat(body).contains("Passkey added: Security key"));
	}

	@Test
	void registerWhenTheRegistrationInterruptAsksThenThePasskeyIsAddedThereWithItsScript() throws Exception {
		accounts.requireRegistration(admin.id(), person.id());
		TestBrowser browser = signedInWithPassword(person);
		browser.perform(get("/")).andExpect(redirectedUrl("/security-info/interrupt"));

		browser.perform(get("/js/passkey.js")).andExpect(status().isOk());
		browser.perform(get("/security-info/passkey")).andExpect(redirectedUrl("/security-info/passkey/new"));
		register(browser, authenticator, "Phone").andExpect(status().isOk());

		assertThat(credentials(person)).isOne();
	}

	@Test
	void registerWhenSignedOutThenNoPromptAndNothingKept() throws Exception {
		TestBrowser browser = new TestBrowser(mvc);

		browser.perform(post("/webauthn/register/options").with(csrf())).andExpect(status().is4xxClientError());
		browser.perform(post("/security-info/passkey").contentType(MediaType.APPLICATION_JSON)
			.content("{}")
			.with(csrf())).andExpect(redirectedUrl("/login"));
	}

	@Test
	void registerWhenWithoutCsrfTokenThenRefused() throws Exception {
		TestBrowser browser = signedInWithPassword(person);
		String options = body(browser.perform(post("/webauthn/register/options").with(csrf())));

		browser.perform(post("/security-info/passkey").contentType(MediaType.APPLICATION_JSON)
			.content(registration(authenticator.register(options), "No token"))).andExpect(status().isForbidden());
		assertThat(credentials(person)).isZero();
	}

	@Test
	void springSecuritysOwnRegistrationEndpointsWhenCalledThenClosed() throws Exception {
		TestBrowser browser = signedInWithPassword(person);
		String options = body(browser.perform(post("/webauthn/register/options").with(csrf())));

		browser.perform(post("/webauthn/register").contentType(MediaType.APPLICATION_JSON)
			.content("{\"publicKey\":{\"credential\":" + authenticator.register(options) + ",\"label\":\"x\"}}")
			.with(csrf())).andExpect(status().isForbidden());
		assertThat(credentials(person)).isZero();
	}

	@Test
	void registerWhenTheCapIsReachedThenRefusedAndTheAddPageSaysSo() throws Exception {
		TestBrowser browser = signedInWithPassword(person);
		for (int i = 1; i <= 10; i++) {
			register(browser, new SoftwareAuthenticator(ORIGIN), "Key " + i).andExpect(status().isOk());
		}

		register(browser, new SoftwareAuthenticator(ORIGIN), "Key 11").andExpect(status().isConflict())
			.andExpect(jsonPath("$.problem").value("You have 10 passkeys, the most you can keep. Delete one to add another."));
		browser.perform(get("/security-info/passkey/new")).andExpect(redirectedUrl("/security-info/passkey"));
		browser.perform(get("/security-info/passkey"))
			.andExpect(shows("You have 10 passkeys, the most you can keep."));
		assertThat(credentials(person)).isEqualTo(10);
	}

	@Test
	void registerWhenFromAnotherOriginThenRefused() throws Exception {
		TestBrowser browser = signedInWithPassword(person);

		register(browser, authenticator.origin("https://login.example-phish.test"), "Phished")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.problem").value("The passkey couldn't be verified. Choose Next to try again."));
		assertThat(credentials(person)).isZero();
	}

	@Test
	void registerWhenForAnotherRelyingPartyThenRefused() throws Exception {
		TestBrowser browser = signedInWithPassword(person);

		register(browser, authenticator.relyingPartyId("example.org"), "Elsewhere").andExpect(status().isBadRequest());
		assertThat(credentials(person)).isZero();
	}

	@Test
	void registerWhenWithoutUserVerificationThenRefused() throws Exception {
		TestBrowser browser = signedInWithPassword(person);

		register(browser, authenticator.withoutUserVerification(), "No PIN").andExpect(status().isBadRequest());
		assertThat(credentials(person)).isZero();
	}

	@Test
	void registerWhenThePromptIsOlderThanFiveMinutesThenRefused() throws Exception {
		TestBrowser browser = signedInWithPassword(person);
		String options = body(browser.perform(post("/webauthn/register/options").with(csrf())));
		String credential = authenticator.register(options);
		clock.advance(Duration.ofMinutes(5).plusSeconds(1));
		browser = stepUpWithPassword(browser, person);

		browser.perform(post("/security-info/passkey").contentType(MediaType.APPLICATION_JSON)
			.content(registration(credential, "Late"))
			.with(csrf())).andExpect(status().isBadRequest());
		assertThat(credentials(person)).isZero();
	}

	@Test
	void registerWhenTheSameAnswerIsPostedAgainThenTheUsedPromptRefusesIt() throws Exception {
		TestBrowser browser = signedInWithPassword(person);
		String options = body(browser.perform(post("/webauthn/register/options").with(csrf())));
		String credential = authenticator.register(options);
		browser.perform(post("/security-info/passkey").contentType(MediaType.APPLICATION_JSON)
			.content(registration(credential, "Once"))
			.with(csrf())).andExpect(status().isOk());

		browser.perform(post("/security-info/passkey").contentType(MediaType.APPLICATION_JSON)
			.content(registration(credential, "Twice"))
			.with(csrf())).andExpect(status().isBadRequest());
		assertThat(credentials(person)).isOne();
	}

	@Test
	void databaseWhenAPasskeyIsKeptThenItsPublicKeyAloneNothingSecret() throws Exception {
		register(signedInWithPassword(person), authenticator, "Laptop").andExpect(status().isOk());

		Map<String, Object> row = jdbc.queryForMap("""
				select c.* from user_credentials c join user_entities u on u.id = c.user_entity_user_id
				where u.name = ?""", person.email());
		COSEKey key = new ObjectConverter().getCborConverter().readValue((byte[]) row.get("PUBLIC_KEY"), COSEKey.class);
		assertThat(key.hasPublicKey()).isTrue();
		assertThat(key.hasPrivateKey()).isFalse();
		assertThat(row.get("UV_INITIALIZED")).isEqualTo(true);
		assertThat(row).containsKeys("SIGNATURE_COUNT", "BACKUP_ELIGIBLE", "BACKUP_STATE");
		assertThat(row.get("LABEL")).isEqualTo("Laptop");
	}

	// Signing in

	@Test
	void signInWhenOnlyAPasskeyThenSignedInWithoutPasswordAndStepUpIsSatisfied() throws Exception {
		register(signedInWithPassword(person), authenticator, "Phone").andExpect(status().isOk());
		TestBrowser browser = new TestBrowser(mvc);

		signInWithPasskey(browser, authenticator).andExpect(status().isOk())
			.andExpect(jsonPath("$.authenticated").value(true))
			.andExpect(jsonPath("$.redirectUrl").value("/"));

		browser.perform(get("/security-info")).andExpect(status().isOk()).andExpect(shows("Passkey"));
		browser.perform(get("/security-info/add")).andExpect(status().isOk()).andExpect(shows("Add a method"));
		assertThat(actions(person)).contains("PASSKEY_SIGN_IN");
		assertThat(mail.sentTo(person.email())).extracting(CapturingEmailGateway.Sent::subject)
			.contains("You signed in with a passkey");
		browser.perform(get("/security-info/passkey")).andExpect(shows("Phone")).andExpect(status().isOk());
		assertThat(jdbc.queryForObject("""
				select count(*) from user_credentials c join user_entities u on u.id = c.user_entity_user_id
				where u.name = ? and c.last_used is not null and c.signature_count > 0""", Integer.class,
				person.email())).isOne();
	}

	@Test
	void signInWhenTwoStepIsRequiredThenThePasskeyAloneIsEnough() throws Exception {
		register(signedInWithPassword(person), authenticator, "Phone").andExpect(status().isOk());
		twoStepPolicy.save(admin.id(), new TwoStepRules(true, true, Set.of()));
		TestBrowser browser = new TestBrowser(mvc);

		signInWithPasskey(browser, authenticator).andExpect(status().isOk());

		browser.perform(get("/")).andExpect(status().isOk());
		browser.perform(get("/security-info")).andExpect(status().isOk());
	}

	@Test
	void secondStepWhenPasswordThenPasskeyThenSignedInToThePageAsked() throws Exception {
		register(signedInWithPassword(person), authenticator, "Phone").andExpect(status().isOk());
		twoStepPolicy.save(admin.id(), new TwoStepRules(true, true, Set.of()));
		TestBrowser browser = new TestBrowser(mvc);
		browser.perform(get("/security-info")).andExpect(redirectedUrl("/login"));
		browser.perform(post("/login").param("email", person.email())
			.param("password", TestAccounts.PASSWORD)
			.with(csrf())).andExpect(redirectedUrl("/two-step"));
		browser.perform(get("/security-info")).andExpect(redirectedUrl("/two-step"));
		browser.perform(get("/two-step")).andExpect(shows("Use your passkey to sign in."));

		signInWithPasskey(browser, authenticator).andExpect(status().isOk())
			.andExpect(jsonPath("$.redirectUrl").value("/security-info?continue"));

		browser.perform(get("/security-info")).andExpect(status().isOk());
	}

	@Test
	void secondStepWhenAnotherPersonsPasskeyThenRefusedAndStillWaiting() throws Exception {
		register(signedInWithPassword(person), authenticator, "Mine").andExpect(status().isOk());
		SignedInUser other = TestAccounts.newEmployee(accounts, users);
		SoftwareAuthenticator others = new SoftwareAuthenticator(ORIGIN);
		register(signedInWithPassword(other), others, "Theirs").andExpect(status().isOk());
		twoStepPolicy.save(admin.id(), new TwoStepRules(true, true, Set.of()));
		TestBrowser browser = new TestBrowser(mvc);
		browser.perform(post("/login").param("email", person.email())
			.param("password", TestAccounts.PASSWORD)
			.with(csrf())).andExpect(redirectedUrl("/two-step"));

		signInWithPasskey(browser, others.ignoringAllowList()).andExpect(status().isUnauthorized());

		browser.perform(get("/security-info")).andExpect(redirectedUrl("/two-step"));
	}

	@Test
	void stepUpWhenTheFactorIsOldThenThePasskeyGivesAFreshOne() throws Exception {
		TestBrowser browser = signedInWithPassword(person);
		register(browser, authenticator, "Phone").andExpect(status().isOk());
		clock.advance(Duration.ofMinutes(11));

		browser.perform(get("/security-info/add")).andExpect(redirectedUrl("/two-step"));
		browser.perform(get("/two-step")).andExpect(shows("Use your passkey to continue."));
		signInWithPasskey(browser, authenticator).andExpect(status().isOk())
			.andExpect(jsonPath("$.redirectUrl").value("/security-info/add?continue"));

		browser.perform(get("/security-info/add")).andExpect(status().isOk()).andExpect(shows("Add a method"));
	}

	@Test
	void signInWhenFromAnotherOriginThenRefused() throws Exception {
		register(signedInWithPassword(person), authenticator, "Phone").andExpect(status().isOk());
		TestBrowser browser = new TestBrowser(mvc);

		signInWithPasskey(browser, authenticator.origin("https://login.example-phish.test"))
			.andExpect(status().isUnauthorized());
		browser.perform(get("/security-info")).andExpect(redirectedUrl("/login"));
	}

	@Test
	void signInWhenForAnotherRelyingPartyThenRefused() throws Exception {
		register(signedInWithPassword(person), authenticator, "Phone").andExpect(status().isOk());

		signInWithPasskey(new TestBrowser(mvc), authenticator.relyingPartyId("example.org"))
			.andExpect(status().isUnauthorized());
	}

	@Test
	void signInWhenWithoutUserVerificationThenRefused() throws Exception {
		register(signedInWithPassword(person), authenticator, "Phone").andExpect(status().isOk());

		signInWithPasskey(new TestBrowser(mvc), authenticator.withoutUserVerification())
			.andExpect(status().isUnauthorized());
		assertThat(actions(person)).doesNotContain("PASSKEY_SIGN_IN");
	}

	@Test
	void signInWhenTheSameAnswerIsReplayedThenRefused() throws Exception {
		register(signedInWithPassword(person), authenticator, "Phone").andExpect(status().isOk());
		TestBrowser browser = new TestBrowser(mvc);
		String options = body(browser.perform(post("/webauthn/authenticate/options").with(csrf())));
		String assertion = authenticator.signIn(options);
		browser.perform(post("/login/webauthn").contentType(MediaType.APPLICATION_JSON)
			.content(assertion)
			.with(csrf())).andExpect(status().isOk());

		TestBrowser attacker = new TestBrowser(mvc);
		attacker.perform(post("/webauthn/authenticate/options").with(csrf()));
		attacker.perform(post("/login/webauthn").contentType(MediaType.APPLICATION_JSON)
			.content(assertion)
			.with(csrf())).andExpect(status().isUnauthorized());
		browser.perform(post("/login/webauthn").contentType(MediaType.APPLICATION_JSON)
			.content(assertion)
			.with(csrf())).andExpect(status().isUnauthorized());
	}

	@Test
	void signInWhenThePromptIsOlderThanFiveMinutesThenRefused() throws Exception {
		register(signedInWithPassword(person), authenticator, "Phone").andExpect(status().isOk());
		TestBrowser browser = new TestBrowser(mvc);
		String options = body(browser.perform(post("/webauthn/authenticate/options").with(csrf())));
		String assertion = authenticator.signIn(options);
		clock.advance(Duration.ofMinutes(5).plusSeconds(1));

		browser.perform(post("/login/webauthn").contentType(MediaType.APPLICATION_JSON)
			.content(assertion)
			.with(csrf())).andExpect(status().isUnauthorized());
	}

	@Test
	void signInWhenTheCounterGoesBackwardsThenRefusedKeptAndAuditedAsPossiblyCloned() throws Exception {
		register(signedInWithPassword(person), authenticator, "Phone").andExpect(status().isOk());
		signInWithPasskey(new TestBrowser(mvc), authenticator).andExpect(status().isOk());
		// The genuine authenticator has since signed 40 times; this one (a copy) is far behind.
		jdbc.update("""
				update user_credentials set signature_count = 40 where user_entity_user_id =
				(select id from user_entities where name = ?)""", person.email());

		TestBrowser browser = new TestBrowser(mvc);
		signInWithPasskey(browser, authenticator).andExpect(status().isUnauthorized());

		browser.perform(get("/security-info")).andExpect(redirectedUrl("/login"));
		assertThat(jdbc.queryForObject("""
				select signature_count from user_credentials where user_entity_user_id =
				(select id from user_entities where name = ?)""", Long.class, person.email())).isEqualTo(40);
		assertThat(audit(person, "PASSKEY_COUNTER_REGRESSED")).contains("Phone");
		assertThat(mail.sentTo(person.email())).extracting(CapturingEmailGateway.Sent::subject)
			.contains("A copy of your passkey may exist");
	}

	@Test
	void signInWhenThePasskeyWasDeletedThenRefused() throws Exception {
		TestBrowser browser = signedInWithPassword(person);
		register(browser, authenticator, "Phone").andExpect(status().isOk());
		browser.perform(post("/security-info/passkey/" + passkeyIds(person).get(0) + "/delete").with(csrf()))
			.andExpect(redirectedUrl("/security-info"));

		signInWithPasskey(new TestBrowser(mvc), authenticator).andExpect(status().isUnauthorized());
	}

	// Renaming and deleting

	@Test
	void renameWhenANewNameThenListedToldAndMailed() throws Exception {
		TestBrowser browser = signedInWithPassword(person);
		register(browser, authenticator, "Phone").andExpect(status().isOk());
		String id = passkeyIds(person).get(0);

		browser.perform(get("/security-info/passkey/" + id + "/rename")).andExpect(status().isOk());
		browser.perform(post("/security-info/passkey/" + id + "/rename").param("name", "  Pixel 9  ").with(csrf()))
			.andExpect(redirectedUrl("/security-info/passkey"));

		browser.perform(get("/security-info/passkey")).andExpect(shows("Pixel 9"));
		assertThat(audit(person, "METHOD_CHANGED")).contains("Pixel 9");
		assertThat(mail.sentTo(person.email())).extracting(CapturingEmailGateway.Sent::body)
			.anySatisfy(body -> assertThat(body).contains("Passkey changed, now: Pixel 9"));
	}

	@Test
	void renameWhenBlankThenTheFieldSaysSoAndTheNameStays() throws Exception {
		TestBrowser browser = signedInWithPassword(person);
		register(browser, authenticator, "Phone").andExpect(status().isOk());
		String id = passkeyIds(person).get(0);

		browser.perform(post("/security-info/passkey/" + id + "/rename").param("name", " ").with(csrf()))
			.andExpect(status().isOk())
			.andExpect(shows("Enter a name for the passkey."));
		browser.perform(get("/security-info/passkey")).andExpect(shows("Phone"));
	}

	@Test
	void renameWhenAnotherPersonsPasskeyThenNotFound() throws Exception {
		register(signedInWithPassword(person), authenticator, "Phone").andExpect(status().isOk());
		String id = passkeyIds(person).get(0);
		SignedInUser other = TestAccounts.newEmployee(accounts, users);
		TestBrowser browser = signedInWithPassword(other);

		browser.perform(post("/security-info/passkey/" + id + "/rename").param("name", "Mine now").with(csrf()))
			.andExpect(status().isNotFound());
		browser.perform(post("/security-info/passkey/" + id + "/delete").with(csrf()))
			.andExpect(status().isNotFound());
		assertThat(credentials(person)).isOne();
	}

	@Test
	void deleteWhenOneOfTwoThenTheOtherStaysAndTheMethodToo() throws Exception {
		TestBrowser browser = signedInWithPassword(person);
		register(browser, authenticator, "Phone").andExpect(status().isOk());
		register(browser, new SoftwareAuthenticator(ORIGIN), "Key").andExpect(status().isOk());
		String phone = passkeyId(person, "Phone");

		browser.perform(get("/security-info/passkey/" + phone + "/delete"))
			.andExpect(shows("Are you sure you would like to delete the passkey Phone?"));
		browser.perform(post("/security-info/passkey/" + phone + "/delete").with(csrf()))
			.andExpect(redirectedUrl("/security-info/passkey"));

		assertThat(credentials(person)).isOne();
		assertThat(securityInfo.hasMethodOfType(person.id(), PasskeyMethodType.ID)).isTrue();
		assertThat(audit(person, "METHOD_DELETED")).contains("Phone");
		signInWithPasskey(new TestBrowser(mvc), authenticator).andExpect(status().isUnauthorized());
	}

	@Test
	void deleteWhenTheLastThenTheMethodGoesWithIt() throws Exception {
		TestBrowser browser = signedInWithPassword(person);
		register(browser, authenticator, "Phone").andExpect(status().isOk());

		browser.perform(post("/security-info/passkey/" + passkeyIds(person).get(0) + "/delete").with(csrf()))
			.andExpect(redirectedUrl("/security-info"));

		assertThat(credentials(person)).isZero();
		assertThat(securityInfo.hasMethodOfType(person.id(), PasskeyMethodType.ID)).isFalse();
	}

	@Test
	void deleteWhenTheMethodIsDeletedFromSecurityInfoThenEveryPasskeyGoes() throws Exception {
		TestBrowser browser = signedInWithPassword(person);
		register(browser, authenticator, "Phone").andExpect(status().isOk());
		register(browser, new SoftwareAuthenticator(ORIGIN), "Key").andExpect(status().isOk());
		long methodId = securityInfo.methodIdOfType(person.id(), PasskeyMethodType.ID).orElseThrow();

		browser.perform(post("/security-info/methods/" + methodId + "/delete").with(csrf()))
			.andExpect(redirectedUrl("/security-info"));

		assertThat(credentials(person)).isZero();
	}

	@Test
	void deleteWhenTheFactorIsOldThenStepUpFirst() throws Exception {
		TestBrowser browser = signedInWithPassword(person);
		register(browser, authenticator, "Phone").andExpect(status().isOk());
		clock.advance(Duration.ofMinutes(11));

		browser.perform(post("/security-info/passkey/" + passkeyIds(person).get(0) + "/delete").with(csrf()))
			.andExpect(redirectedUrl("/two-step"));
		assertThat(credentials(person)).isOne();
	}

	// Helpers

	TestBrowser signedInWithPassword(SignedInUser user) throws Exception {
		TestBrowser browser = new TestBrowser(mvc);
		browser.perform(post("/login").param("email", user.email())
			.param("password", TestAccounts.PASSWORD)
			.with(csrf())).andExpect(status().is3xxRedirection());
		return browser;
	}

	/** A person with no method yet steps up with the password: signing in again in the same browser. */
	TestBrowser stepUpWithPassword(TestBrowser browser, SignedInUser user) throws Exception {
		browser.perform(post("/login").param("email", user.email())
			.param("password", TestAccounts.PASSWORD)
			.with(csrf())).andExpect(status().is3xxRedirection());
		return browser;
	}

	ResultActions register(TestBrowser browser, SoftwareAuthenticator authenticator, String name) throws Exception {
		String options = body(browser.perform(post("/webauthn/register/options").with(csrf())));
		return browser.perform(post("/security-info/passkey").contentType(MediaType.APPLICATION_JSON)
			.accept(MediaType.APPLICATION_JSON)
			.content(registration(authenticator.register(options), name))
			.with(csrf()));
	}

	ResultActions signInWithPasskey(TestBrowser browser, SoftwareAuthenticator authenticator) throws Exception {
		String options = body(browser.perform(post("/webauthn/authenticate/options").with(csrf())));
		return browser.perform(post("/login/webauthn").contentType(MediaType.APPLICATION_JSON)
			.accept(MediaType.APPLICATION_JSON)
			.content(authenticator.signIn(options))
			.with(csrf()));
	}

	static String registration(String credential, String name) {
		return "{\"credential\":" + credential + ",\"name\":" + JSON.writeValueAsString(name) + "}";
	}

	static String body(ResultActions actions) throws Exception {
		return actions.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
	}

	String passkeyId(SignedInUser user, String name) {
		return jdbc.queryForObject("""
				select c.credential_id from user_credentials c join user_entities u on u.id = c.user_entity_user_id
				where u.name = ? and c.label = ?""", String.class, user.email(), name);
	}

	int credentials(SignedInUser user) {
		return jdbc.queryForObject("""
				select count(*) from user_credentials c join user_entities u on u.id = c.user_entity_user_id
				where u.name = ?""", Integer.class, user.email());
	}

	List<String> passkeyIds(SignedInUser user) {
		return jdbc.queryForList("""
				select c.credential_id from user_credentials c join user_entities u on u.id = c.user_entity_user_id
				where u.name = ? order by c.created, c.label""", String.class, user.email());
	}

	List<String> actions(SignedInUser user) {
		return jdbc.queryForList("select action from audit_event where subject_account_id = ? order by id",
				String.class, user.id());
	}

	/** The targets of this person's audit rows of one action. */
	List<String> audit(SignedInUser user, String action) {
		return jdbc.queryForList("select target from audit_event where subject_account_id = ? and action = ?",
				String.class, user.id(), action);
	}

}
