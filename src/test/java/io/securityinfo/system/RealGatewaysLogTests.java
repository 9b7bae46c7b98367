package io.securityinfo.system;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.securityinfo.Pages.signedIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.twilio.http.HttpClient;
import com.twilio.http.NetworkHttpClient;
import jakarta.mail.internet.MimeMessage;
import org.apache.hc.client5.http.HttpRoute;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.core5.http.HttpHost;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import io.securityinfo.AppFixture;
import io.securityinfo.TestBeans;
import io.securityinfo.TestDatabase;
import io.securityinfo.account.Accounts;
import io.securityinfo.account.SignedInUser;
import io.securityinfo.phone.TestPhoneNumbers;

/**
 * With the real gateways selected, as in production (Twilio's real SDK talking to WireMock on 127.0.0.1 for texts,
 * SMTP to GreenMail for emails), the flows that send codes and "This wasn't me" links leave none of them in the log,
 * nor any secret of the configuration.
 */
@SpringBootTest(properties = { "app.sms.provider=twilio", "app.sms.twilio.account-sid=" + RealGatewaysLogTests.ACCOUNT_SID,
		"app.sms.twilio.auth-token=" + RealGatewaysLogTests.AUTH_TOKEN, "app.sms.twilio.from-number=+14155550100",
		"app.email.provider=smtp", "app.email.from=Security info <no-reply@securityinfo.example>",
		"spring.mail.host=127.0.0.1", "spring.mail.username=" + RealGatewaysLogTests.MAIL_USER,
		"spring.mail.password=" + RealGatewaysLogTests.MAIL_PASSWORD,
		// Everything the app itself writes, down to debug, is read.
		"logging.level.io.securityinfo=DEBUG" })
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(RealGatewaysLogTests.LocalTwilio.class)
@ContextConfiguration(initializers = TestDatabase.Initializer.class)
@ExtendWith(OutputCaptureExtension.class)
class RealGatewaysLogTests extends AppFixture {

	static final String ACCOUNT_SID = "AC0123456789abcdef0123456789abcdef";

	static final String AUTH_TOKEN = "5e1f0a7d9c3b48e2a6f1d0c9b8a7e6d5";

	static final String MAIL_USER = "mailer";

	static final String MAIL_PASSWORD = "smtp-password-7c1d9e";

	/** From src/test/resources/application-test.properties: the keys must not appear either. */
	private static final List<String> CONFIGURED_SECRETS = List.of(AUTH_TOKEN, MAIL_PASSWORD,
			"test-only-code-secret-0123456789abcdef", "dGVzdC1vbmx5LXRvdHAta2V5LTAxMjM0NTY3ODlhYmM=");

	private static final String NEW_PASSWORD = "a long new password for the log test";

	private static final Pattern CODE = Pattern.compile("(?<!\\d)(\\d{6})(?!\\d)");

	private static final Pattern NOT_ME_TOKEN = Pattern.compile("/not-me/([A-Za-z0-9_-]{20,})");

	private static final WireMockServer twilio = new WireMockServer(
			wireMockConfig().bindAddress("127.0.0.1").dynamicPort());

