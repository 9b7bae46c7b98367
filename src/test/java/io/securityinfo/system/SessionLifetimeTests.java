package io.securityinfo.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MvcResult;

import org.springframework.test.context.TestPropertySource;

import io.securityinfo.AppFixture;
import io.securityinfo.AppTest;
import io.securityinfo.account.SignedInUser;
import io.securityinfo.account.TestAccounts;

/** The session cookie and the absolute lifetime, with the embedded default's http public URL. */
@AppTest
// With the database sessions of the real app, which the test profile leaves out for the other MockMvc tests.
@TestPropertySource(properties = "spring.autoconfigure.exclude=")
class SessionLifetimeTests extends AppFixture {

	@Test
	void signInWhenPublicUrlIsHttpThenCookieIsSessionHttpOnlyLaxAndNoHsts() throws Exception {
		SignedInUser person = newEmployee();

		MvcResult signedIn = mvc.perform(formLogin("/login").user("email", person.email())
			.password(TestAccounts.PASSWORD)).andExpect(redirectedUrl("/")).andReturn();

		assertThat(signedIn.getResponse().getHeader("Set-Cookie")).startsWith("SESSION=")
			.contains("; Path=/", "; HttpOnly", "; SameSite=Lax")
			.doesNotContain("Secure", "Domain");
		assertThat(signedIn.getResponse().getHeader("Strict-Transport-Security")).isNull();
		mvc.perform(get("/").secure(true).cookie(sessionCookie(signedIn)))
			.andExpect(status().isOk())
			.andExpect(header().doesNotExist("Strict-Transport-Security"));
	}

	@Test
	void requestWhenSessionIsOlderThanTwelveHoursThenItEndsAndSignInPageSaysSo() throws Exception {
		SignedInUser person = newEmployee();
		Cookie session = sessionCookie(mvc.perform(formLogin("/login").user("email", person.email())
			.password(TestAccounts.PASSWORD)).andExpect(redirectedUrl("/")).andReturn());

		clock.advance(Duration.ofHours(12).minusSeconds(1));
		mvc.perform(get("/").cookie(session)).andExpect(status().isOk());
		assertThat(sessionsOf(person)).isOne();

		clock.advance(Duration.ofSeconds(1));
		mvc.perform(get("/").cookie(session)).andExpect(redirectedUrl("/login?expired"));

		assertThat(sessionsOf(person)).isZero();
		mvc.perform(get("/").cookie(session)).andExpect(redirectedUrl("/login"));
		mvc.perform(get("/login?expired"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Your session has ended. Sign in again.")));
	}

	@Test
	void requestWhenSessionIsActiveAllTheTimeThenItStillEndsAfterTwelveHours() throws Exception {
		SignedInUser person = newEmployee();
		Cookie session = sessionCookie(mvc.perform(formLogin("/login").user("email", person.email())
			.password(TestAccounts.PASSWORD)).andExpect(redirectedUrl("/")).andReturn());

		for (int hour = 1; hour < 12; hour++) {
			clock.advance(Duration.ofHours(1));
			mvc.perform(get("/").cookie(session)).andExpect(status().isOk());
		}
		clock.advance(Duration.ofHours(1));

		mvc.perform(get("/").cookie(session)).andExpect(redirectedUrl("/login?expired"));
	}

	private int sessionsOf(SignedInUser person) {
		return jdbc.queryForObject("select count(*) from spring_session where principal_name = ?", Integer.class,
				person.email());
	}

	private static Cookie sessionCookie(MvcResult result) {
		Cookie cookie = result.getResponse().getCookie("SESSION");
		assertThat(cookie).as("session cookie").isNotNull();
		return cookie;
	}

}
