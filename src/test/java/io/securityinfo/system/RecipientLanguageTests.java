package io.securityinfo.system;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.securityinfo.Pages.signedIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.twilio.http.HttpClient;
import com.twilio.http.NetworkHttpClient;
import jakarta.mail.internet.MimeMessage;
import org.apache.hc.client5.http.HttpRoute;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.core5.http.HttpHost;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import io.securityinfo.AppFixture;
import io.securityinfo.TestDatabase;
import io.securityinfo.account.Accounts;
import io.securityinfo.account.Language;
import io.securityinfo.account.Role;
import io.securityinfo.account.SignedInUser;
import io.securityinfo.account.TestAccounts;
import io.securityinfo.phone.TestPhoneNumbers;
import io.securityinfo.securityinfo.phone.PhoneModes;
import io.securityinfo.securityinfo.MethodView;
import io.securityinfo.securityinfo.SecurityInfo;

/**
 * Texts, calls and mails go out in the recipient's language: the one they chose, else that of the browser whose
 * request sent them (a reset before sign-in), else English. Through the real gateways, as in production: Twilio's
 * SDK talking to WireMock on 127.0.0.1, SMTP to GreenMail.
 */
@SpringBootTest(properties = { "app.sms.provider=twilio", "app.sms.twilio.account-sid=" + RecipientLanguageTests.ACCOUNT_SID,
		"app.sms.twilio.auth-token=0f1e2d3c4b5a69788796a5b4c3d2e1f0", "app.sms.twilio.from-number=+14155550100",
		"app.email.provider=smtp", "app.email.from=Security info <no-reply@securityinfo.example>",
		"spring.mail.host=127.0.0.1" })
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(RecipientLanguageTests.LocalServers.class)
@ContextConfiguration(initializers = TestDatabase.Initializer.class)
class RecipientLanguageTests extends AppFixture {

	static final String ACCOUNT_SID = "AC00112233445566778899aabbccddeeff";

	private static final String MESSAGES = "/2010-04-01/Accounts/" + ACCOUNT_SID + "/Messages.json";

	private static final String CALLS = "/2010-04-01/Accounts/" + ACCOUNT_SID + "/Calls.json";

	private static final String ENGLISH_BROWSER = "en-GB,en;q=0.9";

	private static final String DUTCH_BROWSER = "nl-NL,nl;q=0.9,en;q=0.5";

	/** The text's words, then the WebOTP line ("@host #code") that lets a browser offer the code, as it was. */
	private static final String DUTCH_TEXT = "Je verificatiecode voor Beveiligingsgegevens is (\\d{6})\\. "
			+ "Deel deze met niemand\\.\n\n@localhost #\\1";

	private static final String ENGLISH_TEXT = "Your Security info verification code is (\\d{6})\\. "
			+ "Don't share it with anyone\\.\n\n@localhost #\\1";

	private static final WireMockServer twilio = new WireMockServer(
			wireMockConfig().bindAddress("127.0.0.1").dynamicPort());

