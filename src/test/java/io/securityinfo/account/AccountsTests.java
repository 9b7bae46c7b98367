package io.securityinfo.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;

import io.securityinfo.AppFixture;
import io.securityinfo.AppTest;
import io.securityinfo.account.AccountPage.Position;

@AppTest
class AccountsTests extends AppFixture {

	@Autowired
	PasswordEncoder passwordEncoder;

	@Test
	void searchWhenMoreMatchThanAPageThenPagesByEmailForwardAndBackToEitherEnd() {
		String token = "search" + System.nanoTime();
		for (int i = 25; i >= 1; i--) {
			accounts.createIfAbsent("%s-%02d@example.com".formatted(token, i), "Searched Person", "irrelevant-pw",
					Role.EMPLOYEE);
		}
		String query = token.toUpperCase();

		AccountPage first = accounts.search(query, Position.first(), 10);
		AccountPage second = accounts.search(query, Position.of(first.nextAfter(), null, false), 10);
		AccountPage third = accounts.search(query, Position.of(second.nextAfter(), null, false), 10);
		AccountPage backToSecond = accounts.search(query, Position.of(null, third.previousBefore(), false), 10);
		AccountPage backToFirst = accounts.search(query, Position.of(null, second.previousBefore(), false), 10);

		assertThat(emails(first)).isEqualTo(numbered(token, 1, 10));
		assertThat(first.previousBefore()).isNull();
		assertThat(first.nextAfter()).isEqualTo(token + "-10@example.com");
		assertThat(emails(second)).isEqualTo(numbered(token, 11, 20));
		assertThat(second.previousBefore()).isEqualTo(token + "-11@example.com");
		assertThat(second.nextAfter()).isEqualTo(token + "-20@example.com");
		assertThat(emails(third)).isEqualTo(numbered(token, 21, 25));
		assertThat(third.previousBefore()).isEqualTo(token + "-21@example.com");
		assertThat(third.nextAfter()).isNull();
		assertThat(backToSecond).isEqualTo(second);
		assertThat(backToFirst).isEqualTo(first);
	}

	@Test
	void searchWhenLastThenTheHighestEmailsAndBackFromThemEndsOnTheFirstPage() {
		String token = "last" + System.nanoTime();
		createNumbered(token, 25, "Last Person");

		AccountPage last = accounts.search(token, Position.last(), 10);
		AccountPage beforeLast = accounts.search(token, Position.of(null, last.previousBefore(), false), 10);
		AccountPage start = accounts.search(token, Position.of(null, beforeLast.previousBefore(), false), 10);

		assertThat(emails(last)).isEqualTo(numbered(token, 16, 25));
		assertThat(last.previousBefore()).isEqualTo(token + "-16@example.com");
		assertThat(last.nextAfter()).isNull();
		assertThat(emails(beforeLast)).isEqualTo(numbered(token, 6, 15));
		assertThat(beforeLast.nextAfter()).isEqualTo(token + "-15@example.com");
		// Only five come before the 6th: rather than a short page, the first one.
		assertThat(emails(start)).isEqualTo(numbered(token, 1, 10));
		assertThat(start.previousBefore()).isNull();
		assertThat(start.nextAfter()).isEqualTo(token + "-10@example.com");
	}

	@Test
	void searchWhenThePositionIsNoOnesEmailThenItIsAPlaceInTheOrder() {
		String token = "place" + System.nanoTime();
		createNumbered(token, 25, "Placed Person");

		// "place…-10" sorts just before "place…-10@example.com", whatever the database's collation.
		assertThat(emails(accounts.search(token, Position.of(token + "-10", null, false), 10)))
			.isEqualTo(numbered(token, 10, 19));
		assertThat(emails(accounts.search(token, Position.of(null, token + "-21", false), 10)))
			.isEqualTo(numbered(token, 11, 20));
		// Past the last one: the last page rather than an empty one.
		assertThat(emails(accounts.search(token, Position.of(token + "-99", null, false), 10)))
			.isEqualTo(numbered(token, 16, 25));
		// Before the first one: the first page.
		assertThat(emails(accounts.search(token, Position.of(null, token + "-00", false), 10)))
			.isEqualTo(numbered(token, 1, 10));
	}

