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

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.htmlunit.html.DomElement;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import io.securityinfo.AppTest;
import io.securityinfo.Html;
import io.securityinfo.account.SignedInUser;
import io.securityinfo.account.TestAccounts;
import io.securityinfo.policy.PolicyFixture;

@AppTest
class MethodPolicyControllerTests extends PolicyFixture {

	@Test
	void initFormsThenListsEachMethodEnabledForAllUsersAndThePhoneSettings() throws Exception {
		mvc.perform(get("/admin/methods").with(authentication(TestAccounts.authentication(admin))))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("<h1>Authentication methods</h1>"),
					containsString("Text message (SMS)"), containsString("Voice call"),
					containsString("<span>Enabled</span>"), containsString("<span>All users</span>"),
					containsString("<span>Selected groups</span>"),
					containsString("<h2 class=\"section\">Phone settings</h2>"),
					containsString("<dt>Code lifetime (minutes)</dt>"), containsString("<dd>10</dd>"),
					containsString("href=\"/admin/methods/phone\""))))
			.andExpect(content().string(
					containsString("id=\"methods1.enabled1\" name=\"methods[1].enabled\" value=\"true\" checked")));
	}

	@Test
	void pagesWhenOpenedThenEachHasOneFormAndOneSaveSoSavingOneNeverDropsWhatWasTypedInAnother() throws Exception {
		for (String path : List.of("/admin/methods", "/admin/methods/phone")) {
			HtmlPage page = Html.page(mvc.perform(asAdmin(get(path))).andExpect(status().isOk()).andReturn());

			assertThat(page.querySelectorAll("main form[method=post]")).as(path).hasSize(1);
			assertThat(page.querySelectorAll("main button[type=submit]")).as(path).hasSize(1);
		}
	}

	@Test
	void phoneSettingsWhenRefusedThenTheErrorSummaryComesFirstAndTheOtherFieldsKeepWhatWasTyped() throws Exception {
		Map<String, String> typed = new LinkedHashMap<>(phoneSettingsFields("NL", "0", "7", "45", "6", "20"));

		HtmlPage page = Html.page(mvc.perform(phoneSettings(typed)).andExpect(status().isOk()).andReturn());

		// The first thing in the form but its hidden CSRF token.
		DomElement first = page.querySelector("main form > :not(input[type=hidden])");
		assertThat(first.getAttribute("class")).isEqualTo("error-summary");
		assertThat(first.querySelector("a[href='#codeLifetimeMinutes']").asNormalizedText())
			.isEqualTo("Enter a number of minutes from 1 to 60.");
		typed.remove("allowedRegions");
		typed.forEach((field, value) -> assertThat(((DomElement) page.querySelector("#" + field)).getAttribute("value"))
			.as(field).isEqualTo(value));
		assertThat(checkedRegions(page)).containsExactly("NL");
		assertThat(page.getTitleText()).startsWith("Phone settings");
		assertThat(phonePolicy.current()).isEqualTo(TestPolicies.DEFAULT_PHONE_RULES);
	}

	@Test
	void phoneSettingsWhenOpenedInDutchThenTheCountriesAreCheckboxesNamedInDutchWithAFilterLeftToAStaticScript()
			throws Exception {
		phonePolicy.save(admin.id(), TestPolicies.onlyRegions("NL", "BE"));

		HtmlPage page = Html.page(mvc.perform(asAdmin(get("/admin/methods/phone")).header("Accept-Language", "nl"))
			.andExpect(status().isOk())
			.andReturn());

		assertThat(page.querySelector("#region-DE + span").asNormalizedText()).isEqualTo("Duitsland");
		assertThat(page.querySelector("#region-BE + span").asNormalizedText()).isEqualTo("België");
		assertThat(page.querySelectorAll("#region-list input[type=checkbox][name=allowedRegions]"))
			.hasSizeGreaterThan(200);
		assertThat(checkedRegions(page)).containsExactlyInAnyOrder("BE", "NL");
		// Usable without script: the filter box shows only once js/region-filter.js runs; no script in the page.
		assertThat(((DomElement) page.querySelector("[data-region-filter]")).hasAttribute("hidden")).isTrue();
		assertThat(page.querySelectorAll("script")).allSatisfy(script -> {
			assertThat(((DomElement) script).getAttribute("src")).contains("/js/region-filter");
			assertThat(script.getTextContent()).isBlank();
		});
		String script = ((DomElement) page.querySelector("script")).getAttribute("src");
		mvc.perform(asAdmin(get(script))).andExpect(status().isOk());
	}

	@Test
	void phoneSettingsWhenCountriesAreTickedThenOnlyThoseAreAllowed() throws Exception {
		MockHttpServletRequestBuilder request = asAdmin(post("/admin/methods/phone"));
		phoneSettingsFields("", "10", "5", "30", "5", "10").forEach(request::param);
		request.param("allowedRegions", "DE", "nl");

		mvc.perform(request).andExpect(redirectedUrl("/admin/methods"));

		assertThat(phonePolicy.current().allowedRegions()).containsExactlyInAnyOrder("DE", "NL");
	}

	@Test
	void processMethodsWhenSmsIsSwitchedOffThenItIsSavedAndThePhonePageNoLongerOffersTexts() throws Exception {
		SignedInUser employee = newEmployee();
		mvc.perform(get("/security-info/phone").with(authentication(TestAccounts.authentication(employee))))
			.andExpect(content().string(containsString("Text me a code")));

		mvc.perform(asAdmin(post("/admin/methods")).param("methods[0].method", "SMS")
			.param("_methods[0].enabled", "on")
			.param("methods[0].target", "ALL")
			.param("methods[1].method", "VOICE")
			.param("methods[1].enabled", "true")
			.param("_methods[1].enabled", "on")
			.param("methods[1].target", "ALL"))
			.andExpect(redirectedUrl("/admin/methods"))
			.andExpect(flash().attribute("notice", "policy.methods.saved"));

		assertThat(jdbc.queryForMap("select enabled, all_users from method_policy where method = 'SMS'"))
			.containsEntry("ENABLED", false);
		assertThat(jdbc.queryForList("""
				select facts from audit_event
				where actor_account_id = ? and action = 'METHOD_POLICY_CHANGED'""", String.class, admin.id()))
			.containsExactly("method=SMS&setting=OFF");
		mvc.perform(get("/security-info/phone").with(authentication(TestAccounts.authentication(employee))))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(not(containsString("Text me a code")), containsString("Call me"))));
	}

	@Test
	void processMethodsWhenTextsAreForASelectedGroupThenOnlyItsMembersAreOfferedTexts() throws Exception {
		SignedInUser member = newEmployee();
		SignedInUser nonMember = newEmployee();
		String name = "Texters " + System.nanoTime();
		long group = groups.create(admin.id(), name);
		groups.addMember(admin.id(), group, member.email());

		mvc.perform(asAdmin(post("/admin/methods")).param("methods[0].method", "SMS")
			.param("methods[0].enabled", "true")
			.param("_methods[0].enabled", "on")
			.param("methods[0].target", "GROUPS")
			.param("methods[0].groupIds", String.valueOf(group))
			.param("methods[1].method", "VOICE")
			.param("methods[1].enabled", "true")
			.param("_methods[1].enabled", "on")
			.param("methods[1].target", "ALL"))
			.andExpect(redirectedUrl("/admin/methods"));

		assertThat(jdbc.queryForList("select group_id from method_policy_group where method = 'SMS'", Long.class))
			.containsExactly(group);
		mvc.perform(get("/security-info/phone").with(authentication(TestAccounts.authentication(member))))
			.andExpect(content().string(containsString("Text me a code")));
		mvc.perform(get("/security-info/phone").with(authentication(TestAccounts.authentication(nonMember))))
			.andExpect(content().string(allOf(not(containsString("Text me a code")), containsString("Call me"))));
		mvc.perform(get("/admin/methods").with(authentication(TestAccounts.authentication(admin))))
			.andExpect(content().string(allOf(
					containsString("value=\"GROUPS\" id=\"methods2.target2\" name=\"methods[2].target\" checked"),
					containsString("<option value=\"" + group + "\" selected=\"selected\">" + name + "</option>"))));
	}

	@Test
	void processMethodsWhenSelectedGroupsHasNoGroupThenRefusedAndNothingSaved() throws Exception {
		mvc.perform(asAdmin(post("/admin/methods")).param("methods[0].method", "SMS")
			.param("methods[0].enabled", "true")
			.param("_methods[0].enabled", "on")
			.param("methods[0].target", "GROUPS")
			.param("methods[1].method", "VOICE")
			.param("methods[1].enabled", "true")
			.param("_methods[1].enabled", "on")
			.param("methods[1].target", "ALL"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Choose at least one group, or choose All users.")));

		assertThat(methodPolicy.settings()).containsExactlyElementsOf(TestPolicies.everyMethodForAllUsers(methodPolicy));
	}

	@Test
	void processPhoneSettingsWhenARegionCodeIsUnknownThenRefusedNamingItAndKeepingWhatWasTyped() throws Exception {
		HtmlPage page = Html.page(mvc.perform(phoneSettings("nl, XX", "10", "5", "30", "5", "10"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(
					"These aren&#39;t country or region codes: XX. Use two-letter codes such as NL or GB.")))
			.andReturn());

		assertThat(checkedRegions(page)).containsExactly("NL");

		assertThat(phonePolicy.current()).isEqualTo(TestPolicies.DEFAULT_PHONE_RULES);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			codeLifetimeMinutes      | 0    | Enter a number of minutes from 1 to 60.
			codeLifetimeMinutes      | 61   | Enter a number of minutes from 1 to 60.
			maxWrongAttempts         | 0    | Enter a number from 1 to 10.
			maxWrongAttempts         | 11   | Enter a number from 1 to 10.
			resendCooldownSeconds    | 9    | Enter a number of seconds from 10 to 600.
			resendCooldownSeconds    | 601  | Enter a number of seconds from 10 to 600.
			maxSendsPerNumberPerHour | 0    | Enter a number from 1 to 100.
			maxSendsPerNumberPerHour | 101  | Enter a number from 1 to 100.
			maxSendsPerUserPerDay    | 0    | Enter a number from 1 to 1000.
			maxSendsPerUserPerDay    | 1001 | Enter a number from 1 to 1000.
			maxSendsPerUserPerDay    | ''   | Enter a number from 1 to 1000.
			""")
	void processPhoneSettingsWhenAValueIsImpossibleThenRefusedWithItsMessageAndTheTypedValueKept(String field,
			String value, String message) throws Exception {
		mvc.perform(phoneSettingsWith(field, value))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(
					containsString("<p class=\"field-error\" id=\"" + field + "-error\">" + message + "</p>"),
					containsString("name=\"" + field + "\" value=\"" + value + "\""))));

		assertThat(phonePolicy.current()).isEqualTo(TestPolicies.DEFAULT_PHONE_RULES);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			codeLifetimeMinutes      | 1.5         | Enter a number of minutes from 1 to 60.
			maxWrongAttempts         | five        | Enter a number from 1 to 10.
			resendCooldownSeconds    | 30s         | Enter a number of seconds from 10 to 600.
			maxSendsPerNumberPerHour | 99999999999 | Enter a number from 1 to 100.
			maxSendsPerUserPerDay    | 1e3         | Enter a number from 1 to 1000.
			""")
	void processPhoneSettingsWhenAValueIsNotAWholeNumberThenRefusedWithTheFieldsMessage(String field, String value,
			String message) throws Exception {
		mvc.perform(phoneSettingsWith(field, value))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(
					containsString("<p class=\"field-error\" id=\"" + field + "-error\">" + message + "</p>"),
					not(containsString("Failed to convert")))));

		assertThat(phonePolicy.current()).isEqualTo(TestPolicies.DEFAULT_PHONE_RULES);
	}

	@Test
	void processPhoneSettingsWhenValidThenTheRulesAreInForceAndTheChangeIsAudited() throws Exception {
		mvc.perform(phoneSettings("nl be", "5", "3", "60", "4", "8"))
			.andExpect(redirectedUrl("/admin/methods"))
			.andExpect(flash().attribute("notice", "policy.phone.saved"));

		assertThat(phonePolicy.current()).isEqualTo(new PhoneRules(Set.of("BE", "NL"), Duration.ofMinutes(5), 3,
				Duration.ofSeconds(60), 4, 8));
		assertThat(jdbc.queryForList("""
				select facts from audit_event
				where actor_account_id = ? and action = 'PHONE_POLICY_CHANGED'""", String.class, admin.id()))
			.containsExactly("regions=BE,NL&code-lifetime-minutes=5&wrong-codes=3&resend-seconds=60"
					+ "&codes-per-number-hour=4&codes-per-person-day=8&voip=false");
		assertThat(checkedRegions(Html.page(mvc.perform(asAdmin(get("/admin/methods/phone"))).andReturn())))
			.containsExactlyInAnyOrder("BE", "NL");
		mvc.perform(get("/admin/methods").with(authentication(TestAccounts.authentication(admin))))
			.andExpect(content().string(containsString("<dd>BE, NL</dd>")));
	}

	@Test
	void processPhoneSettingsWhenRegionsAreEmptyThenEveryRegionIsAllowed() throws Exception {
		phonePolicy.save(admin.id(), TestPolicies.onlyRegions("NL"));

		mvc.perform(phoneSettings("", "10", "5", "30", "5", "10")).andExpect(redirectedUrl("/admin/methods"));

		assertThat(phonePolicy.current()).isEqualTo(TestPolicies.DEFAULT_PHONE_RULES);
		assertThat(phonePolicy.current().allowsRegion("GB")).isTrue();
	}

	private static List<String> checkedRegions(HtmlPage page) {
		return page.querySelectorAll("#region-list input:checked")
			.stream()
			.map(box -> ((DomElement) box).getAttribute("value"))
			.toList();
	}

	private MockHttpServletRequestBuilder phoneSettings(String regions, String lifetime, String attempts,
			String cooldown, String perNumber, String perUser) {
		return phoneSettings(phoneSettingsFields(regions, lifetime, attempts, cooldown, perNumber, perUser));
	}

	/** The phone settings form, valid but for this field's value. */
	private MockHttpServletRequestBuilder phoneSettingsWith(String field, String value) {
		Map<String, String> settings = new LinkedHashMap<>(phoneSettingsFields("NL", "10", "5", "30", "5", "10"));
		settings.put(field, value);
		return phoneSettings(settings);
	}

	private MockHttpServletRequestBuilder phoneSettings(Map<String, String> fields) {
		MockHttpServletRequestBuilder request = asAdmin(post("/admin/methods/phone"));
		fields.forEach(request::param);
		return request;
	}

	private static Map<String, String> phoneSettingsFields(String regions, String lifetime, String attempts,
			String cooldown, String perNumber, String perUser) {
		return Map.of("allowedRegions", regions, "codeLifetimeMinutes", lifetime, "maxWrongAttempts", attempts,
				"resendCooldownSeconds", cooldown, "maxSendsPerNumberPerHour", perNumber, "maxSendsPerUserPerDay",
				perUser);
	}

	private MockHttpServletRequestBuilder asAdmin(MockHttpServletRequestBuilder request) {
		return request.with(authentication(TestAccounts.authentication(admin))).with(csrf());
	}

}
