package io.securityinfo.twostep;

import static io.securityinfo.Pages.doesNotShow;
import static io.securityinfo.Pages.shows;
import static io.securityinfo.Pages.signedIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.ResultActions;

import io.securityinfo.AppFixture;
import io.securityinfo.AppTest;
import io.securityinfo.TestBrowser;
import io.securityinfo.account.SignedInUser;
import io.securityinfo.account.TestAccounts;
import io.securityinfo.groups.Groups;
import io.securityinfo.phone.TestPhoneNumbers;
import io.securityinfo.policy.SignInPolicy;
import io.securityinfo.policy.TestPolicies;
import io.securityinfo.policy.TwoStepPolicy;
import io.securityinfo.policy.TwoStepRules;
import io.securityinfo.securityinfo.MethodView;
import io.securityinfo.securityinfo.SecurityInfo;
import io.securityinfo.securityinfo.passkey.PasskeyMethodType;
import io.securityinfo.securityinfo.phone.PhoneModes;

/**
 * "Require phishing-resistant sign-in" (Admin → Authentication methods) for a group: its members who have a passkey
 * must sign in with it (a password and a text or call is refused, with a message that says why), those without one
 * are made to register one, and the admin page counts the people it applies to.
 */
@AppTest
class PhishingResistantSignInTests extends AppFixture {

	@Autowired
	SecurityInfo securityInfo;

	@Autowired
	TwoStepPolicy twoStepPolicy;

	@Autowired
	SignInPolicy signInPolicy;

	@Autowired
	Groups groups;

	SignedInUser admin;

	SignedInUser person;

	long group;

	TestBrowser browser;

	@BeforeEach
	void createGroupWithPerson() {
		admin = newAdmin();
		person = newEmployee();
		group = groups.create(admin.id(), "phishing-resistant-" + System.nanoTime());
		groups.addMember(admin.id(), group, person.email());
		browser = new TestBrowser(mvc);
	}

	@AfterEach
	void restorePolicy() {
		signInPolicy.savePhishingResistance(admin.id(), false, false, Set.of());
		TestPolicies.restoreTwoStep(admin.id(), twoStepPolicy);
		groups.delete(admin.id(), group);
	}

	@Test
	void adminPageWhenSavedForAGroupThenItCountsTheMembersAndAudits() throws Exception {
		SignedInUser other = newEmployee();
		groups.addMember(admin.id(), group, other.email());

		requireForTheGroup().andExpect(redirectedUrl("/admin/methods"));

		mvc.perform(get("/admin/methods").with(signedIn(admin)))
			.andExpect(status().isOk())
			.andExpect(shows("Require phishing-resistant sign-in"))
			.andExpect(shows("Applies to 2 people now."));
		assertThat(signInPolicy.requiresPhishingResistance(person.id())).isTrue();
		assertThat(signInPolicy.requiresPhishingResistance(admin.id())).isFalse();
		assertThat(jdbc.queryForObject("""
				select facts from audit_event where actor_account_id = ? and action = 'SIGN_IN_POLICY_CHANGED'
				order by id desc fetch first 1 rows only""", String.class, admin.id()))
			.contains("setting=PHISHING_RESISTANT_REQUIRED", "groups=" + group, "administrators=false");
	}

	@Test
	void adminPageWhenAdministratorsTickedThenCountEqualsTheDatabase() throws Exception {
		mvc.perform(post("/admin/methods/phishing-resistant").param("required", "true")
			.param("administrators", "true")
			.param("groupIds", String.valueOf(group))
			.with(csrf())
			.with(signedIn(admin))).andExpect(redirectedUrl("/admin/methods"));

		long expected = jdbc.queryForObject("""
				select count(*) from account a where a.enabled = true and (a.role = 'ADMIN'
				    or a.id in (select m.account_id from user_group_member m where m.group_id = ?))""", Long.class,
				group);
		mvc.perform(get("/admin/methods").with(signedIn(admin)))
			.andExpect(shows("Applies to " + expected + " people now."));
		assertThat(signInPolicy.requiresPhishingResistance(admin.id())).isTrue();
	}

	@Test
	void adminPageWhenRequiredForNoOneThenAsksForAGroup() throws Exception {
		mvc.perform(post("/admin/methods/phishing-resistant").param("required", "true")
			.with(csrf())
			.with(signedIn(admin)))
			.andExpect(status().isOk())
			.andExpect(shows("Choose the administrators or at least one group."));

		assertThat(signInPolicy.current().phishingResistant()).isFalse();
	}