	@Test
	void searchMatchesDisplayNamesIgnoringCaseAndTakesPercentAndUnderscoreLiterally() {
		String token = "literal" + System.nanoTime();
		accounts.createIfAbsent(token + "-a@example.com", "Hundred % Sure " + token, "irrelevant-pw", Role.EMPLOYEE);
		accounts.createIfAbsent(token + "-b@example.com", "Hundred X Sure " + token, "irrelevant-pw", Role.EMPLOYEE);

		assertThat(emails(accounts.search("hundred % SURE " + token, Position.first(), 20)))
			.containsExactly(token + "-a@example.com");
		assertThat(accounts.search("Hundred _ Sure " + token, Position.first(), 20).people()).isEmpty();
	}

	@Test
	void searchWhenTheQueryIsBlankThenEveryoneInTheDatabasesEmailOrder() {
		for (int i = 1; i <= 3; i++) {
			accounts.createIfAbsent("blank" + System.nanoTime() + "@example.com", "Anyone", "irrelevant-pw",
					Role.EMPLOYEE);
		}
		List<String> everyone = jdbc.queryForList("select email from account order by email", String.class);

		AccountPage first = accounts.search("  ", Position.first(), 2);
		AccountPage last = accounts.search(null, Position.last(), 2);

		assertThat(emails(first)).isEqualTo(everyone.subList(0, 2));
		assertThat(first.nextAfter()).isEqualTo(everyone.get(1));
		assertThat(emails(last)).isEqualTo(everyone.subList(everyone.size() - 2, everyone.size()));
		assertThat(last.previousBefore()).isEqualTo(everyone.get(everyone.size() - 2));
	}

	@Test
	void createStoresAnEncodedPasswordThePersonMustChangeAndAuditsIt() {
		long adminId = accounts.createIfAbsent("creator" + System.nanoTime() + "@example.com", "Creator",
				"irrelevant-pw", Role.ADMIN);
		String email = "Created" + System.nanoTime() + "@Example.com";

		long id = accounts.create(adminId, email, "  Cree Ated ", "initial-password-1", Role.ADMIN);

		Map<String, Object> row = jdbc.queryForMap(
				"select email, display_name, role, password_hash, must_change_password from account where id = ?", id);
		assertThat(row).containsEntry("EMAIL", email.toLowerCase())
			.containsEntry("DISPLAY_NAME", "Cree Ated")
			.containsEntry("ROLE", "ADMIN")
			.containsEntry("MUST_CHANGE_PASSWORD", true);
		assertThat(passwordEncoder.matches("initial-password-1", (String) row.get("PASSWORD_HASH"))).isTrue();
		assertThat(jdbc.queryForList(
				"""
						select actor_account_id || ' ' || action || ' ' || target || ' ' || facts from audit_event
						where subject_account_id = ?""",
				String.class, id))
			.containsExactly(adminId + " ACCOUNT_CREATED " + email.toLowerCase() + " role=ADMIN");
		assertThatExceptionOfType(Accounts.AccountChangeRefused.class)
			.isThrownBy(() -> accounts.create(adminId, email.toUpperCase(), "Again", "initial-password-1",
					Role.EMPLOYEE))
			.extracting(Accounts.AccountChangeRefused::messageKey)
			.isEqualTo("users.email.taken");
	}

	@Test
	void accountsMadeAtStartOrByCreateIfAbsentNeedNoPasswordChange() {
		long id = accounts.createIfAbsent("plain" + System.nanoTime() + "@example.com", "Plain", "irrelevant-pw",
				Role.EMPLOYEE);

		assertThat(jdbc.queryForList("select must_change_password from account where id = ? or email = ?",
				Boolean.class, id, "alice@example.com"))
			.hasSize(2)
			.containsOnly(false);
	}

	/** Employees {@code token-01@example.com} to {@code token-NN@example.com}, in that order. */
	private void createNumbered(String token, int count, String name) {
		numbered(token, 1, count)
			.forEach((email) -> accounts.createIfAbsent(email, name, "irrelevant-pw", Role.EMPLOYEE));
	}

	private static List<String> emails(AccountPage page) {
		return page.people().stream().map(AccountSummary::email).toList();
	}

	/** The emails {@code token-from@example.com} to {@code token-to@example.com}, two digits each. */
	private static List<String> numbered(String token, int from, int to) {
		return IntStream.rangeClosed(from, to).mapToObj(i -> "%s-%02d@example.com".formatted(token, i)).toList();
	}

}
