package io.securityinfo.securityinfo.phone;

import static io.securityinfo.Pages.signedIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.TestPropertySource;

import io.securityinfo.AppTest;
import io.securityinfo.account.SignedInUser;
import io.securityinfo.policy.PolicyFixture;
import io.securityinfo.policy.TestPolicies;

/**
 * The organisation's own country ({@code app.policy.phone.home-region}) is what the phone form starts with for a
 * person without a number, before the browser's region: an en-US browser in a Dutch organisation whose policy allows
 * the Netherlands and Belgium starts at the Netherlands, not at Belgium, the first in the list.
 */
@AppTest
@TestPropertySource(properties = "app.policy.phone.home-region=NL")
class PhoneHomeRegionTests extends PolicyFixture {

	@Test
	void phoneFormWhenTheOrganisationsCountryIsAllowedThenItIsPreselectedOverTheBrowsersAndTheListsFirst()
			throws Exception {
		phonePolicy.save(admin.id(), TestPolicies.onlyRegions("NL", "BE"));
		SignedInUser employee = newEmployee();

		String page = mvc
			.perform(get("/security-info/phone").with(signedIn(employee)).header(HttpHeaders.ACCEPT_LANGUAGE, "en-US"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(options(page)).containsExactly("<option value=\"BE\">Belgium (+32)</option>",
				"<option value=\"NL\" selected=\"selected\">Netherlands (+31)</option>");
	}

	@Test
	void phoneFormWhenTheOrganisationsCountryIsNotAllowedThenTheBrowsersRegionIsPreselected() throws Exception {
		phonePolicy.save(admin.id(), TestPolicies.onlyRegions("BE", "DE"));
		SignedInUser employee = newEmployee();

		String page = mvc
			.perform(get("/security-info/phone").with(signedIn(employee)).header(HttpHeaders.ACCEPT_LANGUAGE, "de-DE"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(options(page)).contains("<option value=\"DE\" selected=\"selected\">Germany (+49)</option>");
	}

	private static List<String> options(String html) {
		Matcher select = Pattern.compile("<select[^>]*name=\"region\"[^>]*>(.*?)</select>", Pattern.DOTALL)
			.matcher(html);
		assertThat(select.find()).as("the country list").isTrue();
		return Pattern.compile("<option[^>]*>[^<]*</option>").matcher(select.group(1)).results()
			.map(match -> match.group())
			.toList();
	}

}
