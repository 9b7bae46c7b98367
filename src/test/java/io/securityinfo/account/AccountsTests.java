package io.securityinfo.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

import io.securityinfo.AppTest;

@AppTest
class AccountsTests {

	@Autowired
	Accounts accounts;

	@Autowired
	PasswordEncoder passwordEncoder;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void searchAnswersOnePageInEmailOrderAndCountsAllMatches() {
		String token = "search" + System.nanoTime();
		for (int i = 25; i >= 1; i--) {
			accounts.createIfAbsent("%s-%02d@example.com".formatted(token, i), "Searched Person", "irrelevant-pw",
					Role.EMPLOYEE);
		}

		Page<AccountSummary> first = accounts.search(token.toUpperCase(), PageRequest.of(0, 20));
		Page<AccountSummary> second = accounts.search(token, PageRequest.of(1, 20));

		assertThat(first.getTotalElements()).isEqualTo(25);
		assertThat(first.getTotalPages()).isEqualTo(2);
		assertThat(first.getContent()).hasSize(20)
			.first()
			.extracting(AccountSummary::email)
			.isEqualTo(token + "-01@example.com");
		assertThat(second.getContent()).extracting(AccountSummary::email)
			.containsExactly(token + "-21@example.com", token + "-22@example.com", token + "-23@example.com",
					token + "-24@example.com", token + "-25@example.com");
	}

	@Test
	void searchMatchesDisplayNamesIgnoringCaseAndTakesPercentAndUnderscoreLiterally() {
		String token = "literal" + System.nanoTime();
		accounts.createIfAbsent(token + "-a@example.com", "Hundred % Sure " + token, "irrelevant-pw", Role.EMPLOYEE);
		accounts.createIfAbsent(token + "-b@example.com", "Hundred X Sure " + token, "irrelevant-pw", Role.EMPLOYEE);

		assertThat(accounts.search("hundred % SURE " + token, PageRequest.of(0, 20)))
			.extracting(AccountSummary::email)
			.containsExactly(token + "-a@example.com");
		assertThat(accounts.search("Hundred _ Sure " + token, PageRequest.of(0, 20))).isEmpty();
		assertThat(accounts.search("  ", PageRequest.of(0, 20)).getTotalElements())
			.isEqualTo(jdbc.queryForObject("select count(*) from account", Long.class));
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
				"select actor_account_id || ' ' || action || ' ' || detail from audit_event where subject_account_id = ?",
				String.class, id))
			.containsExactly(adminId + " ACCOUNT_CREATED " + email.toLowerCase() + " ADMIN");
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

}
