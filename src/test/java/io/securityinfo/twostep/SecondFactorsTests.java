package io.securityinfo.twostep;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;

import io.securityinfo.AppTest;

/** The second factors come from the method types' sign-in modes, under the names sessions already hold. */
@AppTest
class SecondFactorsTests {

	@Autowired
	SecondFactors secondFactors;

	@Test
	void authoritiesWhenReadFromTheModesThenOnePerFactorTheStrongestTypesFirst() {
		assertThat(secondFactors.authorities()).containsExactly("FACTOR_WEBAUTHN", "FACTOR_AUTHENTICATOR_APP", "FACTOR_SMS",
				"FACTOR_VOICE", "FACTOR_RECOVERY_CODE", "FACTOR_TEMPORARY_ACCESS_PASS");
	}

	@Test
	void isGivenInWhenOnlyThePasswordWasGivenThenNoElseYes() {
		assertThat(secondFactors.isGivenIn(token("FACTOR_PASSWORD"))).isFalse();
		assertThat(secondFactors.isGivenIn(token("FACTOR_PASSWORD", "FACTOR_VOICE"))).isTrue();
		assertThat(secondFactors.isGivenIn(null)).isFalse();
	}

	private static TestingAuthenticationToken token(String... authorities) {
		return new TestingAuthenticationToken("person", null, AuthorityUtils.createAuthorityList(List.of(authorities)));
	}

}
