package io.securityinfo.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import io.securityinfo.AppTest;

/** Throttling of wrong passwords, per account and per client address. */
@AppTest
class SignInThrottleTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Accounts accounts;

	@Autowired
	UserDetailsService users;

	@Test
	void signInWhenThirtyWrongPasswordsThenTheRightOneIsRefusedWhileLocked() throws Exception {
		SignedInUser person = TestAccounts.newEmployee(accounts, users);
		for (int i = 0; i < 30; i++) {
			mvc.perform(signIn(person.email(), "wrong-" + i)).andExpect(unauthenticated());
		}

		mvc.perform(signIn(person.email(), TestAccounts.PASSWORD))
			.andExpect(unauthenticated())
			.andExpect(redirectedUrl("/login?throttled"));
	}

	private static MockHttpServletRequestBuilder signIn(String email, String password) {
		return post("/login").param("email", email).param("password", password).with(csrf());
	}

}
