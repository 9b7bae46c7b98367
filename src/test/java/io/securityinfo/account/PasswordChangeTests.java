package io.securityinfo.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.htmlunit.html.DomNode;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import io.securityinfo.AppFixture;
import io.securityinfo.AppTest;
import io.securityinfo.Html;

/** The first sign-in with a password an administrator chose: nothing else opens until it is changed. */
@AppTest
class PasswordChangeTests extends AppFixture {

	private static final String INITIAL = "initial-password-1";

	private static final String CHOSEN = "my own password 2";

	@Autowired
	PasswordEncoder passwordEncoder;

	String email;

	long id;

	@BeforeEach
	void createAccountAsAdministrator() {
		long adminId = accounts.createIfAbsent("password-admin" + System.nanoTime() + "@example.com", "Admin",
				INITIAL, Role.ADMIN);
		email = "fresh" + System.nanoTime() + "@example.com";
		id = accounts.create(adminId, email, "Fresh Person", INITIAL, Role.EMPLOYEE);
	}

	@Test
	void afterSigningInEveryPageLeadsToChangingThePassword() throws Exception {
		MockHttpSession session = signIn(INITIAL);

		for (String path : List.of("/", "/security-info", "/security-info/add", "/security-info/default")) {
			mvc.perform(get(path).session(session)).andExpect(redirectedUrl("/account/password"));
		}
		mvc.perform(post("/security-info/add").session(session).with(csrf()).param("type", "PHONE"))
			.andExpect(redirectedUrl("/account/password"));

		HtmlPage page = Html.page(mvc.perform(get("/account/password").session(session))
			.andExpect(status().isOk())
			.andReturn());
		assertThat(page.querySelector("h1").asNormalizedText()).isEqualTo("Change your password");
		assertThat(page.querySelectorAll("label")).extracting(DomNode::asNormalizedText)
			.containsExactly("Current password", "New password", "Confirm new password");
		assertThat(page.querySelector("section button[type=submit]").asNormalizedText()).isEqualTo("Change password");
	}

	@Test
	void wrongCurrentPasswordIsSaidBesideItAndNothingChanges() throws Exception {
		MockHttpSession session = signIn(INITIAL);

		HtmlPage page = Html.page(mvc.perform(change(session, "not-the-initial-one", CHOSEN, CHOSEN))
			.andExpect(status().isOk())
			.andReturn());

		assertThat(page.querySelector("#currentPassword-error").asNormalizedText())
			.isEqualTo("That isn't your current password. Check it and try again.");
		assertThat(page.querySelectorAll(".field-error")).hasSize(1);
		assertThat(page.querySelectorAll("input[type=password]")).hasSize(3)
			.allSatisfy(input -> assertThat(((org.htmlunit.html.HtmlInput) input).getValue()).isEmpty());
		assertThat(mustChangePassword()).isTrue();
		mvc.perform(get("/security-info").session(session)).andExpect(redirectedUrl("/account/password"));
	}

	@Test
	void changingItLetsThePersonGoWhereTheyFirstWanted() throws Exception {
		MockHttpSession session = signIn(INITIAL);
		mvc.perform(get("/").session(session)).andExpect(redirectedUrl("/account/password"));
		mvc.perform(get("/security-info").session(session)).andExpect(redirectedUrl("/account/password"));

		mvc.perform(change(session, INITIAL, CHOSEN, CHOSEN))
			.andExpect(redirectedUrl("/security-info"))
			.andExpect(flash().attribute("notice", "password.changed"));

		assertThat(mustChangePassword()).isFalse();
		assertThat(passwordEncoder.matches(CHOSEN,
				jdbc.queryForObject("select password_hash from account where id = ?", String.class, id)))
			.isTrue();
		assertThat(jdbc.queryForList(
				"select actor_account_id || ' ' || subject_account_id from audit_event where action = 'PASSWORD_CHANGED' and subject_account_id = ?",
				String.class, id))
			.containsExactly(id + " " + id);
		mvc.perform(get("/security-info").session(session)).andExpect(status().isOk());
		mvc.perform(formLogin("/login").user("email", email).password(INITIAL)).andExpect(unauthenticated());
		MockHttpSession again = signIn(CHOSEN);
		mvc.perform(get("/security-info").session(again)).andExpect(status().isOk());
	}

	@Test
	void changingItWithoutAPageAskedForGoesToMyProfile() throws Exception {
		MockHttpSession session = signIn(INITIAL);
		mvc.perform(get("/").session(session)).andExpect(redirectedUrl("/account/password"));

		mvc.perform(change(session, INITIAL, CHOSEN, CHOSEN)).andExpect(redirectedUrl("/"));

		mvc.perform(get("/").session(session)).andExpect(status().isOk());
	}

	@Test
	void newPasswordMustBeLongEnoughNotTheEmailNotTheCurrentOneNotCommonAndTypedTwice() throws Exception {
		MockHttpSession session = signIn(INITIAL);

		assertThat(errorOf("newPassword", change(session, INITIAL, "eleven-char", "eleven-char")))
			.isEqualTo("Use at least 12 characters.");
		assertThat(errorOf("newPassword", change(session, INITIAL, "ü".repeat(37), "ü".repeat(37))))
			.isEqualTo("That password is too long. Use at most 72 letters, digits and symbols.");
		assertThat(errorOf("newPassword", change(session, INITIAL, email.toUpperCase(), email.toUpperCase())))
			.isEqualTo("Your password can't be your email address.");
		assertThat(errorOf("newPassword", change(session, INITIAL, INITIAL, INITIAL)))
			.isEqualTo("Choose a password different from your current one.");
		assertThat(errorOf("newPassword", change(session, INITIAL, "Qwerty123456", "Qwerty123456")))
			.isEqualTo("That password is one of the most common passwords. Choose one that's harder to guess.");
		assertThat(errorOf("confirmPassword", change(session, INITIAL, CHOSEN, CHOSEN + "x")))
			.isEqualTo("The passwords don't match. Type the same new password twice.");
		assertThat(errorOf("currentPassword", change(session, "", CHOSEN, CHOSEN)))
			.isEqualTo("Enter your current password.");

		assertThat(mustChangePassword()).isTrue();
	}

	private MockHttpSession signIn(String password) throws Exception {
		return (MockHttpSession) mvc.perform(formLogin("/login").user("email", email).password(password))
			.andExpect(authenticated())
			.andExpect(redirectedUrl("/"))
			.andReturn()
			.getRequest()
			.getSession();
	}

	private static MockHttpServletRequestBuilder change(MockHttpSession session, String current, String chosen,
			String confirmed) {
		return post("/account/password").session(session)
			.with(csrf())
			.param("currentPassword", current)
			.param("newPassword", chosen)
			.param("confirmPassword", confirmed);
	}

	private String errorOf(String field, MockHttpServletRequestBuilder request) throws Exception {
		HtmlPage page = Html.page(mvc.perform(request).andExpect(status().isOk()).andReturn());
		assertThat(page.querySelectorAll(".field-error")).hasSize(1);
		return page.querySelector("#" + field + "-error").asNormalizedText();
	}

	private boolean mustChangePassword() {
		return jdbc.queryForObject("select must_change_password from account where id = ?", Boolean.class, id);
	}

}
