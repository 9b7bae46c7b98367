package io.securityinfo.users;

import static io.securityinfo.Pages.doesNotShow;
import static io.securityinfo.Pages.shows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import io.securityinfo.AppFixture;
import io.securityinfo.AppTest;
import io.securityinfo.TestBrowser;
import io.securityinfo.account.SignInThrottle;
import io.securityinfo.account.SignedInUser;
import io.securityinfo.account.TestAccounts;
import io.securityinfo.audit.AuditAction;
import io.securityinfo.audit.AuditLog;

/** An administrator sees a person's sign-in lock on their page and lifts it. */
@AppTest
class LiftSignInLockTests extends AppFixture {

	/** app.sign-in.throttle.failures-before-lock, as configured by default. */
	private static final int FAILURES_BEFORE_LOCK = 10;

	@Autowired
	SignInThrottle throttle;

	@Autowired
	AuditLog auditLog;

	SignedInUser admin;

	@BeforeEach
	void createAdmin() {
		admin = newAdmin();
	}

	@Test
	void personPageWhenLockedThenSaysUntilWhenAndOffersToLiftIt() throws Exception {
		SignedInUser person = newEmployee();
		lock(person);

		mvc.perform(asAdmin(get("/admin/users/{id}", person.id())))
			.andExpect(status().isOk())
			.andExpect(shows("<dd id=\"person-sign-in\">Locked after wrong passwords, until 2026-"))
			.andExpect(shows("action=\"/admin/users/" + person.id() + "/lift-sign-in-lock\""))
			.andExpect(shows("<button type=\"submit\" id=\"lift-sign-in-lock\">Lift sign-in lock</button>"));
	}

	@Test
	void personPageWhenNotLockedThenNoButton() throws Exception {
		SignedInUser person = newEmployee();

		mvc.perform(asAdmin(get("/admin/users/{id}", person.id())))
			.andExpect(status().isOk())
			.andExpect(shows("<dd id=\"person-sign-in\">Not locked</dd>"))
			.andExpect(doesNotShow("lift-sign-in-lock"));
	}

	@Test
	void liftWhenLockedThenThePersonSignsInAndTheLiftIsAudited() throws Exception {
		SignedInUser person = newEmployee();
		lock(person);
		mvc.perform(signIn(person.email())).andExpect(redirectedUrl("/login?throttled"));
		TestBrowser browser = new TestBrowser(mvc);

		browser.perform(asAdmin(post("/admin/users/{id}/lift-sign-in-lock", person.id())).with(csrf()))
			.andExpect(redirectedUrl("/admin/users/" + person.id()))
			.andExpect(flash().attribute("notice", "users.sign-in.lifted"));

		browser.perform(asAdmin(get("/admin/users/{id}", person.id())))
			.andExpect(shows("The sign-in lock was lifted. They can sign in again."))
			.andExpect(shows("<dd id=\"person-sign-in\">Not locked</dd>"));
		mvc.perform(signIn(person.email())).andExpect(authenticated().withUsername(person.email()));
		List<AuditLog.Entry> lifts = auditLog.entriesFor(person.id())
			.stream()
			.filter(entry -> entry.action() == AuditAction.SIGN_IN_LOCK_LIFTED)
			.toList();
		assertThat(lifts).singleElement().satisfies(lift -> assertThat(lift.actorAccountId()).isEqualTo(admin.id()));
	}

	@Test
	void liftWhenNotLockedThenSaysSoAndAuditsNothing() throws Exception {
		SignedInUser person = newEmployee();

		mvc.perform(asAdmin(post("/admin/users/{id}/lift-sign-in-lock", person.id())).with(csrf()))
			.andExpect(flash().attribute("notice", "users.sign-in.not-locked"));

		assertThat(auditLog.entriesFor(person.id())).noneMatch(e -> e.action() == AuditAction.SIGN_IN_LOCK_LIFTED);
	}

	@Test
	void liftWhenNoCsrfTokenOrNotAnAdminThenForbiddenAndStillLocked() throws Exception {
		SignedInUser person = newEmployee();
		SignedInUser employee = newEmployee();
		lock(person);

		mvc.perform(asAdmin(post("/admin/users/{id}/lift-sign-in-lock", person.id())))
			.andExpect(status().isForbidden());
		mvc.perform(post("/admin/users/{id}/lift-sign-in-lock", person.id()).with(csrf())
			.with(authentication(TestAccounts.authentication(employee)))).andExpect(status().isForbidden());

		mvc.perform(signIn(person.email())).andExpect(redirectedUrl("/login?throttled"));
	}

	/** Counts wrong passwords up to the lock, as the sign-in page would, without hashing any. */
	private void lock(SignedInUser person) {
		for (int i = 0; i < FAILURES_BEFORE_LOCK; i++) {
			throttle.failed(throttle.begin(person.email(), null));
		}
	}

	private MockHttpServletRequestBuilder asAdmin(MockHttpServletRequestBuilder request) {
		return request.with(authentication(TestAccounts.authentication(admin)));
	}

	private static MockHttpServletRequestBuilder signIn(String email) {
		return post("/login").param("email", email).param("password", TestAccounts.PASSWORD).with(csrf())
			.with(request -> {
				request.setRemoteAddr("2001:db8:1::" + Long.toHexString(System.nanoTime() & 0xffff));
				return request;
			});
	}

}
