package io.securityinfo.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;

import io.securityinfo.AppTest;
import io.securityinfo.account.Accounts;
import io.securityinfo.account.TestAccounts;

/**
 * Rows written before V17 held English texts and codes; V17 reads them into the rows' facts, which the pages then
 * tell in the reader's words, and keeps a text it does not know as it was. The migration's own statements run here
 * again on rows written as they were before it, on H2 and on PostgreSQL.
 */
@AppTest
class AuditRowsBeforeV17Tests {

	/** Each kind of text rows held before V17, by action, and the columns it becomes: type | mode | target | facts. */
	private static final Map<String[], String> OLD_TEXTS = texts();

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
	void migrationWhenTheTextIsOneTheServicesWroteThenItsFactsGoToTheirColumns() throws IOException {
		long person = TestAccounts.newEmployee(accounts, users).id();
		OLD_TEXTS.keySet().forEach(row -> insert(person, row[0], row[1]));

		convert();

		assertThat(jdbc.queryForList("""
				select coalesce(method_type, 'null') || ' | ' || coalesce(method_mode, 'null') || ' | '
				       || coalesce(target, 'null') || ' | ' || coalesce(facts, 'null') || ' | '
				       || coalesce(detail, 'null')
				from audit_event where subject_account_id = ? order by id""", String.class, person))
			.containsExactlyElementsOf(OLD_TEXTS.values().stream().map(columns -> columns + " | null").toList());
	}

	@Test
	void migrationWhenTheTextIsNoneTheServicesWroteThenItStays() throws IOException {
		long person = TestAccounts.newEmployee(accounts, users).id();
		List<String> unknown = List.of("SMS on for the finance team", "PASSKEY my laptop",
				"SOMETHING_ELSE; 1 sessions ended", "x".repeat(321));
		insert(person, "METHOD_POLICY_CHANGED", unknown.get(0));
		insert(person, "METHOD_ADDED", unknown.get(1));
		insert(person, "NOT_ME_REPORTED", unknown.get(2));
		insert(person, "GROUP_CREATED", unknown.get(3));

		convert();

		assertThat(jdbc.queryForList("""
				select detail from audit_event where subject_account_id = ?
				and method_type is null and method_mode is null and target is null and facts is null
				order by id""", String.class, person)).containsExactlyElementsOf(unknown);
	}

	@Test
	void migrationWhenRowsHoldTheOldTextsThenThePagesTellThemInWordsAndTheOthersAsTheyWere() throws IOException {
		long person = TestAccounts.newEmployee(accounts, users).id();
		insert(person, "DEFAULT_METHOD_CHANGED", "AUTHENTICATOR_APP TOTP APP_CODE");
		insert(person, "METHOD_ADDED", "OFFICE_PHONE +XX XXXXXXX12");
		insert(person, "CODE_SENT", "SMS +XX XXXXXXX78");
		insert(person, "METHOD_CHANGED", "EMAIL e***@example.net (was o***@example.org)");
		insert(person, "NOT_ME_REPORTED", "METHOD_ADDED AUTHENTICATOR_APP TOTP; 1 sessions ended");
		insert(person, "METHOD_POLICY_CHANGED", "SMS on for the finance team");

		convert();

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
	}

	/** The migration's statements but the columns it added: they read every row that still has its text. */
	private void convert() throws IOException {
		String script = new ClassPathResource("db/migration/V17__audit_facts.sql").getContentAsString(
				StandardCharsets.UTF_8);
		List<String> statements = Arrays.stream(script.replaceAll("(?m)^--.*$", "").split(";\\s*(?:\\n|$)"))
			.map(String::strip)
			.filter(statement -> !statement.isEmpty())
			.toList();
		assertThat(statements).filteredOn(statement -> statement.startsWith("UPDATE")).hasSizeGreaterThan(50);
		statements.stream().filter(statement -> !statement.startsWith("ALTER")).forEach(jdbc::execute);
	}

