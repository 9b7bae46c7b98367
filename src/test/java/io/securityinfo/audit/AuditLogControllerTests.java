package io.securityinfo.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

import jakarta.persistence.EntityManagerFactory;

import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.htmlunit.WebClient;
import org.htmlunit.html.DomNode;
import org.htmlunit.html.HtmlAnchor;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.html.HtmlSelect;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import io.securityinfo.AppFixture;
import io.securityinfo.AppTest;
import io.securityinfo.securityinfo.app.AuthenticatorAppMethodType;
import io.securityinfo.account.Role;
import io.securityinfo.account.SignedInUser;
import io.securityinfo.account.TestAccounts;
import io.securityinfo.securityinfo.MethodView;
import io.securityinfo.securityinfo.SecurityInfo;
import io.securityinfo.securityinfo.phone.PhoneModes;

@AppTest
class AuditLogControllerTests extends AppFixture {

	/** How the log describes the phone +31612345678: its type's name and the number masked. */
	private static final String PHONE = "Phone: +XX XXXXXXX78";

	private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	private static WebClient parser;

	@Autowired
	AuditTrail trail;

	@Autowired
	SecurityInfo securityInfo;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	MessageSource messages;

	@Autowired
	EntityManagerFactory entityManagerFactory;

	@BeforeAll
	static void openParser() {
		parser = new WebClient();
		parser.getOptions().setJavaScriptEnabled(false);
		parser.getOptions().setCssEnabled(false);
	}

	@AfterAll
	static void closeParser() {
		parser.close();
	}

	@Test
	void auditLogWhenSignedInAsEmployeeThenForbidden() throws Exception {
		SignedInUser employee = newEmployee();

		mvc.perform(get("/admin/audit").with(authentication(TestAccounts.authentication(employee))))
			.andExpect(status().isForbidden());
	}

	@Test
	void auditLogShowsWhenWhoActedForWhomWhatAndFromWhichAddress() throws Exception {
		SignedInUser admin = newAdmin();
		SignedInUser employee = newEmployee();
		Instant at = clock.instant();
		recordFrom("203.0.113.7", admin.id(), employee.id(), AuditAction.METHOD_DELETED,
				AuditFacts.method("PHONE", null, "+31 6 ****5678"));

		HtmlPage page = auditLog(admin, get("/admin/audit").param("user", employee.email()));

		assertThat(headings(page)).containsExactly("When", "Who acted", "For whom", "What", "IP address");
		assertThat(rows(page)).containsExactly(List.of(SHOWN.format(at.atOffset(ZoneOffset.UTC)) + " UTC",
				admin.email(), employee.email(), "Method deleted Phone: +31 6 ****5678", "203.0.113.7"));
	}

	@Test
	void auditLogShowsTheAddressOfTheRequestThatMadeTheChange() throws Exception {
		SignedInUser admin = newAdmin();
		SignedInUser employee = newEmployee();
		MethodView phone = securityInfo.register(employee.id(), "PHONE", "+31612345678", PhoneModes.TEXT);

		mvc.perform(post("/security-info/methods/{id}/delete", phone.id())
			.with(authentication(TestAccounts.authentication(employee)))
			.with(csrf())
			.with(request -> {
				request.setRemoteAddr("198.51.100.23");
				return request;
			})).andExpect(status().is3xxRedirection());

		List<List<String>> rows = rows(auditLog(admin, get("/admin/audit").param("user", employee.email())
			.param("action", "METHOD_DELETED")));
		assertThat(rows).singleElement()
			.satisfies(row -> assertThat(row.subList(1, 5)).containsExactly(employee.email(), employee.email(),
					"Method deleted " + PHONE, "198.51.100.23"));
	}

