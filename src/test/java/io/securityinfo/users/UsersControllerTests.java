package io.securityinfo.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.htmlunit.html.DomNode;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.util.UriComponentsBuilder;

import io.securityinfo.AppFixture;
import io.securityinfo.AppTest;
import io.securityinfo.securityinfo.app.AuthenticatorAppMethodType;
import io.securityinfo.Html;
import io.securityinfo.account.Role;
import io.securityinfo.account.SignedInUser;
import io.securityinfo.account.TestAccounts;
import io.securityinfo.securityinfo.MethodView;
import io.securityinfo.securityinfo.SecurityInfo;
import io.securityinfo.securityinfo.phone.PhoneModes;

@AppTest
class UsersControllerTests extends AppFixture {

	private static final AtomicInteger sequence = new AtomicInteger();

	@Autowired
	SecurityInfo securityInfo;

	SignedInUser admin;

	@BeforeEach
	void createAdmin() {
		admin = newPerson(Role.ADMIN, "Test Admin");
	}

	@Test
	void listWhenMoreThanTwentyPeopleThenTheFirstPageShowsTheFirstTwentyByEmailWithNextAndLast() throws Exception {
		List<String> everyone = everyoneAndAtLeast(45);

		HtmlPage first = list(get("/admin/users"));

		assertThat(emails(first)).isEqualTo(everyone.subList(0, 20));
		assertThat(first.querySelector(".pager").asNormalizedText()).isEqualTo("Next Last");
		assertThat(query(href(first, "Next"))).containsExactly(entry("q", ""), entry("after", everyone.get(19)));
		assertThat(href(first, "Last")).isEqualTo("/admin/users?q=&last=true");
	}

	@Test
	void nextWhenFollowedThenShowsTheFollowingTwentyAndPreviousAndFirstGoBack() throws Exception {
		List<String> everyone = everyoneAndAtLeast(45);
		HtmlPage first = list(get("/admin/users"));

		HtmlPage second = follow(href(first, "Next"));

		assertThat(emails(second)).isEqualTo(everyone.subList(20, 40));
		assertThat(second.querySelector(".pager").asNormalizedText()).isEqualTo("First Previous Next Last");
		assertThat(query(href(second, "Previous"))).containsExactly(entry("q", ""),
				entry("before", everyone.get(20)));
		assertThat(query(href(second, "Next"))).containsExactly(entry("q", ""), entry("after", everyone.get(39)));
		assertThat(href(second, "First")).isEqualTo("/admin/users?q=");
		assertThat(emails(follow(href(second, "Previous")))).isEqualTo(emails(first));
		assertThat(emails(follow(href(second, "First")))).isEqualTo(emails(first));
	}

	@Test
	void lastWhenFollowedThenShowsTheHighestEmailsWithoutNextOrLast() throws Exception {
		List<String> everyone = everyoneAndAtLeast(45);
		int size = everyone.size();

		HtmlPage last = follow(href(list(get("/admin/users")), "Last"));

		assertThat(emails(last)).isEqualTo(everyone.subList(size - 20, size));
		assertThat(last.querySelector(".pager").asNormalizedText()).isEqualTo("First Previous");
		assertThat(emails(follow(href(last, "Previous")))).isEqualTo(everyone.subList(size - 40, size - 20));
	}

