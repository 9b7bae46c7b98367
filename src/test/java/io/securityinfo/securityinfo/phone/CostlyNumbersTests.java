package io.securityinfo.securityinfo.phone;

import static io.securityinfo.Pages.shows;
import static io.securityinfo.Pages.signedIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.RequestBuilder;

import io.securityinfo.AppTest;
import io.securityinfo.account.SignedInUser;
import io.securityinfo.policy.PolicyFixture;
import io.securityinfo.verification.Channel;
import io.securityinfo.verification.Refusal;
import io.securityinfo.verification.VerificationCodes;
import io.securityinfo.verification.VerificationRefusedException;

/**
 * Numbers that cost money or reach no person: premium rate (0900), toll free (0800), company service numbers,
 * pagers; VoIP numbers unless the policy lets them in; texts to landlines. Refused beside the field, and never sent to.
 */
@AppTest
class CostlyNumbersTests extends PolicyFixture {

	@Autowired
	VerificationCodes codes;

	SignedInUser employee;

	@BeforeEach
	void createPeople() {
		employee = newEmployee();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = {
			"phone | TEXT | 0900 1234567 | This is a premium-rate number (such as 0900): calls and texts to it cost money",
			"phone | CALL | 0900 1234567 | This is a premium-rate number (such as 0900)",
			"phone | CALL | 0909 1234567 | This is a premium-rate number",
			"alternate-phone | CALL | 0900 1234567 | This is a premium-rate number",
			"office-phone | CALL | 0900 1234567 | This is a premium-rate number",
			"phone | CALL | 0800 1234567 | This is a toll-free number (such as 0800)",
			"phone | CALL | 0884 123456 | This is a company-wide service number",
			"phone | TEXT | 066 1234567 | This is a pager number",
			"phone | TEXT | 085 1234567 | This is an internet (VoIP) number, and your organization doesn&#39;t allow",
			"phone | TEXT | 020 1234567 | This is a landline number: it can&#39;t receive texts. Choose Call me" })
	void sendCodeWhenNumberCannotReceiveCodesThatWayThenSaysWhyBesideTheNumberAndSendsNothing(String slug,
			String mode, String number, String message) throws Exception {
		int sentBefore = sms.sent().size();

		mvc.perform(sendCode(slug, "NL", number, mode))
			.andExpect(status().isOk())
			.andExpect(shows("id=\"number-error\">" + message));

		assertThat(challengesOf(employee)).isZero();
		assertThat(sms.sent()).hasSize(sentBefore);
	}

	@Test
	void sendCodeWhenLandlineIsToBeCalledThenTheCallGoes() throws Exception {
		String landline = "020 " + (1_000_000 + ThreadLocalRandom.current().nextInt(8_999_999));

		mvc.perform(sendCode("phone", "NL", landline, "CALL"))
			.andExpect(redirectedUrlPattern("/security-info/phone/challenges/*"));

		assertThat(challengesOf(employee)).isEqualTo(1);
	}

	@Test
	void sendCodeWhenPolicyAllowsVoipThenVoipNumberGetsItsCodeButPremiumRateStillDoesNot() throws Exception {
		mvc.perform(post("/admin/methods/phone").param("allowedRegions", "")
			.param("codeLifetimeMinutes", "10")
			.param("maxWrongAttempts", "5")
			.param("resendCooldownSeconds", "30")
			.param("maxSendsPerNumberPerHour", "5")
			.param("maxSendsPerUserPerDay", "10")
			.param("allowVoip", "true")
			.with(csrf())
			.with(signedIn(admin))).andExpect(redirectedUrl("/admin/methods"));
		assertThat(phonePolicy.current().allowVoip()).isTrue();
		mvc.perform(get("/admin/methods/phone").with(signedIn(admin)))
			.andExpect(shows("Also allow internet (VoIP) numbers"))
			.andExpect(shows("name=\"allowVoip\" value=\"true\" checked=\"checked\""));
		String voip = "085 " + (1_000_000 + ThreadLocalRandom.current().nextInt(8_999_999));

		mvc.perform(sendCode("phone", "NL", "0900 1234567", "CALL"))
			.andExpect(shows("This is a premium-rate number"));
		mvc.perform(sendCode("phone", "NL", voip, "TEXT"))
			.andExpect(redirectedUrlPattern("/security-info/phone/challenges/*"));

		assertThat(challengesOf(employee)).isEqualTo(1);
	}

	@Test
	void startWhenNumberStoredEarlierIsPremiumRateThenNoCodeIsSent() {
		int sentBefore = sms.sent().size();

		assertThatExceptionOfType(VerificationRefusedException.class)
			.isThrownBy(() -> codes.start(employee.id(), Channel.VOICE, "+319001234567"))
			.satisfies(ex -> assertThat(ex.refusal()).isEqualTo(Refusal.NUMBER_TYPE_NOT_ALLOWED));
		assertThatExceptionOfType(VerificationRefusedException.class)
			.isThrownBy(() -> codes.start(employee.id(), Channel.SMS, "+31201234567"))
			.satisfies(ex -> assertThat(ex.refusal()).isEqualTo(Refusal.NUMBER_TYPE_NOT_ALLOWED));
		assertThat(sms.sent()).hasSize(sentBefore);
	}

	private RequestBuilder sendCode(String slug, String region, String number, String mode) {
		return post("/security-info/" + slug).param("region", region)
			.param("number", number)
			.param("mode", mode)
			.with(csrf())
			.with(signedIn(employee));
	}

}