	@Test
	void signInWhenRequiredAndPersonHasAPasskeyThenOnlyThePasskeyIsAskedForAndTextIsRefused() throws Exception {
		long phone = addPhone(person);
		addPasskey(person);
		requireForTheGroup();
		int sent = sms.sent().size();

		// No two-step policy applies to them, yet the password alone is not enough.
		signInWithPassword().andExpect(redirectedUrl("/two-step"));
		browser.perform(get("/")).andExpect(redirectedUrl("/two-step"));
		browser.perform(get("/two-step"))
			.andExpect(shows("Use your passkey to sign in."))
			.andExpect(shows("Your organization requires phishing-resistant sign-in: Passkey."));
		browser.perform(get("/two-step/other")).andExpect(shows("You have no other method to verify with."));

		browser.perform(post("/two-step/method").param("choice", phone + ":TEXT").with(csrf()))
			.andExpect(redirectedUrl("/two-step"));
		browser.perform(get("/two-step"))
			.andExpect(shows("Your organization requires you to sign in with a passkey."));
		assertThat(sms.sent()).hasSize(sent);
		browser.perform(get("/")).andExpect(redirectedUrl("/two-step"));
	}

	@Test
	void signInWhenATextCodeIsPostedAfterTheRequirementThenRefusedWithAClearMessage() throws Exception {
		twoStepPolicy.save(admin.id(), new TwoStepRules(true, true, Set.of()));
		String phone = TestPhoneNumbers.nextDutchMobile();
		securityInfo.register(person.id(), "PHONE", phone, PhoneModes.TEXT);
		addPasskey(person);
		signInWithPassword().andExpect(redirectedUrl("/two-step"));
		browser.perform(get("/two-step")).andExpect(shows("We texted your phone"));

		requireForTheGroup();
		browser.perform(post("/two-step").param("code", sms.lastCodeTo(phone)).with(csrf()))
			.andExpect(redirectedUrl("/two-step"));

		browser.perform(get("/two-step"))
			.andExpect(shows("Your organization requires you to sign in with a passkey."));
		browser.perform(get("/")).andExpect(redirectedUrl("/two-step"));
		assertThat(jdbc.queryForObject(
				"select count(*) from audit_event where subject_account_id = ? and action = 'TWO_STEP_SUCCEEDED'",
				Long.class, person.id())).isZero();
	}

	@Test
	void signInWhenNotInTheGroupThenTextStillSignsIn() throws Exception {
		twoStepPolicy.save(admin.id(), new TwoStepRules(true, true, Set.of()));
		requireForTheGroup();
		SignedInUser outsider = newEmployee();
		String phone = TestPhoneNumbers.nextDutchMobile();
		securityInfo.register(outsider.id(), "PHONE", phone, PhoneModes.TEXT);
		addPasskey(outsider);

		browser.perform(post("/login").param("email", outsider.email())
			.param("password", TestAccounts.PASSWORD)
			.with(csrf())).andExpect(redirectedUrl("/two-step"));
		browser.perform(get("/two-step")).andExpect(shows("We texted your phone"));
		browser.perform(post("/two-step").param("code", sms.lastCodeTo(phone)).with(csrf()))
			.andExpect(status().is3xxRedirection());

		browser.perform(get("/")).andExpect(status().isOk()).andExpect(shows("My Profile"));
	}

	@Test
	void signInWhenRequiredAndPersonHasNoPasskeyThenTheInterruptAsksForOneWithoutSkipping() throws Exception {
		addPhone(person);
		requireForTheGroup();

		signInWithPassword().andExpect(redirectedUrl("/"));
		browser.perform(get("/")).andExpect(redirectedUrl("/security-info/interrupt"));
		browser.perform(get("/security-info/interrupt"))
			.andExpect(shows("Your organization requires phishing-resistant sign-in for your account."))
			.andExpect(doesNotShow("Skip for now"));
		browser.perform(post("/security-info/interrupt/skip").with(csrf()))
			.andExpect(redirectedUrl("/security-info/interrupt"));
	}

	private ResultActions requireForTheGroup() throws Exception {
		return mvc.perform(post("/admin/methods/phishing-resistant").param("required", "true")
			.param("_administrators", "on")
			.param("groupIds", String.valueOf(group))
			.with(csrf())
			.with(signedIn(admin)));
	}

	private ResultActions signInWithPassword() throws Exception {
		return browser.perform(post("/login").param("email", person.email())
			.param("password", TestAccounts.PASSWORD)
			.with(csrf()));
	}

	private long addPhone(SignedInUser owner) {
		return securityInfo.register(owner.id(), "PHONE", TestPhoneNumbers.nextDutchMobile(), PhoneModes.TEXT).id();
	}

	/** The method row a passkey makes; the credential itself is the passkey module's and not needed here. */
	private MethodView addPasskey(SignedInUser owner) {
		return securityInfo.register(owner.id(), PasskeyMethodType.ID, "WEBAUTHN", PasskeyMethodType.PASSKEY);
	}

}
