package io.securityinfo.sessions;

import static io.securityinfo.Pages.shows;
import static io.securityinfo.Pages.signedIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.securityinfo.AppFixture;
import io.securityinfo.AppTest;
import io.securityinfo.TestBrowser;
import io.securityinfo.account.SignedInUser;

/**
 * The pages of "Sign out everywhere". That it ends other sessions needs the sessions in the database: see
 * {@link SignOutEverywhereTests}.
 */
@AppTest
class SignOutEverywhereControllerTests extends AppFixture {

	@Test
	void securityInfoWhenShownThenOffersToSignOutEverywhere() throws Exception {
		SignedInUser user = newEmployee();

		mvc.perform(get("/security-info").with(signedIn(user)))
			.andExpect(status().isOk())
			.andExpect(shows("Lost device?"))
			.andExpect(shows("<a href=\"/sign-out-everywhere\">Sign out everywhere</a>"));
	}

	@Test
	void confirmationWhenOpenedThenAsksAndChangesNothing() throws Exception {
		SignedInUser user = newEmployee();

		mvc.perform(get("/sign-out-everywhere").with(signedIn(user)))
			.andExpect(status().isOk())
			.andExpect(shows("Do you want to sign out of your account on every browser and device?"))
			.andExpect(shows("<form action=\"/sign-out-everywhere\" method=\"post\">"));

		assertThat(auditedActions(user)).isEmpty();
	}

	@Test
	void confirmWhenPressedThenThisBrowserIsSignedOutAndSeesWhyOnTheSignInPage() throws Exception {
		SignedInUser user = newEmployee();
		TestBrowser browser = new TestBrowser(mvc);
		browser.perform(get("/security-info").with(signedIn(user))).andExpect(status().isOk());
		browser.perform(get("/security-info")).andExpect(status().isOk());

		browser.perform(post("/sign-out-everywhere").with(csrf()).with(signedIn(user)))
			.andExpect(redirectedUrl("/login?signedOutEverywhere"));

		browser.perform(get("/login").param("signedOutEverywhere", ""))
			.andExpect(status().isOk())
			.andExpect(shows("You have been signed out everywhere. Sign in again to continue."));
		browser.perform(get("/security-info")).andExpect(redirectedUrl("/login"));
		assertThat(auditedActions(user)).containsExactly("SIGNED_OUT_EVERYWHERE");
	}

	@Test
	void confirmWhenTheFormHasNoCsrfTokenThenRefusesAndAuditsNothing() throws Exception {
		SignedInUser user = newEmployee();

		mvc.perform(post("/sign-out-everywhere").with(signedIn(user))).andExpect(status().isForbidden());

		assertThat(auditedActions(user)).isEmpty();
	}

	@Test
	void confirmationWhenNotSignedInThenGoesToSignIn() throws Exception {
		mvc.perform(get("/sign-out-everywhere")).andExpect(redirectedUrl("/login"));
	}

	private List<String> auditedActions(SignedInUser user) {
		return jdbc.queryForList("select action from audit_event where subject_account_id = ? order by id",
				String.class, user.id());
	}

}