	@Test
	void searchWhenItMatchesMoreThanAPageThenEveryPagerLinkKeepsTheQuery() throws Exception {
		String token = "pager" + System.nanoTime();
		for (int i = 25; i >= 1; i--) {
			accounts.createIfAbsent(numbered(token, i), "Member %02d".formatted(i), TestAccounts.PASSWORD,
					Role.EMPLOYEE);
		}
		String query = token.toUpperCase();

		HtmlPage first = list(get("/admin/users").param("q", query));

		assertThat(emails(first)).hasSize(20).startsWith(numbered(token, 1)).endsWith(numbered(token, 20));
		assertThat(rowText(first, 0)).isEqualTo("Member 01 " + numbered(token, 1) + " Employee Enabled");
		assertThat(first.querySelector(".pager").asNormalizedText()).isEqualTo("Next Last");
		// The "+" of the emails is escaped in the links, or the server would read it as a space.
		assertThat(query(href(first, "Next"))).containsExactly(entry("q", query),
				entry("after", numbered(token, 20)));
		assertThat(href(first, "Next")).contains("%2B");

		HtmlPage second = follow(href(first, "Next"));

		assertThat(second.<DomNode>querySelector("#q").getAttributes().getNamedItem("value").getNodeValue())
			.isEqualTo(query);
		assertThat(emails(second)).containsExactly(numbered(token, 21), numbered(token, 22), numbered(token, 23),
				numbered(token, 24), numbered(token, 25));
		assertThat(second.querySelector(".pager").asNormalizedText()).isEqualTo("First Previous");
		assertThat(query(href(second, "Previous"))).containsExactly(entry("q", query),
				entry("before", numbered(token, 21)));
		assertThat(query(href(second, "First"))).containsExactly(entry("q", query));
		assertThat(emails(follow(href(second, "Previous")))).isEqualTo(emails(first));

		HtmlPage last = follow(href(first, "Last"));

		assertThat(emails(last)).hasSize(20).startsWith(numbered(token, 6)).endsWith(numbered(token, 25));
		assertThat(query(href(first, "Last"))).containsExactly(entry("q", query), entry("last", "true"));
		// Five come before the last page's first: Previous goes to the first page rather than to a page of five.
		assertThat(emails(follow(href(last, "Previous")))).isEqualTo(emails(first));
	}

	@Test
	void listWhenTheCursorIsGarbageThenAPageOfTheListNotAnError() throws Exception {
		List<String> everyone = everyoneAndAtLeast(45);
		List<String> firstPage = everyone.subList(0, 20);
		List<String> lastPage = everyone.subList(everyone.size() - 20, everyone.size());

		// Any text is a place in the email order.
		assertThat(emails(list(get("/admin/users").param("after", "garbage")))).hasSize(20);
		assertThat(emails(list(get("/admin/users").param("before", "' or 1=1 --")))).hasSize(20);
		assertThat(emails(list(get("/admin/users").param("after", "z".repeat(5000))))).isEqualTo(lastPage);
		// Nothing, too much or what no email can hold: the first page.
		assertThat(emails(list(get("/admin/users").param("after", "")))).isEqualTo(firstPage);
		assertThat(emails(list(get("/admin/users").param("after", "a@example.com").param("before", "z"))))
			.isEqualTo(firstPage);
		assertThat(emails(list(get("/admin/users").param("before", "\u0007")))).isEqualTo(firstPage);
		assertThat(emails(list(get("/admin/users").param("page", "7")))).isEqualTo(firstPage);
		assertThat(emails(list(get("/admin/users").param("last", "no")))).isEqualTo(lastPage);
	}

	@Test
	void searchWhenTheQueryHoldsANullCharacterThenBadRequestRatherThanAnError() throws Exception {
		// No page sends a NUL, and PostgreSQL refuses one: every request with one is answered 400 (NulCharacterFilter).
		mvc.perform(asAdmin(get("/admin/users").param("q", "a\u0000b"))).andExpect(status().isBadRequest());
	}

