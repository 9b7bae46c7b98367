package io.securityinfo.account;

import static io.securityinfo.Pages.doesNotShow;
import static io.securityinfo.Pages.shows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import io.securityinfo.AppFixture;
import io.securityinfo.AppTest;
import io.securityinfo.TestBrowser;

/** Signing in with email and password, the page it leads to, and signing out. */
@AppTest
class SignInTests extends AppFixture {

	/** A demo account of the embedded default (app.demo.enabled), as a person trying the app signs in. */
	private static final String DEMO_EMAIL = "alice@example.com";

	@Test
	void signInPageShowsTheFormInEnglish() throws Exception {
		mvc.perform(get("/login"))
			.andExpect(status().isOk())
			.andExpect(shows("<h1>Sign in</h1>"))
			.andExpect(shows("<label for=\"email\">Email</label>"))
			.andExpect(shows("<label for=\"password\">Password</label>"))
			.andExpect(shows("<button type=\"submit\" class=\"primary\">Sign in</button>"))
			.andExpect(shows("name=\"_csrf\""))
			.andExpect(doesNotShow("That email and password don&#39;t match an account."));
	}

	@Test
	void signInWhenEmailAndPasswordMatchThenSignedInAndSentToMyProfile() throws Exception {
		mvc.perform(formLogin("/login").user("email", DEMO_EMAIL).password(TestAccounts.PASSWORD))
			.andExpect(authenticated().withUsername(DEMO_EMAIL))
			.andExpect(redirectedUrl("/"));
	}

	@Test
	void signInWhenEmailIsTypedInCapitalsThenSignedInAsTheSamePerson() throws Exception {
		mvc.perform(formLogin("/login").user("email", "  Alice@Example.COM ").password(TestAccounts.PASSWORD))
			.andExpect(authenticated().withUsername(DEMO_EMAIL))
			.andExpect(redirectedUrl("/"));
	}

	@Test
	void signInWhenPasswordIsWrongThenSignInPageSaysWhyAndKeepsTheEmail() throws Exception {
		TestBrowser browser = new TestBrowser(mvc);

		browser.perform(signIn(DEMO_EMAIL, "not-the-password"))
			.andExpect(unauthenticated())
			.andExpect(redirectedUrl("/login?error"));

		browser.perform(get("/login").param("error", ""))
			.andExpect(status().isOk())
			.andExpect(shows("That email and password don&#39;t match an account. Check them and try again."))
			.andExpect(shows("value=\"alice@example.com\""));
		// Shown once: a reload of the page does not bring the email back.
		browser.perform(get("/login"))
			.andExpect(status().isOk())
			.andExpect(doesNotShow("value=\"alice@example.com\""));
	}

	@Test
	void signInWhenAccountDoesNotExistThenSameMessageAsAWrongPassword() throws Exception {
		TestBrowser browser = new TestBrowser(mvc);

		browser.perform(signIn("nobody@example.com", TestAccounts.PASSWORD))
			.andExpect(unauthenticated())
			.andExpect(redirectedUrl("/login?error"));

		browser.perform(get("/login").param("error", ""))
			.andExpect(shows("That email and password don&#39;t match an account. Check them and try again."))
			.andExpect(shows("value=\"nobody@example.com\""));
	}

	@Test
	void signInWhenNoCsrfTokenThenForbiddenAndNotSignedIn() throws Exception {
		mvc.perform(post("/login").param("email", DEMO_EMAIL).param("password", TestAccounts.PASSWORD))
			.andExpect(status().isForbidden())
			.andExpect(unauthenticated());
	}

	@Test
	void signInChangesTheSessionId() throws Exception {
		SignedInUser user = newEmployee();
		TestBrowser browser = new TestBrowser(mvc);
		browser.perform(get("/login")).andExpect(status().isOk());
		String beforeSignIn = browser.sessionId();

		browser.perform(signIn(user.email(), TestAccounts.PASSWORD))
			.andExpect(authenticated().withUsername(user.email()));

		assertThat(beforeSignIn).isNotBlank();
		assertThat(browser.sessionId()).isNotBlank().isNotEqualTo(beforeSignIn);
		browser.perform(get("/security-info")).andExpect(status().isOk());
	}

	@Test
	void myProfileShowsThePersonAndTheSecurityInfoTile() throws Exception {
		SignedInUser user = newEmployee();

		mvc.perform(get("/").with(authentication(TestAccounts.authentication(user))))
			.andExpect(status().isOk())
			.andExpect(shows("<h1>My Profile</h1>"))
			.andExpect(shows("<h2>Test Employee</h2>"))
			.andExpect(shows("<p>" + user.email() + "</p>"))
			.andExpect(shows("<h2>Security info</h2>"))
			.andExpect(shows("Keep your verification methods and security info up to date."))
			.andExpect(shows("<a href=\"/security-info\">Update info</a>"))
			.andExpect(shows("<nav class=\"sidenav\" aria-label=\"My Profile\">"))
			.andExpect(shows("<a href=\"/security-info\">Security info</a>"))
			.andExpect(shows("<a href=\"/\" aria-current=\"page\">Overview</a>"))
			.andExpect(doesNotShow("href=\"/admin\""));
	}

	@Test
	void myProfileWhenAnonymousThenRedirectsToSignIn() throws Exception {
		mvc.perform(get("/")).andExpect(redirectedUrl("/login"));
	}

	@Test
	void signOutEndsTheSessionAndSaysSo() throws Exception {
		SignedInUser user = newEmployee();
		TestBrowser browser = new TestBrowser(mvc);
		browser.perform(signIn(user.email(), TestAccounts.PASSWORD)).andExpect(authenticated());
		browser.perform(get("/security-info")).andExpect(status().isOk());

		browser.perform(post("/logout").with(csrf()))
			.andExpect(unauthenticated())
			.andExpect(redirectedUrl("/login?signedOut"));

		browser.perform(get("/login").param("signedOut", ""))
			.andExpect(shows("You have signed out."));
		browser.perform(get("/security-info")).andExpect(redirectedUrl("/login"));
	}

	@Test
	void signOutWhenNoCsrfTokenThenForbiddenAndStillSignedIn() throws Exception {
		SignedInUser user = newEmployee();
		TestBrowser browser = new TestBrowser(mvc);
		browser.perform(signIn(user.email(), TestAccounts.PASSWORD)).andExpect(authenticated());

		browser.perform(post("/logout")).andExpect(status().isForbidden());

		browser.perform(get("/security-info")).andExpect(status().isOk());
	}

	/** The sign-in form as the page posts it. */
	private static MockHttpServletRequestBuilder signIn(String email, String password) {
		return post("/login").param("email", email).param("password", password).with(csrf());
	}

}