	@Test
	void auditLogNamesNoOneForAPolicyChangeAndTheSystemWhenNoOneActed() throws Exception {
		SignedInUser admin = newAdmin();
		SignedInUser employee = newEmployee();
		recordFacts(admin.id(), null, AuditAction.METHOD_POLICY_CHANGED,
				AuditFacts.none().with(AuditFacts.POLICY_METHOD, "SMS").with(AuditFacts.SETTING, "OFF"));
		jdbc.update("insert into audit_event (occurred_at, subject_account_id, action) values (?, ?, ?)",
				clock.instant().atOffset(ZoneOffset.UTC), employee.id(), AuditAction.ACCOUNT_DISABLED.name());

		assertThat(rows(auditLog(admin, get("/admin/audit").param("user", admin.email()))))
			.extracting(row -> row.subList(1, 4))
			.containsExactly(List.of(admin.email(), "\u2014", "Method policy changed Text message (SMS): off"));
		assertThat(rows(auditLog(admin, get("/admin/audit").param("user", employee.email()))))
			.extracting(row -> row.subList(1, 5))
			.containsExactly(List.of("System", employee.email(), "Account disabled", "\u2014"));
	}

	@Test
	void auditLogShowsNewestFirst() throws Exception {
		SignedInUser admin = newAdmin();
		SignedInUser employee = newEmployee();
		record(employee.id(), employee.id(), AuditAction.CODE_SENT, null);
		clock.advance(Duration.ofMinutes(1));
		record(employee.id(), employee.id(), AuditAction.CODE_VERIFIED, null);
		clock.advance(Duration.ofMinutes(1));
		// One transaction, one instant: the order they were recorded in decides.
		securityInfo.register(employee.id(), "PHONE", "+31612345678", PhoneModes.TEXT);

		assertThat(rows(auditLog(admin, get("/admin/audit").param("user", employee.email()))))
			.extracting(row -> row.get(3))
			.containsExactly("Default method changed Phone - text: +XX XXXXXXX78", "Method added " + PHONE, "Code verified",
					"Code sent");
	}

	@Test
	void auditLogTellsMethodsModesAndSettingsInWordsNotCodes() throws Exception {
		SignedInUser admin = newAdmin();
		SignedInUser employee = TestAccounts.newEmployee(accounts, users);
		securityInfo.register(employee.id(), "AUTHENTICATOR_APP", "TOTP", AuthenticatorAppMethodType.APP_CODE);
		securityInfo.register(employee.id(), "OFFICE_PHONE", "+31201234567;ext=12", PhoneModes.CALL);
		accounts.disable(admin.id(), employee.id());

		HtmlPage page = auditLog(admin, get("/admin/audit").param("user", employee.email()));

		assertThat(rows(page)).extracting(row -> row.get(3))
			.containsExactly("Account disabled " + employee.email(), "Method added Office phone: +XX XXXXXXX67",
					"Default method changed Authenticator app - code", "Method added Authenticator app");
		assertThat(page.getHtmlElementById("audit-log").asNormalizedText()).doesNotContain("AUTHENTICATOR_APP",
				"TOTP", "APP_CODE", "OFFICE_PHONE");
	}

	@Test
	void filterByUserShowsWhatTheyDidAndWhatWasDoneToThem() throws Exception {
		SignedInUser admin = newAdmin();
		SignedInUser employee = newEmployee();
		SignedInUser colleague = newEmployee();
		record(admin.id(), employee.id(), AuditAction.GROUP_MEMBER_ADDED, "Sales");
		record(employee.id(), employee.id(), AuditAction.PASSWORD_CHANGED, null);
		record(admin.id(), null, AuditAction.GROUP_CREATED, "Sales");
		record(colleague.id(), colleague.id(), AuditAction.PASSWORD_CHANGED, null);

		String typedAsItCame = " " + employee.email().toUpperCase(Locale.ROOT);
		assertThat(rows(auditLog(admin, get("/admin/audit").param("user", typedAsItCame))))
			.extracting(row -> row.subList(1, 4))
			.containsExactly(List.of(employee.email(), employee.email(), "Password changed"),
					List.of(admin.email(), employee.email(), "Added to group Sales"));
		assertThat(rows(auditLog(admin, get("/admin/audit").param("user", admin.email()))))
			.extracting(row -> row.subList(1, 4))
			.containsExactly(List.of(admin.email(), "\u2014", "Group created Sales"),
					List.of(admin.email(), employee.email(), "Added to group Sales"));
	}

