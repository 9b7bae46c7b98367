package io.securityinfo.securityinfo.campaign;

import static io.securityinfo.Pages.doesNotShow;
import static io.securityinfo.Pages.shows;
import static io.securityinfo.Pages.signedIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;
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
import io.securityinfo.policy.CampaignRules;
import io.securityinfo.policy.RegistrationCampaign;
import io.securityinfo.securityinfo.SecurityInfo;
import io.securityinfo.securityinfo.app.AuthenticatorAppMethodType;
import io.securityinfo.securityinfo.passkey.PasskeyMethodType;
import io.securityinfo.securityinfo.phone.PhoneModes;

/**
 * "Nudge people to add a stronger method": the admin's campaign, the page a person whose strongest method is a text
 * or call sees after sign-in, "Not now" counted and postponing, the limit making it required.
 */
@AppTest
class StrongerMethodCampaignTests extends AppFixture {

	@Autowired
	SecurityInfo securityInfo;

	@Autowired
	RegistrationCampaign campaign;

	@Autowired
	Groups groups;

	SignedInUser admin;

	SignedInUser person;

	TestBrowser browser;

	@BeforeEach
	void createPeople() {
		admin = newAdmin();
		person = newEmployee();
	}

	@AfterEach
	void stopCampaign() {
		campaign.save(admin.id(), CampaignRules.off(AuthenticatorAppMethodType.ID));
	}

	@Test
	void saveWhenValidThenInForceAndAudited() throws Exception {
		saveCampaign("ALL", List.of(), 3, 2).andExpect(redirectedUrl("/admin/registration/campaign"));

		CampaignRules rules = campaign.current("PASSKEY");
		assertThat(rules).isEqualTo(new CampaignRules(true, true, Set.of(), AuthenticatorAppMethodType.ID, 3, 2));
		assertThat(campaign.targets(person.id())).isTrue();
		assertThat(jdbc.queryForObject("""
				select facts from audit_event where actor_account_id = ? and action = 'CAMPAIGN_CHANGED'
				order by id desc fetch first 1 rows only""", String.class, admin.id()))
			.isEqualTo("setting=CAMPAIGN_FOR_ALL&promoted=AUTHENTICATOR_APP&postpone-days=3&postponements=2");
		mvc.perform(get("/admin/registration/campaign").with(signedIn(admin)))
			.andExpect(shows("Nudge people to add a stronger method"))
			.andExpect(shows("Targets " + enabledAccounts() + " people now"));
	}

	@Test
	void saveWhenPostponeDaysOutOfRangeOrTypeNotPromotableThenRefused() throws Exception {
		mvc.perform(post("/admin/registration/campaign").param("enabled", "true")
			.param("target", "ALL")
			.param("promotedType", "PHONE")
			.param("postponeDays", "15")
			.param("maxPostponements", "2")
			.with(csrf())
			.with(signedIn(admin)))
			.andExpect(status().isOk())
			.andExpect(shows("Enter a number of days from 0 to 14."))
			.andExpect(shows("Choose the method to promote."));

		assertThat(campaign.current("PASSKEY").enabled()).isFalse();
	}

	@Test
	void saveWhenPostedWithoutCsrfTokenThenRefused() throws Exception {
		mvc.perform(post("/admin/registration/campaign").param("enabled", "true")
			.param("target", "ALL")
			.param("promotedType", AuthenticatorAppMethodType.ID)
			.param("postponeDays", "1")
			.param("maxPostponements", "2")
			.with(signedIn(admin))).andExpect(status().isForbidden());

		assertThat(campaign.current("PASSKEY").enabled()).isFalse();
	}

	@Test
	void signInWhenStrongestMethodIsTextThenNudgedAndNotNowIsCountedUntilItIsRequired() throws Exception {
		addPhone(person);
		saveCampaign("ALL", List.of(), 3, 2);

		signIn();
		browser.perform(get("/")).andExpect(redirectedUrl(StrongerMethodCampaign.PAGE));
		browser.perform(get(StrongerMethodCampaign.PAGE))
			.andExpect(status().isOk())
			.andExpect(shows("Add Authenticator app to sign in more safely"))
			.andExpect(shows("You sign in with a code sent by text message or phone call."))
			.andExpect(shows("You can put this off 1 more time after now."))
			.andExpect(shows("href=\"/security-info/authenticator-app\""));
		browser.perform(post(StrongerMethodCampaign.PAGE + "/not-now").with(csrf())).andExpect(redirectedUrl("/"));
		browser.perform(get("/")).andExpect(status().isOk()).andExpect(shows("My Profile"));
		assertThat(postponements()).isEqualTo(1);
		assertThat(jdbc.queryForObject("""
				select facts from audit_event where subject_account_id = ? and action = 'STRONGER_METHOD_POSTPONED'
				order by id desc fetch first 1 rows only""", String.class, person.id()))
			.startsWith("promoted=AUTHENTICATOR_APP&postponements=1&asked-again=");

		// Within the 3 days: not asked.
		clock.advance(Duration.ofDays(2));
		signIn();
		browser.perform(get("/")).andExpect(status().isOk()).andExpect(shows("My Profile"));

		clock.advance(Duration.ofDays(1));
		signIn();
		browser.perform(get(StrongerMethodCampaign.PAGE))
			.andExpect(shows("If you put this off now, you&#39;ll have to add it next time."));
		browser.perform(post(StrongerMethodCampaign.PAGE + "/not-now").with(csrf())).andExpect(redirectedUrl("/"));
		assertThat(postponements()).isEqualTo(2);

		clock.advance(Duration.ofDays(3));
		signIn();
		browser.perform(get("/")).andExpect(redirectedUrl(StrongerMethodCampaign.PAGE));
		browser.perform(get(StrongerMethodCampaign.PAGE))
			.andExpect(shows("Your organization now requires you to add Authenticator app before you go on."))
			.andExpect(doesNotShow("Not now"));
		browser.perform(post(StrongerMethodCampaign.PAGE + "/not-now").with(csrf()))
			.andExpect(redirectedUrl(StrongerMethodCampaign.PAGE));
		browser.perform(get("/security-info")).andExpect(redirectedUrl(StrongerMethodCampaign.PAGE));
		assertThat(postponements()).isEqualTo(2);
		// The way out: the promoted method's own pages, after the step-up every change needs.
		browser.perform(get("/security-info/authenticator-app")).andExpect(redirectedUrl("/two-step"));
	}

