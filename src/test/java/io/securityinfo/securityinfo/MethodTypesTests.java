package io.securityinfo.securityinfo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

import io.securityinfo.AppTest;
import io.securityinfo.policy.AuthenticationMethod;
import io.securityinfo.verification.Channel;

/**
 * What other modules read of the method types, pinned to the values the database, the sessions and the audit log
 * already hold, and every message key a type names, in each messages file. A new type fails here until its
 * messages exist; a changed name that is stored somewhere fails here before it reaches a database.
 */
@AppTest
class MethodTypesTests {

	@Autowired
	MethodTypes types;

	@Test
	void authenticationMethodsWhenReadFromTheTypesThenThePolicysStoredNamesInTheAdminPagesOrder() {
		assertThat(types.authenticationMethods()).extracting(AuthenticationMethod::name)
			.containsExactly("PASSKEY", "AUTHENTICATOR_APP", "SMS", "VOICE", "EMAIL", "SECURITY_QUESTIONS",
					"RECOVERY_CODES", "TEMPORARY_ACCESS_PASS");
	}

	@Test
	void signInModesWhenReadFromTheTypesThenEachOnceWithItsStoredNamePolicySwitchFactorAndChannel() {
		assertThat(types.signInModes())
			.extracting(MethodMode::name, mode -> mode.policyMethod().name(), MethodMode::secondFactor,
					MethodMode::channel)
			.containsExactly(tuple("PASSKEY", "PASSKEY", "WEBAUTHN", null),
					tuple("APP_CODE", "AUTHENTICATOR_APP", "AUTHENTICATOR_APP", null),
					tuple("TEXT", "SMS", "SMS", Channel.SMS), tuple("CALL", "VOICE", "VOICE", Channel.VOICE),
					tuple("RECOVERY_CODE", "RECOVERY_CODES", "RECOVERY_CODE", null),
					tuple("TEMPORARY_ACCESS_PASS", "TEMPORARY_ACCESS_PASS", "TEMPORARY_ACCESS_PASS", null));
	}

	@Test
	void resetWaysWhenReadFromTheTypesThenInThePagesOrderWithTheNamesAResetStores() {
		assertThat(types.resetWays())
			.extracting(ResetWay::name, ResetWay::slug, ResetWay::typeId, way -> way.policyMethod().name(),
					ResetWay::channel, ResetWay::proof)
			.containsExactly(tuple("TEXT", "text", "PHONE", "SMS", Channel.SMS, ResetWay.Proof.SENT_CODE),
					tuple("CALL", "call", "PHONE", "VOICE", Channel.VOICE, ResetWay.Proof.SENT_CODE),
					tuple("OFFICE_CALL", "office-phone", "OFFICE_PHONE", "VOICE", Channel.VOICE,
							ResetWay.Proof.SENT_CODE),
					tuple("ALTERNATE_CALL", "alternate-phone", "ALTERNATE_PHONE", "VOICE", Channel.VOICE,
							ResetWay.Proof.SENT_CODE),
					tuple("EMAIL", "email", "EMAIL", "EMAIL", Channel.EMAIL, ResetWay.Proof.SENT_CODE),
					tuple("APP", "app", "AUTHENTICATOR_APP", "AUTHENTICATOR_APP", null, ResetWay.Proof.APP_CODE),
					tuple("QUESTIONS", "questions", "SECURITY_QUESTIONS", "SECURITY_QUESTIONS", null,
							ResetWay.Proof.ANSWERS));
	}

	@Test
	void usedForWhenATypeHasSignInModesAndResetWaysThenBothElsePasswordResetOnly() {
		assertThat(types.all()).extracting(MethodType::id, MethodType::usedFor, MethodType::removable)
			.containsExactly(tuple("PASSKEY", MethodUse.SIGN_IN, true),
					tuple("AUTHENTICATOR_APP", MethodUse.SIGN_IN_AND_PASSWORD_RESET, true),
					tuple("PHONE", MethodUse.SIGN_IN_AND_PASSWORD_RESET, true),
					tuple("ALTERNATE_PHONE", MethodUse.SIGN_IN_AND_PASSWORD_RESET, true),
					tuple("OFFICE_PHONE", MethodUse.SIGN_IN_AND_PASSWORD_RESET, true),
					tuple("EMAIL", MethodUse.PASSWORD_RESET, true),
					tuple("SECURITY_QUESTIONS", MethodUse.PASSWORD_RESET, true),
					tuple("RECOVERY_CODES", MethodUse.SIGN_IN, true),
					tuple("TEMPORARY_ACCESS_PASS", MethodUse.SIGN_IN, false));
	}

	@Test
	void phishingResistantWhenReadFromTheTypesThenThePasskeyAlone() {
		assertThat(types.all()).filteredOn(MethodType::phishingResistant)
			.extracting(MethodType::id)
			.containsExactly("PASSKEY");
	}

	@ParameterizedTest
	@ValueSource(strings = { "messages.properties", "messages_nl.properties" })
	void everyKeyATypeNamesWhenLookedUpThenInTheMessagesFile(String file) throws IOException {
		Properties messages = new Properties();
		try (InputStream in = getClass().getResourceAsStream("/messages/" + file);
				Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
			messages.load(reader);
		}
		List<String> keys = new ArrayList<>();
		Arrays.stream(MethodUse.values()).map(MethodUse::labelKey).forEach(keys::add);
		for (MethodType type : types.all()) {
			keys.add(type.nameKey());
			type.signInModes().stream().map(MethodMode::labelKey).forEach(keys::add);
			type.policyMethods().stream().map(AuthenticationMethod::nameKey).forEach(keys::add);
		}

		// The phones share CALL and its switch: each key once.
		// Recovery codes and the Temporary Access Pass: a name, a mode and a switch each.
		assertThat(keys.stream().distinct()).hasSize(3 + 7 + 4 + 6 + 3 + 3)
			.contains("method.type.OFFICE_PHONE.name", "method.mode.APP_CODE", "policy.method.VOICE.name")
			.allSatisfy(key -> assertThat(messages).as(file).containsKey(key));
	}

}