	private static final GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.createCopy("127.0.0.1").dynamicPort());

	static {
		twilio.start();
		twilio.stubFor(post(urlEqualTo(MESSAGES))
			.willReturn(okJson("{\"sid\":\"SM00112233445566778899aabbccddeeff\",\"status\":\"queued\"}").withStatus(201)));
		twilio.stubFor(post(urlEqualTo(CALLS))
			.willReturn(okJson("{\"sid\":\"CA00112233445566778899aabbccddeeff\",\"status\":\"queued\"}").withStatus(201)));
		smtp.start();
	}

	@DynamicPropertySource
	static void smtpPort(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.port", () -> smtp.getSmtp().getPort());
	}

	@AfterAll
	static void stopServers() {
		twilio.stop();
		smtp.stop();
	}

	@Autowired
	SecurityInfo securityInfo;

	@Test
	void textWhenThePersonChoseDutchThenTheCodeAndTheChangeMailAreInDutchWhateverTheBrowser() throws Exception {
		SignedInUser person = personWhoChose(Language.DUTCH);
		String mobile = TestPhoneNumbers.nextDutchMobile();

		String challenge = addPhone(person, mobile, "TEXT");

		String text = lastTo(MESSAGES, mobile).get("Body");
		assertThat(text).matches(DUTCH_TEXT);
		mvc.perform(MockMvcRequestBuilders.post(challenge)
			.param("code", text.substring(text.length() - 6))
			.header(HttpHeaders.ACCEPT_LANGUAGE, ENGLISH_BROWSER)
			.with(signedIn(person))
			.with(csrf())).andExpect(redirectedUrl(challenge + "/done"));
		MimeMessage notice = lastMailTo(person.email());
		assertThat(notice.getSubject()).isEqualTo("Je beveiligingsgegevens zijn gewijzigd");
		assertThat(body(notice)).contains("Hallo Test Employee,", "Als jij dit was, hoef je niets te doen.")
			.containsPattern("Wanneer: \\d{2}-\\d{2}-\\d{4} \\d{2}:\\d{2} UTC");
	}

	@Test
	void callWhenThePersonChoseDutchThenTwilioReadsTheCodeInADutchVoice() throws Exception {
		SignedInUser person = personWhoChose(Language.DUTCH);
		String mobile = TestPhoneNumbers.nextDutchMobile();

		addPhone(person, mobile, "CALL");

		assertThat(lastTo(CALLS, mobile).get("Twiml")).matches("<Response><Say language=\"nl-NL\">"
				+ "Je verificatiecode voor Beveiligingsgegevens is ((?:\\d, ){5}\\d)\\. Nogmaals, je code is \\1\\."
				+ "</Say></Response>");
	}

	@Test
	void callWhenThePersonChoseNoLanguageThenTheBrowsersLanguageSpeaks() throws Exception {
		SignedInUser person = personWhoChose(null);
		String mobile = TestPhoneNumbers.nextDutchMobile();

		addPhone(person, mobile, "CALL", ENGLISH_BROWSER);

		assertThat(lastTo(CALLS, mobile).get("Twiml")).startsWith(
				"<Response><Say language=\"en-US\">Your Security info verification code is ");
	}

	@Test
	void emailCodeWhenThePersonChoseDutchThenTheMailIsDutch() throws Exception {
		SignedInUser person = personWhoChose(Language.DUTCH);
		String home = "thuis-" + System.nanoTime() + "@home.example";

		mvc.perform(MockMvcRequestBuilders.post("/security-info/email")
			.param("email", home)
			.header(HttpHeaders.ACCEPT_LANGUAGE, ENGLISH_BROWSER)
			.with(signedIn(person))
			.with(csrf())).andExpect(status().is3xxRedirection());

		MimeMessage mail = lastMailTo(home);
		assertThat(mail.getSubject()).isEqualTo("Je verificatiecode voor Beveiligingsgegevens");
		assertThat(body(mail).strip())
			.matches("Je verificatiecode voor Beveiligingsgegevens is \\d{6}\\. Deel deze met niemand\\.");
	}

	@Test
	void resetWhenStartedFromADutchBrowserThenTheCodeTextIsDutch() throws Exception {
		SignedInUser person = personWhoChose(null);
		String mobile = TestPhoneNumbers.nextDutchMobile();
		securityInfo.register(person.id(), "PHONE", mobile, PhoneModes.TEXT);

		sendResetCode(person, mobile, DUTCH_BROWSER);

		assertThat(lastTo(MESSAGES, mobile).get("Body")).matches(DUTCH_TEXT);
	}

	@Test
	void resetWhenThePersonChoseEnglishThenTheCodeTextIsEnglishFromADutchBrowserToo() throws Exception {
		SignedInUser person = personWhoChose(Language.ENGLISH);
		String mobile = TestPhoneNumbers.nextDutchMobile();
		securityInfo.register(person.id(), "PHONE", mobile, PhoneModes.TEXT);

		sendResetCode(person, mobile, DUTCH_BROWSER);

		assertThat(lastTo(MESSAGES, mobile).get("Body")).matches(ENGLISH_TEXT);
	}

	@Test
	void mailWhenAnAdministratorChangesADutchPersonsMethodsThenIsInDutchOnAnEnglishPage() throws Exception {
		SignedInUser person = personWhoChose(Language.DUTCH);
		MethodView phone = securityInfo.register(person.id(), "PHONE", TestPhoneNumbers.nextDutchMobile(),
				PhoneModes.TEXT);
		String email = "admin-" + System.nanoTime() + "@example.com";
		accounts.createIfAbsent(email, "Test Admin", TestAccounts.PASSWORD, Role.ADMIN);
		SignedInUser admin = (SignedInUser) users.loadUserByUsername(email);
		int before = smtp.getReceivedMessages().length;

		mvc.perform(MockMvcRequestBuilders.post("/admin/users/{id}/methods/{methodId}/delete", person.id(), phone.id())
			.header(HttpHeaders.ACCEPT_LANGUAGE, ENGLISH_BROWSER)
			.with(signedIn(admin))
			.with(csrf())).andExpect(redirectedUrl("/admin/users/" + person.id()));

		assertThat(smtp.getReceivedMessages()).hasSizeGreaterThan(before);
		MimeMessage notice = lastMailTo(person.email());
		assertThat(notice.getSubject()).isEqualTo("Je beveiligingsgegevens zijn gewijzigd");
		assertThat(body(notice)).contains("Door: een beheerder van je organisatie");
	}

	/** A new employee who chose this language (null: none), as their next sign-in would hold them. */
	private SignedInUser personWhoChose(Language language) {
		SignedInUser person = newEmployee();
		accounts.chooseLanguage(person.id(), language);
		return (SignedInUser) users.loadUserByUsername(person.email());
	}

	/** Asks for a code to add the phone, from an English browser; answers the code page. */
	private String addPhone(SignedInUser person, String mobile, String mode) throws Exception {
		return addPhone(person, mobile, mode, ENGLISH_BROWSER);
	}

	private String addPhone(SignedInUser person, String mobile, String mode, String browser) throws Exception {
		return mvc.perform(MockMvcRequestBuilders.post("/security-info/phone")
			.param("region", "NL")
			.param("number", TestPhoneNumbers.national(mobile))
			.param("mode", mode)
			.header(HttpHeaders.ACCEPT_LANGUAGE, browser)
			.with(signedIn(person))
			.with(csrf())).andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
	}

	private void sendResetCode(SignedInUser person, String mobile, String browser) throws Exception {
		MockHttpSession reset = new MockHttpSession();
		mvc.perform(anonymous(reset, "/password-reset", browser).param("email", person.email()))
			.andExpect(redirectedUrl("/password-reset/verify"));
		mvc.perform(anonymous(reset, "/password-reset/verify/text", browser).param("destination",
				"+31 6 " + mobile.substring(4)))
			.andExpect(redirectedUrl("/password-reset/verify/text/code"));
	}

	private static MockHttpServletRequestBuilder anonymous(MockHttpSession session, String path, String browser) {
		return MockMvcRequestBuilders.post(path)
			.session(session)
			.header(HttpHeaders.ACCEPT_LANGUAGE, browser)
			.with(csrf())
			.with(request -> {
				request.setRemoteAddr("10.88.0.1");
				return request;
			});
	}

	/** The form fields of the last request Twilio got at this API for this number. */
	private static Map<String, String> lastTo(String api, String number) {
		List<LoggedRequest> requests = new ArrayList<>(twilio.findAll(postRequestedFor(urlEqualTo(api))));
		for (int i = requests.size() - 1; i >= 0; i--) {
			Map<String, String> fields = formFields(requests.get(i).getBodyAsString());
			if (number.equals(fields.get("To"))) {
				return fields;
			}
		}
		throw new AssertionError("Twilio got nothing at " + api + " for " + number);
	}

	private static Map<String, String> formFields(String body) {
		Map<String, String> fields = new HashMap<>();
		for (String field : body.split("&")) {
			String[] nameAndValue = field.split("=", 2);
			fields.put(URLDecoder.decode(nameAndValue[0], StandardCharsets.UTF_8),
					nameAndValue.length < 2 ? "" : URLDecoder.decode(nameAndValue[1], StandardCharsets.UTF_8));
		}
		return fields;
	}

	private static MimeMessage lastMailTo(String address) throws Exception {
		MimeMessage last = null;
		for (MimeMessage message : smtp.getReceivedMessages()) {
			if (message.getAllRecipients()[0].toString().equalsIgnoreCase(address)) {
				last = message;
			}
		}
		assertThat(last).as("a mail to " + address).isNotNull();
		return last;
	}

	private static String body(MimeMessage message) throws Exception {
		return ((String) message.getContent()).replace("\r\n", "\n");
	}

	/** The real SDK, connecting to WireMock whatever host it asks for; the test clock. */
	@TestConfiguration(proxyBeanMethods = false)
	static class LocalServers {

		@Bean
		@Primary
		HttpClient localTwilioHttpClient() {
			HttpHost local = new HttpHost("http", "127.0.0.1", twilio.port());
			return new NetworkHttpClient(
					HttpClientBuilder.create().setRoutePlanner((target, context) -> new HttpRoute(local)));
		}

		@Bean
		@Primary
		TestClock testClock() {
			TestClock clock = new TestClock();
			TestAccounts.issueFactorsBy(clock);
			return clock;
		}

	}

}
