package io.securityinfo.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.servlet.MvcResult;

import io.securityinfo.AppFixture;
import io.securityinfo.TestBeans;
import io.securityinfo.TestDatabase;
import io.securityinfo.account.SignedInUser;
import io.securityinfo.account.TestAccounts;

/**
 * Behind TLS: with an https public URL the session cookie is a {@code __Host-} cookie and every response carries
 * HSTS, even when the proxy in front does not tell the app the request came in over HTTPS.
 */
// With the database sessions of the real app, whose cookie this is about (the test profile leaves them out).
// The console gateways stay at this public address: deliberate, for this test only.
@SpringBootTest(properties = { "app.public-url=https://security-info.example.com", "spring.autoconfigure.exclude=",
		"app.dev.console-gateways-allowed=true" })
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(TestBeans.class)
@ContextConfiguration(initializers = TestDatabase.Initializer.class)
class HttpsPublicUrlTests extends AppFixture {

	@Test
	void signInWhenPublicUrlIsHttpsThenHostPrefixedSecureHttpOnlyLaxCookieWithoutDomain() throws Exception {
		SignedInUser person = newEmployee();

		MvcResult signedIn = mvc.perform(formLogin("/login").user("email", person.email())
			.password(TestAccounts.PASSWORD)).andExpect(redirectedUrl("/")).andReturn();

		String setCookie = signedIn.getResponse().getHeader("Set-Cookie");
		assertThat(setCookie).startsWith("__Host-SESSION=")
			.contains("; Path=/;", "; Secure", "; HttpOnly", "; SameSite=Lax")
			.doesNotContainIgnoringCase("Domain=");
		Cookie session = signedIn.getResponse().getCookie("__Host-SESSION");
		mvc.perform(get("/").cookie(session)).andExpect(status().isOk());
	}

	@Test
	void requestWhenPublicUrlIsHttpsThenStrictTransportSecurityOnSecureAndForwardedRequestsAlike()
			throws Exception {
		mvc.perform(get("/login").secure(true))
			.andExpect(header().string("Strict-Transport-Security", "max-age=31536000 ; includeSubDomains"));
		mvc.perform(get("/login"))
			.andExpect(header().string("Strict-Transport-Security", "max-age=31536000 ; includeSubDomains"));
	}

}
