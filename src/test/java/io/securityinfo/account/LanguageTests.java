package io.securityinfo.account;

import static io.securityinfo.Pages.signedIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

import jakarta.servlet.http.Cookie;

import org.htmlunit.html.DomNode;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import io.securityinfo.AppFixture;
import io.securityinfo.AppTest;
import io.securityinfo.Html;
import io.securityinfo.TestBrowser;
import io.securityinfo.phone.TestPhoneNumbers;
import io.securityinfo.securityinfo.SecurityInfo;
import io.securityinfo.securityinfo.phone.PhoneModes;

/**
 * Which language a page is in: the person's saved choice, else the language switch's cookie, else the browser's
 * Accept-Language, else English; and {@code <html lang>} says which.
 */
@AppTest
class LanguageTests extends AppFixture {

	private static final String DUTCH_BROWSER = "nl-NL,nl;q=0.9,en-US;q=0.8,en;q=0.7";

	private static final String ENGLISH_BROWSER = "en-GB,en;q=0.9";

	@Autowired
	SecurityInfo securityInfo;

	@Test
	void signInPageWhenTheBrowserAsksForDutchThenIsInDutch() throws Exception {
		for (String browser : List.of(DUTCH_BROWSER, "nl-BE", "fr-FR,nl;q=0.5,en;q=0.3")) {
			HtmlPage page = page(mvc.perform(get("/login").header(HttpHeaders.ACCEPT_LANGUAGE, browser)).andReturn());

			assertThat(lang(page)).as(browser).isEqualTo("nl");
			assertThat(page.getTitleText()).as(browser).contains("Aanmelden");
			assertThat(page.querySelector("h1").asNormalizedText()).as(browser).isEqualTo("Aanmelden");
		}
	}

	@Test
	void signInPageWhenTheBrowserAsksForNoLanguageTheAppSpeaksThenIsInEnglish() throws Exception {
		for (String browser : List.of("fr-FR,de;q=0.8", "en-US", "")) {
			MockHttpServletRequestBuilder request = get("/login");
			if (!browser.isEmpty()) {
				request.header(HttpHeaders.ACCEPT_LANGUAGE, browser);
			}
			HtmlPage page = page(mvc.perform(request).andReturn());

			assertThat(lang(page)).as(browser).isEqualTo("en");
			assertThat(page.querySelector("h1").asNormalizedText()).as(browser).isEqualTo("Sign in");
		}
	}

	@Test
	void switchWhenDutchIsPickedBeforeSignInThenThePageIsDutchAndACookieRemembersIt() throws Exception {
		TestBrowser browser = new TestBrowser(mvc);
		HtmlPage english = page(browser.perform(get("/login").header(HttpHeaders.ACCEPT_LANGUAGE, ENGLISH_BROWSER))
			.andReturn());
		assertThat(switchLinks(english)).containsExactly("Nederlands ?lang=nl");

		MvcResult switched = browser
			.perform(get("/login").param("lang", "nl").header(HttpHeaders.ACCEPT_LANGUAGE, ENGLISH_BROWSER))
			.andExpect(status().isOk())
			.andReturn();

		assertThat(lang(page(switched))).isEqualTo("nl");
		assertThat(switched.getResponse().getHeader(HttpHeaders.SET_COOKIE)).startsWith("lang=nl;")
			.contains("Path=/", "Max-Age=31536000", "HttpOnly", "SameSite=Lax");
		HtmlPage next = page(browser.perform(get("/password-reset").header(HttpHeaders.ACCEPT_LANGUAGE, ENGLISH_BROWSER))
			.andReturn());
		assertThat(lang(next)).isEqualTo("nl");
		assertThat(switchLinks(next)).containsExactly("English ?lang=en");
		assertThat(next.querySelector(".language-switch [aria-current]").asNormalizedText()).isEqualTo("Nederlands");
	}

	@Test
	void switchWhenTheLanguageIsNotOneTheAppSpeaksThenChangesNothing() throws Exception {
		for (String wanted : List.of("fr", "NL", "nl-NL", "", "../x")) {
			MvcResult result = mvc
				.perform(get("/login").param("lang", wanted).header(HttpHeaders.ACCEPT_LANGUAGE, ENGLISH_BROWSER))
				.andExpect(status().isOk())
				.andReturn();

			assertThat(lang(page(result))).as(wanted).isEqualTo("en");
			assertThat(result.getResponse().getHeader(HttpHeaders.SET_COOKIE)).as(wanted).isNull();
		}
	}

	@Test
	void cookieWhenItNamesALanguageTheAppDoesNotSpeakThenTheBrowserDecides() throws Exception {
		HtmlPage page = page(mvc.perform(get("/login").cookie(new Cookie("lang", "fr"))
			.header(HttpHeaders.ACCEPT_LANGUAGE, DUTCH_BROWSER)).andReturn());

		assertThat(lang(page)).isEqualTo("nl");
	}