	@Test
	void filterByActionShowsOnlyThatActionAndKeepsItChosen() throws Exception {
		SignedInUser admin = newAdmin();
		SignedInUser employee = newEmployee();
		MethodView phone = securityInfo.register(employee.id(), "PHONE", "+31612345678", PhoneModes.TEXT);
		securityInfo.delete(employee.id(), phone.id());

		HtmlPage page = auditLog(admin,
				get("/admin/audit").param("user", employee.email()).param("action", "METHOD_ADDED"));

		assertThat(rows(page)).extracting(row -> row.get(3))
			.containsExactly("Method added " + PHONE);
		assertThat(page.<HtmlSelect>getHtmlElementById("action").getSelectedOptions())
			.extracting(option -> option.getText())
			.containsExactly("Method added");
	}

	@Test
	void actionFilterOffersAnyActionThenEveryActionByItsLabel() throws Exception {
		HtmlSelect actions = auditLog(newAdmin(), get("/admin/audit")).getHtmlElementById("action");

		assertThat(actions.getOptions()).hasSize(AuditAction.values().length + 1);
		assertThat(actions.getOption(0).getText()).isEqualTo("Any action");
		assertThat(actions.getOption(0).isSelected()).isTrue();
		for (AuditAction action : AuditAction.values()) {
			String label = messages.getMessage(action.labelKey(), null, Locale.ENGLISH);
			assertThat(actions.getOptionByValue(action.name()).getText()).as(action.name()).isEqualTo(label);
		}
	}

	@Test
	void filterByDaysIncludesTheWholeFirstAndLastDayInUtc() throws Exception {
		SignedInUser admin = newAdmin();
		SignedInUser employee = newEmployee();
		Instant now = clock.instant();
		clock.advance(Duration.between(now, now.truncatedTo(ChronoUnit.DAYS).plus(1, ChronoUnit.DAYS).minusSeconds(1)));
		LocalDate day = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
		record(employee.id(), employee.id(), AuditAction.CODE_SENT, "last second of the day");
		clock.advance(Duration.ofSeconds(1));
		record(employee.id(), employee.id(), AuditAction.CODE_SENT, "first second of the next day");
		clock.advance(Duration.ofDays(2));
		record(employee.id(), employee.id(), AuditAction.CODE_SENT, "two days later");

		assertThat(details(admin, employee, day, day)).containsExactly("last second of the day");
		assertThat(details(admin, employee, day.plusDays(1), day.plusDays(1)))
			.containsExactly("first second of the next day");
		assertThat(details(admin, employee, day.plusDays(1), null)).containsExactly("two days later",
				"first second of the next day");
		assertThat(details(admin, employee, null, day.plusDays(1))).containsExactly("first second of the next day",
				"last second of the day");
		assertThat(details(admin, employee, day, day.plusDays(3))).containsExactly("two days later",
				"first second of the next day", "last second of the day");
		assertThat(details(admin, employee, day.plusDays(2), day.plusDays(2))).isEmpty();
	}

	@Test
	void filterWhenToIsBeforeFromThenSaysSoBesideToAndShowsNothing() throws Exception {
		SignedInUser admin = newAdmin();
		SignedInUser employee = newEmployee();
		record(employee.id(), employee.id(), AuditAction.PASSWORD_CHANGED, null);
		LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);

		HtmlPage page = auditLog(admin, get("/admin/audit").param("user", employee.email())
			.param("from", today.toString())
			.param("to", today.minusDays(1).toString()));

