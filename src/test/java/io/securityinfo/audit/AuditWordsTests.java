package io.securityinfo.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.securityinfo.AppTest;

/**
 * Every kind of fact a row keeps, told in English and in Dutch from the messages files: no code of the row (a type
 * id, a mode, a setting, a role) reaches the reader.
 */
@AppTest
class AuditWordsTests {

	private static final Locale DUTCH = Locale.forLanguageTag("nl");

	/** What a code looks like: an enum name with an underscore, or one of the one-word codes rows keep. */
	private static final Pattern CODE = Pattern
		.compile("\\b(?:[A-Z]+_[A-Z_]+|PHONE|EMAIL|TEXT|CALL|VOICE|OFF|ADMIN|EMPLOYEE|TOTP|true|false)\\b");

	@Autowired
	AuditWords words;

	@Test
	void describeWhenAMethodWasAddedThenNamesItsTypeAndItsMaskedNumber() {
		AuditLog.Entry added = entry(AuditAction.METHOD_ADDED, "PHONE", null, "+XX XXXXXXX78", null);

		assertThat(words.describe(added, Locale.ENGLISH)).isEqualTo("Phone: +XX XXXXXXX78");
		assertThat(words.describe(added, DUTCH)).isEqualTo("Telefoon: +XX XXXXXXX78");
	}

	@Test
	void describeWhenTheAppBecameTheDefaultThenNamesTheAppAndItsModeAndNoCode() {
		AuditLog.Entry changed = entry(AuditAction.DEFAULT_METHOD_CHANGED, "AUTHENTICATOR_APP", "APP_CODE", null,
				null);

		assertThat(words.describe(changed, Locale.ENGLISH)).isEqualTo("Authenticator app - code");
		assertThat(words.describe(changed, DUTCH)).isEqualTo("Authenticator-app - verificatiecode");
	}

	@Test
	void describeWhenAnOfficePhoneBecameTheDefaultThenReadsAsTheDefaultChoiceDoes() {
		AuditLog.Entry changed = entry(AuditAction.DEFAULT_METHOD_CHANGED, "OFFICE_PHONE", "CALL", "+XX XXXXXXX12",
				null);

		assertThat(words.describe(changed, Locale.ENGLISH)).isEqualTo("Office phone - call: +XX XXXXXXX12");
		assertThat(words.describe(changed, DUTCH)).isEqualTo("Telefoon op kantoor - bellen: +XX XXXXXXX12");
	}

	@Test
	void describeWhenACodeWentByTextThenNamesTheWayItCame() {
		AuditLog.Entry sent = entry(AuditAction.CODE_SENT, null, "TEXT", "+XX XXXXXXX78", null);

		assertThat(words.describe(sent, Locale.ENGLISH)).isEqualTo("Text message: +XX XXXXXXX78");
		assertThat(words.describe(sent, DUTCH)).isEqualTo("Sms-bericht: +XX XXXXXXX78");
	}

	@Test
	void describeWhenANumberChangedThenTellsTheOldOneToo() {
		AuditLog.Entry changed = entry(AuditAction.METHOD_CHANGED, "ALTERNATE_PHONE", null, "+XX XXXXXXX99",
				"was=+XX XXXXXXX12");

		assertThat(words.describe(changed, Locale.ENGLISH))
			.isEqualTo("Alternate phone: +XX XXXXXXX99; was +XX XXXXXXX12");
		assertThat(words.describe(changed, DUTCH))
			.isEqualTo("Alternatieve telefoon: +XX XXXXXXX99; voorheen +XX XXXXXXX12");
	}

	@Test
	void describeWhenSecurityQuestionsWereAddedThenCountsTheAnswersInWords() {
		AuditLog.Entry added = entry(AuditAction.METHOD_ADDED, "SECURITY_QUESTIONS", null, "3", null);

		assertThat(words.describe(added, Locale.ENGLISH)).isEqualTo("Security questions: 3 questions answered");
		assertThat(words.describe(added, DUTCH)).isEqualTo("Beveiligingsvragen: 3 vragen beantwoord");
	}

	@Test
	void describeWhenAPolicyChangedThenNamesTheMethodAndTheSettingInWords() {
		AuditLog.Entry changed = entry(AuditAction.METHOD_POLICY_CHANGED, null, null, null,
				"method=SMS&setting=ON_FOR_GROUPS&groups=3,7");

		assertThat(words.describe(changed, Locale.ENGLISH)).isEqualTo("Text message (SMS): on for groups 3, 7");
		assertThat(words.describe(changed, DUTCH)).doesNotContain("on for").contains("aan voor groepen 3, 7");
	}

	@Test
	void describeWhenThePhoneSettingsChangedThenNamesTheCountriesInTheReadersLanguage() {
		AuditLog.Entry changed = entry(AuditAction.PHONE_POLICY_CHANGED, null, null, null,
				"regions=BE,NL&code-lifetime-minutes=5&wrong-codes=3&resend-seconds=60&codes-per-number-hour=4"
						+ "&codes-per-person-day=8&voip=false");

		assertThat(words.describe(changed, Locale.ENGLISH)).isEqualTo("countries: Belgium, Netherlands; "
				+ "codes valid for 5 min; 3 tries per code; new code after 60 s; 4 codes per number per hour; "
				+ "8 codes per person per day; no VoIP numbers");
		assertThat(words.describe(changed, DUTCH)).startsWith("landen: België, Nederland; codes 5 min geldig;");
	}

	@Test
	void describeWhenTheLogKeptTheOldTextThenShowsItAsItWas() {
		AuditLog.Entry old = new AuditLog.Entry(Instant.EPOCH, 1L, 1L, AuditAction.METHOD_POLICY_CHANGED, null, null,
				null, null, "SMS on for the finance team", null);

		assertThat(words.describe(old, DUTCH)).isEqualTo("SMS on for the finance team");
	}