	@Test
	void searchNarrowsByEmailOrNameIgnoringCaseAndNamesLinkToTheirPage() throws Exception {
		String token = "narrow" + System.nanoTime();
		long ann = accounts.createIfAbsent(token + "-ann@example.com", "Ann " + token, TestAccounts.PASSWORD,
				Role.EMPLOYEE);
		accounts.createIfAbsent(token + "-bob@example.com", "Bob " + token, TestAccounts.PASSWORD, Role.ADMIN);
		accounts.createIfAbsent("someone" + System.nanoTime() + "@example.com", "Carl " + token + " Admin",
				TestAccounts.PASSWORD, Role.EMPLOYEE);

		assertThat(emails(page(mvc.perform(asAdmin(get("/admin/users").param("q", token))).andReturn())))
			.hasSize(3);
		assertThat(emails(page(mvc.perform(asAdmin(get("/admin/users").param("q", token + "-B"))).andReturn())))
			.containsExactly(token + "-bob@example.com");
		HtmlPage byName = page(mvc.perform(asAdmin(get("/admin/users").param("q", "ANN " + token))).andReturn());
		assertThat(emails(byName)).containsExactly(token + "-ann@example.com");
		assertThat(byName.<DomNode>querySelector(".pager")).isNull();
		assertThat(byName.getAnchorByText("Ann " + token).getHrefAttribute()).isEqualTo("/admin/users/" + ann);
		assertThat(byName.getAnchorByText("New user").getHrefAttribute()).isEqualTo("/admin/users/new");
		assertThat(Html.text(mvc.perform(asAdmin(get("/admin/users").param("q", token + "-nobody"))).andReturn()))
			.contains("No one matches your search.");
	}