	private void insert(long person, String action, String detail) {
		jdbc.update("""
				insert into audit_event (occurred_at, actor_account_id, subject_account_id, action, detail)
				values (?, ?, ?, ?, ?)""", OffsetDateTime.of(2026, 11, 24, 10, 0, 0, 0, ZoneOffset.UTC), person, person,
				action, detail);
	}

	private static Map<String[], String> texts() {
		Map<String[], String> texts = new LinkedHashMap<>();
		texts.put(new String[] { "METHOD_ADDED", "PHONE +XX XXXXXXX78" }, "PHONE | null | +XX XXXXXXX78 | null");
		texts.put(new String[] { "METHOD_DELETED", "AUTHENTICATOR_APP TOTP" },
				"AUTHENTICATOR_APP | null | null | null");
		texts.put(new String[] { "AUTHENTICATOR_APP_REPLACED", "AUTHENTICATOR_APP TOTP" },
				"AUTHENTICATOR_APP | null | null | null");
		texts.put(new String[] { "METHOD_ADDED", "SECURITY_QUESTIONS 3 answers" },
				"SECURITY_QUESTIONS | null | 3 | null");
		texts.put(new String[] { "DEFAULT_METHOD_CHANGED", "AUTHENTICATOR_APP TOTP APP_CODE" },
				"AUTHENTICATOR_APP | APP_CODE | null | null");
		texts.put(new String[] { "DEFAULT_METHOD_CHANGED", "OFFICE_PHONE +XX XXXXXXX12 CALL" },
				"OFFICE_PHONE | CALL | +XX XXXXXXX12 | null");
		texts.put(new String[] { "METHOD_CHANGED", "EMAIL e***@example.net (was o***@example.org)" },
				"EMAIL | null | e***@example.net | was=o***@example.org");
		texts.put(new String[] { "METHOD_CHANGED", "SECURITY_QUESTIONS 4 answers (was 3 answers)" },
				"SECURITY_QUESTIONS | null | 4 | was=3");
		texts.put(new String[] { "CODE_SENT", "SMS +XX XXXXXXX78" }, "null | TEXT | +XX XXXXXXX78 | null");
		texts.put(new String[] { "CODE_FAILED", "VOICE +XX XXXXXXX78" }, "null | CALL | +XX XXXXXXX78 | null");
		texts.put(new String[] { "CODE_VERIFIED", "EMAIL e***@example.net" },
				"null | EMAIL | e***@example.net | null");
		texts.put(new String[] { "CODE_VERIFIED", "AUTHENTICATOR_APP" }, "null | APP_CODE | null | null");
		texts.put(new String[] { "VERIFICATION_LOCKED_OUT", "AUTHENTICATOR_APP" }, "null | APP_CODE | null | null");
		texts.put(new String[] { "AUTHENTICATOR_APP_DISABLED", "AUTHENTICATOR_APP" },
				"null | APP_CODE | null | null");
		texts.put(new String[] { "METHOD_POLICY_CHANGED", "VOICE on for groups [3, 7]" },
				"null | null | null | method=VOICE&setting=ON_FOR_GROUPS&groups=3,7");
		texts.put(new String[] { "METHOD_POLICY_CHANGED", "SMS on for all users" },
				"null | null | null | method=SMS&setting=ON_FOR_ALL");
		texts.put(new String[] { "METHOD_POLICY_CHANGED", "EMAIL off" }, "null | null | null | method=EMAIL&setting=OFF");
		texts.put(new String[] { "TWO_STEP_POLICY_CHANGED", "not required" }, "null | null | null | setting=NOT_REQUIRED");
		texts.put(new String[] { "TWO_STEP_POLICY_CHANGED", "required for groups [2]" },
				"null | null | null | setting=REQUIRED_FOR_GROUPS&groups=2");
		texts.put(new String[] { "PHONE_POLICY_CHANGED", "regions [BE, NL], lifetime 5 min, attempts 3, cooldown 60 s, "
				+ "per number/hour 4, per user/day 8, VoIP numbers allowed" },
				"null | null | null | regions=BE,NL&code-lifetime-minutes=5&wrong-codes=3&resend-seconds=60"
						+ "&codes-per-number-hour=4&codes-per-person-day=8&voip=true");
		texts.put(new String[] { "PHONE_POLICY_CHANGED", "regions all, lifetime 10 min, attempts 5, cooldown 30 s, "
				+ "per number/hour 5, per user/day 10" },
				"null | null | null | regions=&code-lifetime-minutes=10&wrong-codes=5&resend-seconds=30"
						+ "&codes-per-number-hour=5&codes-per-person-day=10&voip=false");
		texts.put(new String[] { "REGISTRATION_POLICY_CHANGED",
				"required false, methods for reset 1, reconfirm days 0, skip days 14" },
				"null | null | null | registration-required=false&reset-methods=1&reconfirm-days=0&skip-days=14");
		texts.put(new String[] { "QUESTION_POLICY_CHANGED", "questions required 3, offered 5 of 8" },
				"null | null | null | questions-required=3&questions-offered=5&questions-known=8");
		texts.put(new String[] { "QUESTION_POLICY_CHANGED", "question 12 added: Who was your hero = 100%?" },
				"null | null | null | question=12&question-text=Who was your hero %3D 100%25?");
		texts.put(new String[] { "GROUP_MEMBER_ADDED", "Finance" }, "null | null | Finance | null");
		texts.put(new String[] { "ACCOUNT_CREATED", "new@example.com EMPLOYEE" },
				"null | null | new@example.com | role=EMPLOYEE");
		texts.put(new String[] { "ACCOUNT_DISABLED", "old@example.com" }, "null | null | old@example.com | null");
		texts.put(new String[] { "SIGN_IN_LOCKED", "10 wrong passwords; locked until 2026-11-24 10:15:00 UTC" },
				"null | null | null | wrong-passwords=10&until=2026-11-24T10:15:00Z");
		texts.put(new String[] { "SIGN_IN_ADDRESS_LOCKED",
				"20 wrong passwords from 203.0.113.9; locked until 2026-11-24 10:15:00 UTC" },
				"null | null | 203.0.113.9 | wrong-passwords=20&until=2026-11-24T10:15:00Z");
		texts.put(new String[] { "SIGNED_OUT_EVERYWHERE", "3 sessions ended" }, "null | null | null | sessions=3");
		texts.put(new String[] { "NOT_ME_REPORTED", "METHOD_ADDED PHONE +31 XXXXXXX78; 2 sessions ended" },
				"PHONE | null | +31 XXXXXXX78 | reported=METHOD_ADDED&sessions=2");
		texts.put(new String[] { "NOT_ME_REPORTED", "PASSWORD_RESET; 0 sessions ended" },
				"null | null | null | reported=PASSWORD_RESET&sessions=0");
		texts.put(new String[] { "PASSWORD_RESET_STARTED", "methods required 2" },
				"null | null | null | methods-required=2");
		texts.put(new String[] { "PASSWORD_RESET", "proven by PHONE EMAIL" }, "null | null | null | proven=PHONE,EMAIL");
		texts.put(new String[] { "PASSWORD_RESET_METHOD_VERIFIED", "ALTERNATE_CALL" },
				"ALTERNATE_PHONE | CALL | null | null");
		texts.put(new String[] { "PASSWORD_RESET_ANSWER_FAILED", "QUESTIONS" },
				"SECURITY_QUESTIONS | null | null | null");
		texts.put(new String[] { "TWO_STEP_FAILED", "TEXT +XX XXXXXXX78" }, "null | TEXT | +XX XXXXXXX78 | null");
		texts.put(new String[] { "TWO_STEP_SUCCEEDED", "APP_CODE" }, "null | APP_CODE | null | null");
		return texts;
	}

}