	@Test
	void describeWhenTheActionSaysAllThenIsEmpty() {
		assertThat(words.describe(entry(AuditAction.PASSWORD_CHANGED, null, null, null, null), Locale.ENGLISH))
			.isEmpty();
	}

	/** One row of each kind the trail writes: none of them shows a code, in English or in Dutch. */
	@Test
	void describeWhenAnyKindOfRowThenNoCodeReachesTheReader() {
		List<AuditLog.Entry> rows = List.of(entry(AuditAction.METHOD_ADDED, "AUTHENTICATOR_APP", null, null, null),
				entry(AuditAction.METHOD_ADDED, "EMAIL", null, "a***@example.com", null),
				entry(AuditAction.DEFAULT_METHOD_CHANGED, "PHONE", "TEXT", "+XX XXXXXXX78", null),
				entry(AuditAction.CODE_SENT, null, "CALL", "+XX XXXXXXX78", null),
				entry(AuditAction.CODE_SENT, null, "EMAIL", "a***@example.com", null),
				entry(AuditAction.CODE_FAILED, null, "APP_CODE", null, null),
				entry(AuditAction.TWO_STEP_SUCCEEDED, null, "APP_CODE", null, null),
				entry(AuditAction.PASSWORD_RESET_METHOD_VERIFIED, "OFFICE_PHONE", "CALL", null, null),
				entry(AuditAction.PASSWORD_RESET, null, null, null, "proven=PHONE,EMAIL"),
				entry(AuditAction.PASSWORD_RESET_STARTED, null, null, null, "methods-required=2"),
				entry(AuditAction.METHOD_POLICY_CHANGED, null, null, null, "method=VOICE&setting=OFF"),
				entry(AuditAction.METHOD_POLICY_CHANGED, null, null, null,
						"method=AUTHENTICATOR_APP&setting=ON_FOR_ALL"),
				entry(AuditAction.TWO_STEP_POLICY_CHANGED, null, null, null, "setting=NOT_REQUIRED"),
				entry(AuditAction.TWO_STEP_POLICY_CHANGED, null, null, null, "setting=REQUIRED_FOR_ALL"),
				entry(AuditAction.TWO_STEP_POLICY_CHANGED, null, null, null, "setting=REQUIRED_FOR_GROUPS&groups=2"),
				entry(AuditAction.PHONE_POLICY_CHANGED, null, null, null,
						"regions=&code-lifetime-minutes=10&wrong-codes=1&resend-seconds=30&codes-per-number-hour=5"
								+ "&codes-per-person-day=10&voip=true"),
				entry(AuditAction.REGISTRATION_POLICY_CHANGED, null, null, null,
						"registration-required=true&reset-methods=2&reconfirm-days=180&skip-days=0"),
				entry(AuditAction.QUESTION_POLICY_CHANGED, null, null, null,
						"questions-required=3&questions-offered=5&questions-known=8"),
				entry(AuditAction.QUESTION_POLICY_CHANGED, null, null, null,
						"question=12&question-text=What was your first car?"),
				entry(AuditAction.ACCOUNT_CREATED, null, null, "new@example.com", "role=ADMIN"),
				entry(AuditAction.SIGN_IN_LOCKED, null, null, null,
						"wrong-passwords=10&until=2026-11-24T10:15:00Z"),
				entry(AuditAction.SIGN_IN_ADDRESS_LOCKED, null, null, "203.0.113.9",
						"wrong-passwords=20&until=2026-11-24T10:15:00Z"),
				entry(AuditAction.SIGNED_OUT_EVERYWHERE, null, null, null, "sessions=1"),
				entry(AuditAction.NOT_ME_REPORTED, "PHONE", null, "+31 XXXXXXX78",
						"reported=METHOD_ADDED&sessions=2"),
				entry(AuditAction.NOT_ME_REPORTED, null, null, null, "reported=PASSWORD_RESET&sessions=0"),
				entry(AuditAction.GROUP_CREATED, null, null, "Finance", null));

		for (Locale locale : List.of(Locale.ENGLISH, DUTCH)) {
			assertThat(rows).as(locale.toString())
				.allSatisfy(row -> assertThat(words.describe(row, locale)).isNotBlank().doesNotContainPattern(CODE));
		}
		assertThat(rows).as("only a bare target, such as a group's name, reads alike in both languages")
			.filteredOn(row -> row.methodType() != null || row.mode() != null || row.facts() != null)
			.allSatisfy(row -> assertThat(words.describe(row, DUTCH)).as(row.toString())
				.isNotEqualTo(words.describe(row, Locale.ENGLISH)));
	}

	@Test
	void describeWhenTheRowsFactsHoldEscapedCharactersThenShowsThemAsTyped() {
		AuditFacts facts = AuditFacts.none()
			.with(AuditFacts.QUESTION, 4)
			.with(AuditFacts.QUESTION_TEXT, "A & B = 100%?");
		AuditLog.Entry added = entry(AuditAction.QUESTION_POLICY_CHANGED, null, null, null, facts.encodedFacts());

		assertThat(facts.encodedFacts()).isEqualTo("question=4&question-text=A %26 B %3D 100%25?");
		assertThat(AuditFacts.decode(facts.encodedFacts())).isEqualTo(Map.of("question", "4", "question-text",
				"A & B = 100%?"));
		assertThat(words.describe(added, Locale.ENGLISH)).isEqualTo("question 4 added: A & B = 100%?");
	}

	private static AuditLog.Entry entry(AuditAction action, String methodType, String mode, String target,
			String facts) {
		return new AuditLog.Entry(Instant.EPOCH, 1L, 1L, action, methodType, mode, target, facts, null, null);
	}

}