		assertThat(page.getHtmlElementById("to-error").getTextContent())
			.isEqualTo("This day is before the From day. Choose a later one.");
		assertThat(page.getHtmlElementById("to").getAttribute("value")).isEqualTo(today.minusDays(1).toString());
		assertThat(rows(page)).isEmpty();
		assertThat(page.asNormalizedText()).doesNotContain("No activity matches these filters.");
	}

	@Test
	void filterWhenNoAccountHasTheEmailThenSaysSoBesideUserAndShowsNothing() throws Exception {
		String unknown = "nobody-" + System.nanoTime() + "@example.com";

		HtmlPage page = auditLog(newAdmin(), get("/admin/audit").param("user", unknown));

		assertThat(page.getHtmlElementById("user-error").getTextContent()).isEqualTo("No account has this email.");
		assertThat(page.getHtmlElementById("user").getAttribute("value")).isEqualTo(unknown);
		assertThat(rows(page)).isEmpty();
		assertThat(page.asNormalizedText()).doesNotContain("No activity matches these filters.");
	}

	@Test
	void filterWhenNothingMatchesThenSaysSo() throws Exception {
		SignedInUser employee = newEmployee();

		HtmlPage page = auditLog(newAdmin(), get("/admin/audit").param("user", employee.email()));

		assertThat(rows(page)).isEmpty();
		assertThat(page.asNormalizedText()).contains("No activity matches these filters.");
		assertThat(page.getAnchors()).extracting(HtmlAnchor::getTextContent).doesNotContain("Newer", "Older");
	}

	@Test
	void auditLogShowsFiftyRowsAPageWithNewerAndOlderLinksThatKeepTheFilters() throws Exception {
		SignedInUser admin = newAdmin();
		String email = "audit+paging-" + System.nanoTime() + "@example.com";
		long accountId = accounts.createIfAbsent(email, "Page Turner", TestAccounts.PASSWORD, Role.EMPLOYEE);
		LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
		transactions.executeWithoutResult(status -> {
			for (int n = 1; n <= 55; n++) {
				trail.write(accountId, accountId, AuditAction.PASSWORD_CHANGED, AuditFacts.target("event " + n));
			}
		});
		record(accountId, accountId, AuditAction.CODE_SENT, "another action");

		HtmlPage first = auditLog(admin, get("/admin/audit").param("user", email)
			.param("action", "PASSWORD_CHANGED")
			.param("from", today.toString()));

		assertThat(rows(first)).hasSize(50);
		assertThat(rows(first).get(0).get(3)).isEqualTo("Password changed event 55");
		assertThat(rows(first).get(49).get(3)).isEqualTo("Password changed event 6");
		assertThat(link(first, "Newer")).isNull();
		String older = link(first, "Older");
		assertThat(older).isEqualTo("/admin/audit?user=" + URLEncoder.encode(email, StandardCharsets.UTF_8)
				+ "&action=PASSWORD_CHANGED&from=" + today + "&page=1");

		HtmlPage second = auditLog(admin, get(URI.create(older)));

		assertThat(rows(second)).extracting(row -> row.get(3))
			.containsExactly("Password changed event 5", "Password changed event 4", "Password changed event 3",
					"Password changed event 2", "Password changed event 1");
		assertThat(link(second, "Older")).isNull();
		assertThat(link(second, "Newer")).isEqualTo(older.replace("page=1", "page=0"));
	}

	@Test
	void auditLogPageWhenExactlyFullThenHasNoOlderLink() throws Exception {
		SignedInUser admin = newAdmin();
		SignedInUser employee = newEmployee();
		transactions.executeWithoutResult(status -> {
			for (int n = 1; n <= AuditLogSearch.PAGE_SIZE; n++) {
				trail.write(employee.id(), employee.id(), AuditAction.CODE_FAILED, AuditFacts.target("event " + n));
			}
		});

		HtmlPage page = auditLog(admin, get("/admin/audit").param("user", employee.email()));

		assertThat(rows(page)).hasSize(AuditLogSearch.PAGE_SIZE);
		assertThat(link(page, "Older")).isNull();
	}

	@Test
	void auditLogNamesThePeopleOfAPageInABoundedNumberOfStatements() throws Exception {
		SignedInUser admin = newAdmin();
		List<SignedInUser> people = List.of(newEmployee(),
				newEmployee(), newEmployee(),
				newEmployee(), newEmployee());
		people.forEach(person -> record(admin.id(), person.id(), AuditAction.REGISTRATION_REQUIRED, null));
		String today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).toString();

		Statistics statistics = entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
		boolean wasEnabled = statistics.isStatisticsEnabled();
		statistics.setStatisticsEnabled(true);
		try {
			statistics.clear();
			List<List<String>> everyone = rows(auditLog(admin,
					get("/admin/audit").param("action", "REGISTRATION_REQUIRED").param("from", today)));
			long withoutUserFilter = statistics.getPrepareStatementCount();
			statistics.clear();
			List<List<String>> oneAdmin = rows(auditLog(admin, get("/admin/audit").param("user", admin.email())));
			long withUserFilter = statistics.getPrepareStatementCount();

			assertThat(everyone).extracting(row -> row.get(2))
				.containsAll(people.stream().map(SignedInUser::email).toList());
			assertThat(oneAdmin).hasSize(people.size());
			// The page of events, then the accounts named in it; with a user filter also the account's email.
			assertThat(withoutUserFilter).isEqualTo(2);
			assertThat(withUserFilter).isEqualTo(3);
		}
		finally {
			statistics.setStatisticsEnabled(wasEnabled);
		}
	}

	private List<String> details(SignedInUser admin, SignedInUser employee, LocalDate from, LocalDate to)
			throws Exception {
		MockHttpServletRequestBuilder request = get("/admin/audit").param("user", employee.email());
		if (from != null) {
			request.param("from", from.toString());
		}
		if (to != null) {
			request.param("to", to.toString());
		}
		return rows(auditLog(admin, request)).stream().map(row -> row.get(3).replace("Code sent ", "")).toList();
	}

	private HtmlPage auditLog(SignedInUser admin, MockHttpServletRequestBuilder request) throws Exception {
		String html = mvc.perform(request.with(authentication(TestAccounts.authentication(admin))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		return parse(html);
	}

	private static HtmlPage parse(String html) throws IOException {
		return parser.loadHtmlCodeIntoCurrentWindow(html);
	}

	private static List<String> headings(HtmlPage page) {
		return page.querySelectorAll("#audit-log thead th").stream().map(DomNode::asNormalizedText).toList();
	}

	/** The cells of each row of the log, as a person reads them. */
	private static List<List<String>> rows(HtmlPage page) {
		return page.querySelectorAll("#audit-log tbody tr")
			.stream()
			.map(row -> row.querySelectorAll("td")
				.stream()
				.map(cell -> cell.asNormalizedText().replaceAll("\\s+", " ").strip())
				.toList())
			.toList();
	}

	private static String link(HtmlPage page, String text) {
		return page.getAnchors()
			.stream()
			.filter(anchor -> anchor.getTextContent().strip().equals(text))
			.map(anchor -> anchor.getHrefAttribute())
			.findFirst()
			.orElse(null);
	}

	/** A row about this target (a group's name, or a text that tells the rows apart); null for none. */
	private void record(long actorId, Long subjectId, AuditAction action, String target) {
		recordFacts(actorId, subjectId, action, target == null ? AuditFacts.none() : AuditFacts.target(target));
	}

	private void recordFacts(long actorId, Long subjectId, AuditAction action, AuditFacts facts) {
		transactions.executeWithoutResult(status -> trail.write(actorId, subjectId, action, facts));
	}

	/** Records as a change made by a request from this address would be. */
	private void recordFrom(String address, long actorId, Long subjectId, AuditAction action, AuditFacts facts) {
		RequestAttributes before = RequestContextHolder.getRequestAttributes();
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.setRemoteAddr(address);
		RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
		try {
			recordFacts(actorId, subjectId, action, facts);
		}
		finally {
			RequestContextHolder.setRequestAttributes(before);
		}
	}

}
