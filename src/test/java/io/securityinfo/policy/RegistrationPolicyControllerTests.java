package io.securityinfo.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import io.securityinfo.AppTest;
import io.securityinfo.account.TestAccounts;
import io.securityinfo.policy.PolicyFixture;

@AppTest
class RegistrationPolicyControllerTests extends PolicyFixture {

	@Test
	void initFormThenShowsTheFourSettingsAsTheyAreInForce() throws Exception {
		mvc.perform(get("/admin/registration").with(authentication(TestAccounts.authentication(admin))))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("<h1>Registration</h1>"),
					containsString("Require users to register security info when they sign in"),
					containsString("Number of methods required to reset a password"),
					containsString("Days before users are asked to reconfirm their security info (0 = never)"),
					containsString("Days a user may skip registration (0 = cannot skip)"),
					containsString("name=\"requireRegistration\" value=\"true\">"),
					containsString("<option value=\"1\" selected=\"selected\">1</option>"),
					containsString("name=\"reconfirmDays\" value=\"0\""),
					containsString("name=\"skipDays\" value=\"14\""))));
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			reconfirmDays | -1  | Enter a number of days from 0 to 730.
			reconfirmDays | 731 | Enter a number of days from 0 to 730.
			reconfirmDays | ''  | Enter a number of days from 0 to 730.
			skipDays      | -1  | Enter a number of days from 0 to 90.
			skipDays      | 91  | Enter a number of days from 0 to 90.
			skipDays      | ''  | Enter a number of days from 0 to 90.
			""")
	void processFormWhenANumberOfDaysIsOutOfRangeThenRefusedWithItsMessageAndTheTypedValueKept(String field,
			String value, String message) throws Exception {
		Map<String, String> fields = validFields();
		fields.put(field, value);

		mvc.perform(registrationForm(fields))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(
					containsString("<p class=\"field-error\" id=\"" + field + "-error\">" + message + "</p>"),
					containsString("name=\"" + field + "\" value=\"" + value + "\""))));

		assertNothingSaved();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			reconfirmDays           | 1.5 | id="reconfirmDays-error">Enter a number of days from 0 to 730.</p>
			skipDays                | two | id="skipDays-error">Enter a number of days from 0 to 90.</p>
			methodsRequiredForReset | 3   | <p class="field-error">Choose 1 or 2.</p>
			methodsRequiredForReset | 0   | <p class="field-error">Choose 1 or 2.</p>
			methodsRequiredForReset | one | <p class="field-error">Choose 1 or 2.</p>
			""")
	void processFormWhenAValueIsImpossibleThenRefusedWithTheFieldsMessage(String field, String value,
			String error) throws Exception {
		Map<String, String> fields = validFields();
		fields.put(field, value);

		mvc.perform(registrationForm(fields))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString(error), not(containsString("Failed to convert")))));

		assertNothingSaved();
	}

	@Test
	void processFormWhenValidThenThePolicyIsInForceSavedAndAudited() throws Exception {
		mvc.perform(registrationForm(Map.of("requireRegistration", "true", "_requireRegistration", "on",
				"methodsRequiredForReset", "2", "reconfirmDays", "180", "skipDays", "7")))
			.andExpect(redirectedUrl("/admin/registration"))
			.andExpect(flash().attribute("notice", "policy.registration.saved"));

		assertThat(registrationPolicy.current()).isEqualTo(new RegistrationRules(true, 2, 180, 7));
		Map<String, Object> saved = jdbc.queryForObject("""
				select require_registration, methods_required_for_reset, reconfirm_days, skip_days
				from registration_policy where id = 1""",
				(row, index) -> Map.<String, Object>of("REQUIRE_REGISTRATION", row.getBoolean(1), "METHODS_REQUIRED_FOR_RESET",
						row.getInt(2), "RECONFIRM_DAYS", row.getInt(3), "SKIP_DAYS", row.getInt(4)));
		assertThat(saved).isEqualTo(Map.of("REQUIRE_REGISTRATION", true, "METHODS_REQUIRED_FOR_RESET", 2, "RECONFIRM_DAYS", 180,
					"SKIP_DAYS", 7));
		assertThat(jdbc.queryForList("""
				select facts from audit_event
				where actor_account_id = ? and action = 'REGISTRATION_POLICY_CHANGED'""", String.class, admin.id()))
			.containsExactly("registration-required=true&reset-methods=2&reconfirm-days=180&skip-days=7");
		mvc.perform(get("/admin/registration").with(authentication(TestAccounts.authentication(admin))))
			.andExpect(content().string(allOf(containsString("name=\"requireRegistration\" value=\"true\" checked"),
					containsString("<option value=\"2\" selected=\"selected\">2</option>"),
					containsString("name=\"reconfirmDays\" value=\"180\""),
					containsString("name=\"skipDays\" value=\"7\""))));
	}

	@Test
	void processFormWhenTheBoxIsUncheckedThenRegistrationIsNoLongerRequired() throws Exception {
		registrationPolicy.save(admin.id(), new RegistrationRules(true, 1, 0, 14));

		mvc.perform(registrationForm(validFields())).andExpect(redirectedUrl("/admin/registration"));

		assertThat(registrationPolicy.current()).isEqualTo(TestPolicies.DEFAULT_REGISTRATION_RULES);
	}

	/** The form as a browser posts it with the box unchecked and the default values. */
	private static Map<String, String> validFields() {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("_requireRegistration", "on");
		fields.put("methodsRequiredForReset", "1");
		fields.put("reconfirmDays", "0");
		fields.put("skipDays", "14");
		return fields;
	}

	private MockHttpServletRequestBuilder registrationForm(Map<String, String> fields) {
		MockHttpServletRequestBuilder request = post("/admin/registration")
			.with(authentication(TestAccounts.authentication(admin)))
			.with(csrf());
		fields.forEach(request::param);
		return request;
	}

	private void assertNothingSaved() {
		assertThat(registrationPolicy.current()).isEqualTo(TestPolicies.DEFAULT_REGISTRATION_RULES);
		assertThat(jdbc.queryForObject("""
				select count(*) from audit_event
				where actor_account_id = ? and action = 'REGISTRATION_POLICY_CHANGED'""", Integer.class, admin.id()))
			.isZero();
	}

}