	private static final GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.createCopy("127.0.0.1").dynamicPort());

	static {
		twilio.start();
		twilio.stubFor(post(urlEqualTo("/2010-04-01/Accounts/" + ACCOUNT_SID + "/Messages.json"))
			.willReturn(okJson("{\"sid\":\"SM0123456789abcdef0123456789abcdef\",\"status\":\"queued\"}").withStatus(201)));
		smtp.setUser(MAIL_USER, MAIL_USER, MAIL_PASSWORD);
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

	@Test
	void flowsWhenRealGatewaysSendCodesAndLinksThenNoneOfThemNorAnySecretIsLogged(CapturedOutput output)
			throws Exception {
		SignedInUser person = newEmployee();
		String mobile = TestPhoneNumbers.nextDutchMobile();
		String home = "home-" + System.nanoTime() + "@home.example";
		Set<String> codes = new LinkedHashSet<>();

		// Add a phone: a text through Twilio.
		MvcResult sent = mvc.perform(MockMvcRequestBuilders.post("/security-info/phone")
			.param("region", "NL")
			.param("number", TestPhoneNumbers.national(mobile))
			.param("mode", "TEXT")
			.with(signedIn(person))
			.with(csrf())).andExpect(status().is3xxRedirection()).andReturn();
		String phoneChallenge = sent.getResponse().getRedirectedUrl();
		String textCode = lastTextCode();
		codes.add(textCode);
		mvc.perform(MockMvcRequestBuilders.post(phoneChallenge).param("code", textCode).with(signedIn(person)).with(csrf()))
			.andExpect(redirectedUrl(phoneChallenge + "/done"));

		// Add an email: a code by SMTP.
		MvcResult mailed = mvc.perform(MockMvcRequestBuilders.post("/security-info/email")
			.param("email", home)
			.with(signedIn(person))
			.with(csrf())).andExpect(status().is3xxRedirection()).andReturn();
		String emailChallenge = mailed.getResponse().getRedirectedUrl();
		String emailCode = lastMailCodeTo(home);
		codes.add(emailCode);
		mvc.perform(MockMvcRequestBuilders.post(emailChallenge).param("code", emailCode).with(signedIn(person)).with(csrf()))
			.andExpect(redirectedUrl(emailChallenge + "/done"));

		// Reset the password with a code to that email.
		MockHttpSession reset = new MockHttpSession();
		mvc.perform(anonymous(reset, "/password-reset").param("email", person.email()))
			.andExpect(redirectedUrl("/password-reset/verify"));
		mvc.perform(anonymous(reset, "/password-reset/verify/email").param("destination", home))
			.andExpect(redirectedUrl("/password-reset/verify/email/code"));
		String resetCode = lastMailCodeTo(home);
		codes.add(resetCode);
		mvc.perform(anonymous(reset, "/password-reset/verify/email/code").param("code", resetCode))
			.andExpect(redirectedUrl("/password-reset/new-password"));
		mvc.perform(anonymous(reset, "/password-reset/new-password").param("newPassword", NEW_PASSWORD)
			.param("confirmPassword", NEW_PASSWORD)).andExpect(redirectedUrl("/password-reset/done"));

		// Every change was notified by mail with its "This wasn't me" link; one is opened.
		List<String> tokens = notMeTokensTo(person.email());
		mvc.perform(get("/not-me/" + tokens.get(0))).andExpect(status().isOk());

		assertThat(codes).as("codes sent").hasSize(3);
		assertThat(tokens).as("not-me links mailed").hasSizeGreaterThanOrEqualTo(3);
		assertThat(output.getAll()).as("the log").contains("Texts do not ask Twilio for delivery reports");
		List<String> secrets = new ArrayList<>(CONFIGURED_SECRETS);
		secrets.addAll(tokens);
		secrets.add(NEW_PASSWORD);
		assertThat(output.getAll()).doesNotContain(secrets);
		List<String> logLines = output.getAll().lines().toList();
		for (String code : codes) {
			assertThat(logLines).as("log lines with the code " + code)
				.noneMatch(line -> CODE.matcher(line).results().anyMatch(found -> found.group(1).equals(code)));
		}
	}

	private static MockHttpServletRequestBuilder anonymous(MockHttpSession session, String path) {
		return MockMvcRequestBuilders.post(path).session(session).with(csrf()).with(request -> {
			request.setRemoteAddr("10.66.0.1");
			return request;
		});
	}

	/** The code in the last text Twilio was asked to send. */
	private static String lastTextCode() {
		List<ServeEvent> events = twilio.getAllServeEvents();
		assertThat(events).isNotEmpty();
		// Newest first.
		String body = URLDecoder.decode(events.get(0).getRequest().getBodyAsString(), StandardCharsets.UTF_8);
		Matcher code = CODE.matcher(body.replaceAll("(?s).*Body=", ""));
		assertThat(code.find()).as("a code in %s", body).isTrue();
		return code.group(1);
	}

	private static String lastMailCodeTo(String address) throws Exception {
		List<String> bodies = mailBodiesTo(address);
		assertThat(bodies).as("mails to " + address).isNotEmpty();
		Matcher code = CODE.matcher(bodies.get(bodies.size() - 1));
		assertThat(code.find()).isTrue();
		return code.group(1);
	}

	private static List<String> notMeTokensTo(String address) throws Exception {
		List<String> tokens = new ArrayList<>();
		for (String body : mailBodiesTo(address)) {
			Matcher token = NOT_ME_TOKEN.matcher(body);
			while (token.find()) {
				tokens.add(token.group(1));
			}
		}
		return tokens;
	}

	private static List<String> mailBodiesTo(String address) throws Exception {
		List<String> bodies = new ArrayList<>();
		for (MimeMessage message : smtp.getReceivedMessages()) {
			if (message.getAllRecipients()[0].toString().equalsIgnoreCase(address)) {
				bodies.add(GreenMailUtil.getBody(message).replaceAll("=\r?\n", ""));
			}
		}
		return bodies;
	}

	/** The real SDK, connecting to WireMock whatever host it asks for. */
	@TestConfiguration(proxyBeanMethods = false)
	static class LocalTwilio {

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
			return TestBeans.newContextClock();
		}

	}

}