	@Test
	void personPageShowsWhoTheyAreTheirMethodsAndTheirTenLastChanges() throws Exception {
		SignedInUser person = newPerson(Role.EMPLOYEE, "Pat Person");
		MethodView phone = securityInfo.register(person.id(), "PHONE", "+31612345678", PhoneModes.TEXT);
		for (int i = 0; i < 5; i++) {
			accounts.disable(admin.id(), person.id());
			accounts.enable(admin.id(), person.id());
		}

		HtmlPage page = page(mvc.perform(asAdmin(get("/admin/users/{id}", person.id())))
			.andExpect(status().isOk())
			.andReturn());

		String text = page.asNormalizedText().replaceAll("\\s+", " ");
		assertThat(page.querySelector("h1").asNormalizedText()).isEqualTo("Pat Person");
		assertThat(text).contains("Email " + person.email() + " Role Employee Status Enabled")
			.contains("Default sign-in method: Phone - text +31 6 12345678");
		assertThat(page.querySelectorAll("table.methods tr")).singleElement()
			.extracting(row -> row.asNormalizedText().replaceAll("\\s+", " "))
			.isEqualTo("Phone +31 6 12345678 Delete");
		assertThat(page.getAnchorByText("Delete").getHrefAttribute())
			.isEqualTo("/admin/users/" + person.id() + "/methods/" + phone.id() + "/delete");
		assertThat(page.getAnchorByText("Require re-register").getHrefAttribute())
			.isEqualTo("/admin/users/" + person.id() + "/require-registration");
		List<String> changes = page.querySelectorAll("#changes tbody tr")
			.stream()
			.map(row -> row.asNormalizedText().replaceAll("\\s+", " "))
			.toList();
		assertThat(changes).hasSize(10)
			.allMatch(change -> change.matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d .*"));
		assertThat(changes.get(0)).endsWith("Account enabled Test Admin " + person.email());
		assertThat(changes.get(1)).endsWith("Account disabled Test Admin " + person.email());
		assertThat(changes).noneMatch(change -> change.contains("Method added"));
	}

	@Test
	void personPageTellsTheLastChangesInWordsNotCodes() throws Exception {
		SignedInUser person = newPerson(Role.EMPLOYEE, "Words Person");
		securityInfo.register(person.id(), "AUTHENTICATOR_APP", "TOTP", AuthenticatorAppMethodType.APP_CODE);
		securityInfo.register(person.id(), "OFFICE_PHONE", "+31201234567;ext=12", PhoneModes.CALL);

		HtmlPage page = page(mvc.perform(asAdmin(get("/admin/users/{id}", person.id())))
			.andExpect(status().isOk())
			.andReturn());

		List<String> changes = page.querySelectorAll("#changes tbody tr")
			.stream()
			.map(row -> row.asNormalizedText().replaceAll("\\s+", " ").replaceFirst("^\\S+ \\S+ \\S+ ", ""))
			.toList();
		assertThat(changes).containsExactly("Method added Words Person Office phone: +XX XXXXXXX67",
				"Default method changed Words Person Authenticator app - code",
				"Method added Words Person Authenticator app");
		assertThat(page.getElementById("changes").asNormalizedText()).doesNotContain("AUTHENTICATOR_APP", "TOTP",
				"APP_CODE", "OFFICE_PHONE");
	}

	@Test
	void personPageOfUnknownIdIsNotFound() throws Exception {
		mvc.perform(asAdmin(get("/admin/users/{id}", Long.MAX_VALUE))).andExpect(status().isNotFound());
	}

	@Test
	void deleteOneMethodAfterConfirmingRemovesItAndAuditsTheAdmin() throws Exception {
		SignedInUser person = newPerson(Role.EMPLOYEE, "Del Person");
		MethodView phone = securityInfo.register(person.id(), "PHONE", "+31612345679", PhoneModes.TEXT);
		String path = "/admin/users/" + person.id() + "/methods/" + phone.id() + "/delete";

		String confirm = Html.text(mvc.perform(asAdmin(get(path))).andExpect(status().isOk()).andReturn());
		assertThat(confirm).contains("Are you sure you would like to delete the Phone method of Del Person?")
			.contains("This is their default sign-in method. They will have no default sign-in method.");
		assertThat(methodCount(person.id())).isEqualTo(1);

		mvc.perform(asAdmin(post(path)).with(csrf()))
			.andExpect(redirectedUrl("/admin/users/" + person.id()))
			.andExpect(flash().attribute("notice", "users.method-deleted"));

		assertThat(methodCount(person.id())).isZero();
		assertThat(audited(person.id(), "METHOD_DELETED")).containsExactly(admin.id());
		assertThat(Html.text(mvc.perform(asAdmin(get("/admin/users/{id}", person.id())).flashAttr("notice",
				"users.method-deleted")).andReturn()))
			.contains("The method was deleted.")
			.contains("They haven't added any methods yet.");
	}

	@Test
	void deleteMethodOfSomeoneElseThroughThisPersonsPageIsNotFoundAndKeepsIt() throws Exception {
		SignedInUser person = newPerson(Role.EMPLOYEE, "One Person");
		SignedInUser other = newPerson(Role.EMPLOYEE, "Other Person");
		MethodView othersPhone = securityInfo.register(other.id(), "PHONE", "+31612345670", PhoneModes.TEXT);

		mvc.perform(asAdmin(post("/admin/users/{id}/methods/{methodId}/delete", person.id(), othersPhone.id()))
			.with(csrf())).andExpect(status().isNotFound());

		assertThat(methodCount(other.id())).isEqualTo(1);
	}

	@Test
	void requireReregisterAfterConfirmingRemovesEveryMethodAndMarksTheAccount() throws Exception {
		SignedInUser person = newPerson(Role.EMPLOYEE, "Lost Phone");
		securityInfo.register(person.id(), "PHONE", "+31612345671", PhoneModes.CALL);
		String path = "/admin/users/" + person.id() + "/require-registration";

		assertThat(Html.text(mvc.perform(asAdmin(get(path))).andExpect(status().isOk()).andReturn()))
			.contains("Are you sure Lost Phone must register their security info again?")
			.contains("Their method will be deleted. The next time they sign in, they will be asked to register")
			.contains("Phone +31 6 12345671");
		assertThat(registrationRequired(person.id())).isFalse();

		mvc.perform(asAdmin(post(path)).with(csrf()))
			.andExpect(redirectedUrl("/admin/users/" + person.id()))
			.andExpect(flash().attribute("notice", "users.registration-required"));

		assertThat(methodCount(person.id())).isZero();
		assertThat(registrationRequired(person.id())).isTrue();
		assertThat(audited(person.id(), "REGISTRATION_REQUIRED")).containsExactly(admin.id());
		assertThat(audited(person.id(), "METHOD_DELETED")).containsExactly(admin.id());
	}

	@Test
	void disabledPersonCannotSignInUntilEnabledAgain() throws Exception {
		SignedInUser person = newPerson(Role.EMPLOYEE, "Dis Abled");
		mvc.perform(formLogin("/login").user("email", person.email()).password(TestAccounts.PASSWORD))
			.andExpect(authenticated());

		mvc.perform(asAdmin(post("/admin/users/{id}/disable", person.id())).with(csrf()))
			.andExpect(redirectedUrl("/admin/users/" + person.id()))
			.andExpect(flash().attribute("notice", "users.disabled"));

		assertThat(enabled(person.id())).isFalse();
		assertThat(audited(person.id(), "ACCOUNT_DISABLED")).containsExactly(admin.id());
		MvcResult refused = mvc
			.perform(formLogin("/login").user("email", person.email()).password(TestAccounts.PASSWORD))
			.andExpect(unauthenticated())
			.andExpect(redirectedUrl("/login?error"))
			.andReturn();
		HtmlPage signIn = page(mvc
			.perform(get("/login?error").session((MockHttpSession) refused.getRequest().getSession()))
			.andReturn());
		assertThat(signIn.asNormalizedText())
			.contains("That email and password don't match an account. Check them and try again.");
		assertThat(Html.text(mvc.perform(asAdmin(get("/admin/users/{id}", person.id()))).andReturn()))
			.contains("Status Disabled")
			.contains("Enable account");

		mvc.perform(asAdmin(post("/admin/users/{id}/enable", person.id())).with(csrf()))
			.andExpect(redirectedUrl("/admin/users/" + person.id()))
			.andExpect(flash().attribute("notice", "users.enabled"));

		assertThat(enabled(person.id())).isTrue();
		assertThat(audited(person.id(), "ACCOUNT_ENABLED")).containsExactly(admin.id());
		mvc.perform(formLogin("/login").user("email", person.email()).password(TestAccounts.PASSWORD))
			.andExpect(authenticated().withUsername(person.email()));
	}

	@Test
	void adminCannotDisableThemselves() throws Exception {
		MvcResult result = mvc.perform(asAdmin(post("/admin/users/{id}/disable", admin.id())).with(csrf()))
			.andExpect(redirectedUrl("/admin/users/" + admin.id()))
			.andExpect(flash().attribute("problem", "users.disable.self"))
			.andReturn();

		assertThat(enabled(admin.id())).isTrue();
		assertThat(audited(admin.id(), "ACCOUNT_DISABLED")).isEmpty();
		assertThat(Html.text(mvc.perform(asAdmin(get("/admin/users/{id}", admin.id())).flashAttrs(result.getFlashMap()))
			.andReturn())).contains("You can't disable your own account. Ask another administrator to do it.");
	}

	@Test
	void createAccountGoesToTheirPageAndTheyMustChangeTheirPassword() throws Exception {
		String email = "New.Person" + System.nanoTime() + "@Example.com";

		MvcResult result = mvc.perform(asAdmin(post("/admin/users/new")).with(csrf())
			.param("email", email)
			.param("displayName", "New Person")
			.param("role", "ADMIN")
			.param("initialPassword", "initial-password-1"))
			.andExpect(flash().attribute("notice", "users.created"))
			.andReturn();

		long id = accounts.findByEmail(email).orElseThrow().id();
		assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/admin/users/" + id);
		assertThat(jdbc.queryForObject("select must_change_password from account where id = ?", Boolean.class, id))
			.isTrue();
		assertThat(audited(id, "ACCOUNT_CREATED")).containsExactly(admin.id());
		assertThat(Html.text(mvc.perform(asAdmin(get("/admin/users/{id}", id)).flashAttrs(result.getFlashMap()))
			.andReturn()))
			.contains("The account was created. They will have to change the password the first time they sign in.")
			.contains("Email " + email.toLowerCase() + " Role Admin Status Enabled")
			.contains("Account created Test Admin " + email.toLowerCase() + "; role: Admin");
	}

	@Test
	void createAccountWithTakenEmailSaysSoAndKeepsWhatWasTyped() throws Exception {
		SignedInUser existing = newPerson(Role.EMPLOYEE, "Already Here");

		HtmlPage page = page(mvc.perform(asAdmin(post("/admin/users/new")).with(csrf())
			.param("email", existing.email().toUpperCase())
			.param("displayName", "Second Here")
			.param("role", "ADMIN")
			.param("initialPassword", "initial-password-1")).andExpect(status().isOk()).andReturn());

		assertThat(page.querySelector("#email-error").asNormalizedText())
			.isEqualTo("An account with this email already exists.");
		assertThat(page.getElementById("email").getAttribute("value")).isEqualTo(existing.email().toUpperCase());
		assertThat(page.getElementById("displayName").getAttribute("value")).isEqualTo("Second Here");
		assertThat(page.querySelector("#role option[selected]").asNormalizedText()).isEqualTo("Admin");
		assertThat(page.getElementById("initialPassword").getAttribute("value")).isEmpty();
		assertThat(jdbc.queryForObject("select count(*) from account where display_name = 'Second Here'",
				Integer.class)).isZero();
	}

	@Test
	void createAccountWithBadEmailAndShortPasswordSaysWhatToFix() throws Exception {
		String name = "Short Password " + System.nanoTime();

		HtmlPage page = page(mvc.perform(asAdmin(post("/admin/users/new")).with(csrf())
			.param("email", "not-an-email")
			.param("displayName", name)
			.param("role", "EMPLOYEE")
			.param("initialPassword", "eleven-char")).andExpect(status().isOk()).andReturn());

		assertThat(page.querySelector("#email-error").asNormalizedText())
			.isEqualTo("Enter a valid email address, like name@example.com.");
		assertThat(page.querySelector("#initialPassword-error").asNormalizedText())
			.isEqualTo("Use at least 12 characters.");
		assertThat(page.<DomNode>querySelector("#displayName-error")).isNull();
		assertThat(page.getElementById("email").getAttribute("value")).isEqualTo("not-an-email");
		assertThat(page.getElementById("displayName").getAttribute("value")).isEqualTo(name);
		assertThat(page.getElementById("initialPassword").getAttribute("value")).isEmpty();
		assertThat(jdbc.queryForObject("select count(*) from account where display_name = ?", Integer.class, name))
			.isZero();

		HtmlPage empty = page(mvc.perform(asAdmin(post("/admin/users/new")).with(csrf())
			.param("email", "")
			.param("displayName", " ")
			.param("role", "")
			.param("initialPassword", "")).andExpect(status().isOk()).andReturn());
		assertThat(empty.asNormalizedText()).contains("Enter an email address.")
			.contains("Enter the person's name.")
			.contains("Choose a role.")
			.contains("Enter an initial password.");
	}

	@Test
	void employeesGetForbiddenOnEveryUsersPageAndChangeNothing() throws Exception {
		SignedInUser employee = newEmployee();
		SignedInUser person = newPerson(Role.EMPLOYEE, "Target Person");
		MethodView phone = securityInfo.register(person.id(), "PHONE", "+31612345672", PhoneModes.TEXT);
		String personPath = "/admin/users/" + person.id();
		String methodPath = personPath + "/methods/" + phone.id() + "/delete";

		for (String path : List.of("/admin/users", "/admin/users?q=a&after=a", "/admin/users?last=true", "/admin/users/new", personPath,
				methodPath, personPath + "/require-registration")) {
			mvc.perform(get(path).with(authentication(TestAccounts.authentication(employee))))
				.andExpect(status().isForbidden());
		}
		for (String path : List.of("/admin/users/new", methodPath, personPath + "/require-registration",
				personPath + "/disable", personPath + "/enable")) {
			mvc.perform(post(path).with(csrf())
				.with(authentication(TestAccounts.authentication(employee)))
				.param("email", "sneaky" + System.nanoTime() + "@example.com")
				.param("displayName", "Sneaky")
				.param("role", "ADMIN")
				.param("initialPassword", "initial-password-1")).andExpect(status().isForbidden());
		}

		assertThat(methodCount(person.id())).isEqualTo(1);
		assertThat(enabled(person.id())).isTrue();
		assertThat(registrationRequired(person.id())).isFalse();
		assertThat(jdbc.queryForObject("select count(*) from account where display_name = 'Sneaky'", Integer.class))
			.isZero();
	}

	private SignedInUser newPerson(Role role, String displayName) {
		String email = "users" + sequence.incrementAndGet() + "-" + System.nanoTime() + "@example.com";
		accounts.createIfAbsent(email, displayName, TestAccounts.PASSWORD, role);
		return (SignedInUser) users.loadUserByUsername(email);
	}

	private MockHttpServletRequestBuilder asAdmin(MockHttpServletRequestBuilder request) {
		return request.with(authentication(TestAccounts.authentication(admin)));
	}

	private static HtmlPage page(MvcResult result) {
		return Html.page(result);
	}

	/** The list as the admin sees it, which must answer 200. */
	private HtmlPage list(MockHttpServletRequestBuilder request) throws Exception {
		return page(mvc.perform(asAdmin(request)).andExpect(status().isOk()).andReturn());
	}

	/** Follows a link as the browser would: the href as written, not encoded again. */
	private HtmlPage follow(String href) throws Exception {
		return list(get(URI.create(href)));
	}

	private static String href(HtmlPage page, String linkText) {
		return page.getAnchorByText(linkText).getHrefAttribute();
	}

	/** The query parameters of a link, decoded as the server decodes them ({@code +} is a space). */
	private static Map<String, String> query(String href) {
		Map<String, String> parameters = new LinkedHashMap<>();
		UriComponentsBuilder.fromUriString(href)
			.build()
			.getQueryParams()
			.forEach((name, values) -> parameters.put(name,
					values.get(0) == null ? "" : URLDecoder.decode(values.get(0), StandardCharsets.UTF_8)));
		return parameters;
	}

	/** Every account's email in the database's order, after making sure there are at least {@code count}. */
	private List<String> everyoneAndAtLeast(int count) {
		String token = "many" + System.nanoTime();
		for (int i = 1; i <= count; i++) {
			accounts.createIfAbsent(numbered(token, i), "Many " + i, TestAccounts.PASSWORD, Role.EMPLOYEE);
		}
		return jdbc.queryForList("select email from account order by email", String.class);
	}

	/** An email with a {@code +}, which a link must escape. */
	private static String numbered(String token, int number) {
		return "%s+%02d@example.com".formatted(token, number);
	}

	private static List<String> emails(HtmlPage page) {
		return page.querySelectorAll("#users tbody tr td:nth-child(2)").stream().map(DomNode::asNormalizedText).toList();
	}

	private static String rowText(HtmlPage page, int index) {
		return page.querySelectorAll("#users tbody tr").get(index).asNormalizedText().replaceAll("\\s+", " ");
	}

	private int methodCount(long accountId) {
		return jdbc.queryForObject("select count(*) from security_method where account_id = ?", Integer.class,
				accountId);
	}

	private boolean registrationRequired(long accountId) {
		return jdbc.queryForObject("select registration_required from account where id = ?", Boolean.class,
				accountId);
	}

	private boolean enabled(long accountId) {
		return jdbc.queryForObject("select enabled from account where id = ?", Boolean.class, accountId);
	}

	/** The actors of the audit entries of this action about this person. */
	private List<Long> audited(long subjectId, String action) {
		return jdbc.queryForList(
				"select actor_account_id from audit_event where subject_account_id = ? and action = ? order by id",
				Long.class, subjectId, action);
	}

}