	@Test
	void signInWhenTheCampaignPromotesPasskeysThenThePageExplainsPhishingResistanceAndLeadsToThePasskeyPage()
			throws Exception {
		addPhone(person);
		mvc.perform(post("/admin/registration/campaign").param("enabled", "true")
			.param("target", "ALL")
			.param("promotedType", PasskeyMethodType.ID)
			.param("postponeDays", "1")
			.param("maxPostponements", "1")
			.with(csrf())
			.with(signedIn(admin))).andExpect(redirectedUrl("/admin/registration/campaign"));

		signIn();
		browser.perform(get(StrongerMethodCampaign.PAGE))
			.andExpect(shows("Add Passkey to sign in more safely"))
			.andExpect(shows("Passkey works only on this site, so a fake sign-in page can&#39;t use it"))
			.andExpect(shows("id=\"add-now\" class=\"button primary\" href=\"/security-info/passkey"));

		// A passkey added: the campaign has nothing more to ask.
		securityInfo.register(person.id(), PasskeyMethodType.ID, "WEBAUTHN", PasskeyMethodType.PASSKEY);
		signIn();
		browser.perform(get("/")).andExpect(status().isOk()).andExpect(shows("My Profile"));
	}

	@Test
	void signInWhenNoPostponementIsAllowedThenRequiredAtOnce() throws Exception {
		addPhone(person);
		saveCampaign("ALL", List.of(), 0, 0);

		signIn();
		browser.perform(get(StrongerMethodCampaign.PAGE))
			.andExpect(shows("Your organization now requires you to add Authenticator app before you go on."));
		browser.perform(get("/")).andExpect(redirectedUrl(StrongerMethodCampaign.PAGE));
	}

	@Test
	void signInWhenPostponedForZeroDaysThenAskedAgainAtTheNextSignIn() throws Exception {
		addPhone(person);
		saveCampaign("ALL", List.of(), 0, 5);

		signIn();
		browser.perform(post(StrongerMethodCampaign.PAGE + "/not-now").with(csrf())).andExpect(redirectedUrl("/"));
		browser.perform(get("/")).andExpect(status().isOk());

		signIn();
		browser.perform(get("/")).andExpect(redirectedUrl(StrongerMethodCampaign.PAGE));
	}

	@Test
	void signInWhenPersonHasTheAppOrIsNotTargetedOrHasNoMethodThenNotNudged() throws Exception {
		long group = groups.create(admin.id(), "campaign-" + System.nanoTime());
		SignedInUser member = newEmployee();
		groups.addMember(admin.id(), group, member.email());
		groups.addMember(admin.id(), group, person.email());
		addPhone(person);
		securityInfo.register(person.id(), AuthenticatorAppMethodType.ID, "TOTP", AuthenticatorAppMethodType.APP_CODE);
		SignedInUser outsider = newEmployee();
		addPhone(outsider);
		try {
			saveCampaign("GROUPS", List.of(group), 1, 2);
			addPhone(member);

			signIn(person);
			browser.perform(get("/")).andExpect(status().isOk());
			signIn(outsider);
			browser.perform(get("/")).andExpect(status().isOk());
			signIn(member);
			browser.perform(get("/")).andExpect(redirectedUrl(StrongerMethodCampaign.PAGE));
			mvc.perform(get("/admin/registration/campaign").with(signedIn(admin)))
				.andExpect(shows("Targets 2 people now"));
		}
		finally {
			campaign.save(admin.id(), CampaignRules.off(AuthenticatorAppMethodType.ID));
			groups.delete(admin.id(), group);
		}
	}

	private ResultActions saveCampaign(String target, List<Long> groupIds, int postponeDays, int maxPostponements)
			throws Exception {
		var request = post("/admin/registration/campaign").param("enabled", "true")
			.param("target", target)
			.param("promotedType", AuthenticatorAppMethodType.ID)
			.param("postponeDays", String.valueOf(postponeDays))
			.param("maxPostponements", String.valueOf(maxPostponements));
		groupIds.forEach(id -> request.param("groupIds", String.valueOf(id)));
		return mvc.perform(request.with(csrf()).with(signedIn(admin)));
	}

	private void signIn() throws Exception {
		signIn(person);
	}

	private void signIn(SignedInUser who) throws Exception {
		browser = new TestBrowser(mvc);
		browser.perform(post("/login").param("email", who.email()).param("password", TestAccounts.PASSWORD).with(csrf()))
			.andExpect(redirectedUrl("/"));
	}

	private void addPhone(SignedInUser owner) {
		securityInfo.register(owner.id(), "PHONE", TestPhoneNumbers.nextDutchMobile(), PhoneModes.TEXT);
	}

	private int postponements() {
		return jdbc.queryForObject(
				"select postponements from campaign_postponement where account_id = ? and promoted_type = ?",
				Integer.class, person.id(), AuthenticatorAppMethodType.ID);
	}

	private long enabledAccounts() {
		return jdbc.queryForObject("select count(*) from account where enabled = true", Long.class);
	}

}
