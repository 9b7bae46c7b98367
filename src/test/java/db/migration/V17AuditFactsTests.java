package db.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * V17 reads the texts the services wrote into the audit rows before it (English sentences and codes) into the rows'
 * facts; a text it does not know stays as it was. {@code AuditRowsBeforeV17Tests} converts rows in a database.
 */
class V17AuditFactsTests {

	/** Each kind of text rows held before V17, by action, and the columns it becomes. */
	private static final Map<String[], String> OLD_TEXTS = texts();

	@Test
	void readWhenTheTextIsOneTheServicesWroteThenItsFactsGoToTheirColumns() {
		OLD_TEXTS.forEach((row, columns) -> assertThat(V17__audit_facts.read(row[0], row[1]))
			.as(row[0] + " " + row[1])
			.hasValueSatisfying(facts -> assertThat(facts.methodType() + " | " + facts.mode() + " | "
					+ facts.target() + " | " + facts.encodedNamed())
				.isEqualTo(columns)));
	}

	@Test
	void readWhenTheTextIsNoneTheServicesWroteThenItStays() {
		assertThat(V17__audit_facts.read("METHOD_POLICY_CHANGED", "SMS on for the finance team")).isEmpty();
		assertThat(V17__audit_facts.read("METHOD_ADDED", "PASSKEY my laptop")).isEmpty();
		assertThat(V17__audit_facts.read("NOT_ME_REPORTED", "SOMETHING_ELSE; 1 sessions ended")).isEmpty();
		assertThat(V17__audit_facts.read("GROUP_CREATED", "x".repeat(321))).isEmpty();
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
