package io.securityinfo.securityinfo;

import static io.securityinfo.Pages.signedIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.htmlunit.html.DomNode;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

import io.securityinfo.AppFixture;
import io.securityinfo.AppTest;
import io.securityinfo.Html;

/** The phone pages' list of countries, named in the page's language and in that language's alphabetical order. */
@AppTest
class PhoneCountryNamesTests extends AppFixture {

	@Test
	void phoneFormWhenThePageIsDutchThenNamesTheCountriesInDutchInDutchOrder() throws Exception {
		List<String> countries = countries("/security-info/phone", "nl-BE,nl;q=0.9");

		assertThat(countries).contains("België (+32)", "Nederland (+31)", "Verenigde Staten (+1)", "Duitsland (+49)")
			.doesNotContain("Belgium (+32)", "Netherlands (+31)");
		assertThat(countries.indexOf("Belarus (+375)")).isLessThan(countries.indexOf("België (+32)"));
		assertThat(countries.indexOf("België (+32)")).isLessThan(countries.indexOf("Belize (+501)"));
		// By the alphabet, not by code point, which would put Å after Z.
		assertThat(countries.get(0)).isEqualTo("Afghanistan (+93)");
		assertThat(countries.indexOf("Åland (+358)")).isLessThan(countries.indexOf("Albanië (+355)"));
	}

	@Test
	void alternatePhoneFormWhenThePageIsEnglishThenNamesTheCountriesInEnglishInEnglishOrder() throws Exception {
		List<String> countries = countries("/security-info/alternate-phone", "en-GB,nl;q=0.5");

		assertThat(countries).contains("Belgium (+32)", "Netherlands (+31)").doesNotContain("België (+32)");
		assertThat(countries.indexOf("Åland Islands (+358)")).isLessThan(countries.indexOf("Albania (+355)"));
		assertThat(countries.indexOf("Belarus (+375)")).isLessThan(countries.indexOf("Belgium (+32)"));
	}

	private List<String> countries(String page, String browserLanguages) throws Exception {
		return Html
			.page(mvc
				.perform(get(page).header(HttpHeaders.ACCEPT_LANGUAGE, browserLanguages)
					.with(signedIn(newEmployee())))
				.andExpect(status().isOk())
				.andReturn())
			.querySelectorAll("select#region option")
			.stream()
			.map(DomNode::asNormalizedText)
			.toList();
	}

}