	@Test
	void savedChoiceWhenSignedInBeatsTheBrowserAndTheCookieAndIsKeptInTheDatabase() throws Exception {
		SignedInUser person = newEmployee();
		TestBrowser browser = new TestBrowser(mvc);
		signIn(browser, person);
		assertThat(lang(profile(browser))).isEqualTo("en");

		browser.perform(post("/profile/language").param("language", "nl")
			.header(HttpHeaders.ACCEPT_LANGUAGE, ENGLISH_BROWSER)
			.with(csrf())).andExpect(redirectedUrl("/"));

		HtmlPage profile = profile(browser);
		assertThat(lang(profile)).isEqualTo("nl");
		assertThat(profile.querySelector("[role=status]").asNormalizedText()).isEqualTo("Je taal is opgeslagen.");
		assertThat(profile.querySelector("#language option[selected]").asNormalizedText()).isEqualTo("Nederlands");
		assertThat(savedLanguage(person)).isEqualTo("nl");

		// Another browser, English and with an English cookie: the choice comes with the sign-in.
		TestBrowser another = new TestBrowser(mvc);
		another.perform(get("/login").param("lang", "en"));
		signIn(another, person);
		assertThat(lang(profile(another))).isEqualTo("nl");
	}

	@Test
	void switchWhenSignedInThenSavesTheChoiceOnTheAccount() throws Exception {
		SignedInUser person = newEmployee();
		TestBrowser browser = new TestBrowser(mvc);
		signIn(browser, person);

		HtmlPage securityInfo = page(browser
			.perform(get("/security-info").param("lang", "nl").header(HttpHeaders.ACCEPT_LANGUAGE, ENGLISH_BROWSER))
			.andExpect(status().isOk())
			.andReturn());

		assertThat(lang(securityInfo)).isEqualTo("nl");
		assertThat(securityInfo.querySelector("h1").asNormalizedText()).isEqualTo("Beveiligingsgegevens");
		assertThat(savedLanguage(person)).isEqualTo("nl");
		assertThat(lang(profile(browser))).isEqualTo("nl");
	}

	@Test
	void profileWhenTheBrowsersLanguageIsChosenThenForgetsTheChoiceAndTheCookie() throws Exception {
		SignedInUser person = newEmployee();
		TestBrowser browser = new TestBrowser(mvc);
		signIn(browser, person);
		browser.perform(post("/profile/language").param("language", "nl").with(csrf()));

		MvcResult forgotten = browser
			.perform(post("/profile/language").param("language", "").with(csrf()))
			.andExpect(redirectedUrl("/"))
			.andReturn();

		assertThat(savedLanguage(person)).isNull();
		assertThat(forgotten.getResponse().getHeader(HttpHeaders.SET_COOKIE)).startsWith("lang=;")
			.contains("Max-Age=0");
		assertThat(lang(profile(browser))).isEqualTo("en");
		assertThat(lang(page(browser.perform(get("/").header(HttpHeaders.ACCEPT_LANGUAGE, DUTCH_BROWSER)).andReturn())))
			.isEqualTo("nl");
	}

	@Test
	void profileWhenTheLanguageIsNotOneTheAppSpeaksThenRefusesIt() throws Exception {
		SignedInUser person = newEmployee();

		mvc.perform(post("/profile/language").param("language", "fr").with(signedIn(person)).with(csrf()))
			.andExpect(status().isBadRequest());

		assertThat(savedLanguage(person)).isNull();
	}

	@Test
	void profileWhenDutchThenTimesAreWrittenDayMonthYear() throws Exception {
		SignedInUser person = newEmployee();
		securityInfo.register(person.id(), "PHONE", TestPhoneNumbers.nextDutchMobile(), PhoneModes.TEXT);
		String shown = DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm").format(clock.instant().atOffset(ZoneOffset.UTC));

		HtmlPage page = page(mvc
			.perform(get("/").with(signedIn(person)).header(HttpHeaders.ACCEPT_LANGUAGE, DUTCH_BROWSER))
			.andReturn());

		assertThat(page.querySelector("#recent-activity time").asNormalizedText()).isEqualTo(shown + " UTC");
	}

	private void signIn(TestBrowser browser, SignedInUser person) throws Exception {
		browser.perform(post("/login").param("email", person.email())
			.param("password", TestAccounts.PASSWORD)
			.header(HttpHeaders.ACCEPT_LANGUAGE, ENGLISH_BROWSER)
			.with(csrf())).andExpect(redirectedUrl("/"));
	}

	private static HtmlPage profile(TestBrowser browser) throws Exception {
		return page(browser.perform(get("/").header(HttpHeaders.ACCEPT_LANGUAGE, ENGLISH_BROWSER))
			.andExpect(status().isOk())
			.andReturn());
	}

	private String savedLanguage(SignedInUser person) {
		return jdbc.queryForObject("select language from account where id = ?", String.class, person.id());
	}

	private static HtmlPage page(MvcResult result) {
		return Html.page(result);
	}

	private static String lang(HtmlPage page) {
		return page.getDocumentElement().getAttribute("lang");
	}

	/** The switch's links, as "name href". */
	private static List<String> switchLinks(HtmlPage page) {
		return page.querySelectorAll(".language-switch a")
			.stream()
			.map(link -> ((DomNode) link).asNormalizedText() + " " + link.getAttributes().getNamedItem("href").getNodeValue())
			.toList();
	}

}
