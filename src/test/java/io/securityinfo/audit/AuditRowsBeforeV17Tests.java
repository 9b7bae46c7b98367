package io.securityinfo.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import javax.sql.DataSource;

import db.migration.V17__audit_facts;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;

import io.securityinfo.AppTest;
import io.securityinfo.account.Accounts;
import io.securityinfo.account.TestAccounts;

/**
 * Rows written before V17 held English texts and codes; V17 reads them into the rows' facts, which the pages then
 * tell in the reader's words, and keeps a text it does not know as it was.
 */
@AppTest
class AuditRowsBeforeV17Tests {

	@Autowired
	DataSource dataSource;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Accounts accounts;

	@Autowired
	UserDetailsService users;

	@Autowired
	AuditLog auditLog;

	@Autowired
	AuditWords words;

	@Test
	void convertWhenRowsHoldTheOldTextsThenThePagesTellThemInWordsAndKeepWhatCouldNotBeRead() throws Exception {
		long person = TestAccounts.newEmployee(accounts, users).id();
		insert(person, "DEFAULT_METHOD_CHANGED", "AUTHENTICATOR_APP TOTP APP_CODE");
		insert(person, "METHOD_ADDED", "OFFICE_PHONE +XX XXXXXXX12");
		insert(person, "CODE_SENT", "SMS +XX XXXXXXX78");
		insert(person, "METHOD_CHANGED", "EMAIL e***@example.net (was o***@example.org)");
		insert(person, "NOT_ME_REPORTED", "METHOD_ADDED AUTHENTICATOR_APP TOTP; 1 sessions ended");
		insert(person, "METHOD_POLICY_CHANGED", "SMS on for the finance team");

		try (Connection connection = dataSource.getConnection()) {
			V17__audit_facts.convert(connection);
		}

		List<AuditLog.Entry> entries = new ArrayList<>(auditLog.entriesFor(person));
		Collections.reverse(entries);
		assertThat(entries).extracting(entry -> words.describe(entry, Locale.ENGLISH))
			.containsExactly("Authenticator app - code", "Office phone: +XX XXXXXXX12", "Text message: +XX XXXXXXX78",
					"Email: e***@example.net; was o***@example.org",
					"Authenticator app; reported change: method added; 1 session ended", "SMS on for the finance team");
		assertThat(entries).extracting(entry -> words.describe(entry, Locale.forLanguageTag("nl")))
			.containsExactly("Authenticator-app - verificatiecode", "Telefoon op kantoor: +XX XXXXXXX12",
					"Sms-bericht: +XX XXXXXXX78", "E-mail: e***@example.net; voorheen o***@example.org",
					"Authenticator-app; gemelde wijziging: methode toegevoegd; 1 sessie beëindigd",
					"SMS on for the finance team");
		assertThat(jdbc.queryForList("select detail from audit_event where subject_account_id = ? order by id",
				String.class, person))
			.as("the old text is kept only where it could not be read")
			.containsExactly(null, null, null, null, null, "SMS on for the finance team");
	}

	private void insert(long person, String action, String detail) {
		jdbc.update("""
				insert into audit_event (occurred_at, actor_account_id, subject_account_id, action, detail)
				values (?, ?, ?, ?, ?)""", OffsetDateTime.of(2026, 11, 24, 10, 0, 0, 0, ZoneOffset.UTC), person, person,
				action, detail);
	}

}
