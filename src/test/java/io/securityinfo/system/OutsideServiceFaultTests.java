package io.securityinfo.system;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.twilio.http.HttpClient;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.Environment;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.securityinfo.ServerFixture;
import io.securityinfo.TestDatabase;
import io.securityinfo.account.Role;
import io.securityinfo.sms.twilio.LocalTwilio;

/**
 * The outside services failing under a person's feet, through the pages over real HTTP: the real Twilio SDK against
 * WireMock on 127.0.0.1 answering 500, answering later than the configured read time-out and resetting the
 * connection, and against a fake that trickles its answer in; the real SMTP gateway against a port nobody listens
 * on and a server that never greets, for an emailed code and for the notice of a change. Each time the person is told on the app's own page, nothing is stored or counted for a code that did not
 * go out, the request ends within the configured time-out, and the same flow succeeds once the service is back.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.autoconfigure.exclude=", "app.demo.enabled=false", "app.sms.provider=twilio",
				"app.sms.twilio.account-sid=" + LocalTwilio.ACCOUNT_SID,
				"app.sms.twilio.auth-token=" + LocalTwilio.AUTH_TOKEN,
				"app.sms.twilio.from-number=" + LocalTwilio.FROM,
				"app.sms.twilio.connect-timeout=" + OutsideServiceFaultTests.TWILIO_TIMEOUT_MS + "ms",
				"app.sms.twilio.read-timeout=" + OutsideServiceFaultTests.TWILIO_TIMEOUT_MS + "ms",
				"app.sms.twilio.request-timeout=" + OutsideServiceFaultTests.TWILIO_REQUEST_TIMEOUT_MS + "ms",
				"app.email.provider=smtp", "spring.mail.host=127.0.0.1",
				"app.email.from=Security info <no-reply@securityinfo.example>",
				"spring.mail.properties.mail.smtp.connectiontimeout=" + OutsideServiceFaultTests.SMTP_TIMEOUT_MS,
				"spring.mail.properties.mail.smtp.timeout=" + OutsideServiceFaultTests.SMTP_TIMEOUT_MS,
				"spring.mail.properties.mail.smtp.writetimeout=" + OutsideServiceFaultTests.SMTP_TIMEOUT_MS })
@ActiveProfiles("test")
@Import(OutsideServiceFaultTests.LocalServices.class)
@ContextConfiguration(initializers = TestDatabase.Initializer.class)
class OutsideServiceFaultTests extends ServerFixture {

	static final int TWILIO_TIMEOUT_MS = 1000;

	static final int TWILIO_REQUEST_TIMEOUT_MS = 2000;

	static final int SMTP_TIMEOUT_MS = 1000;

	/** What a loaded build machine may add to a request on top of the time-outs it waits for. */
	static final Duration MARGIN = Duration.ofSeconds(3);

	private static final String PASSWORD = "Passw0rd!";

	private static final Pattern TEXTED_CODE = Pattern.compile("#(\\d{6})");

	private static final Pattern EMAILED_CODE = Pattern.compile("\\b(\\d{6})\\b");

	private static final AtomicInteger numbers = new AtomicInteger(2000 + (int) (System.nanoTime() % 7000));

	static final WireMockServer twilio = new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").dynamicPort());

	static final GreenMail smtp = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

	static {
		twilio.start();
		smtp.start();
	}

	/** Where the app's Twilio client connects: WireMock, unless a test points it at another fake. */
	static final AtomicInteger twilioPort = new AtomicInteger(twilio.port());

	@Autowired
	JavaMailSenderImpl mailSender;

	@Autowired
	MeterRegistry meters;

	@DynamicPropertySource
	static void smtpPort(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.port", () -> smtp.getSmtp().getPort());
	}

	@AfterEach
	void servicesBack() {
		twilioPort.set(twilio.port());
		twilio.resetAll();
		mailSender.setPort(smtp.getSmtp().getPort());
	}

	@AfterAll
	static void stopServices() {
		twilio.stop();
		smtp.stop();
	}

	@Test
	void sendCodeWhenTwilioAnswers500ThenPersonIsToldNothingIsStoredAndTheSameFlowWorksAfterwards() {
		addPhoneThroughFault(aResponse().withStatus(500)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"code\":20500,\"message\":\"Internal Server Error\",\"status\":500}"),
				// The SDK tries a 5xx three times, 100 ms apart.
				Duration.ofMillis(3 * TWILIO_TIMEOUT_MS + 200));
	}

	@Test
	void sendCodeWhenTwilioAnswersLaterThanTheReadTimeoutThenPersonIsToldWithinTheTimeout() {
		addPhoneThroughFault(sent().withFixedDelay(5 * TWILIO_TIMEOUT_MS), Duration.ofMillis(TWILIO_TIMEOUT_MS));
	}

	@Test
	void sendCodeWhenTwilioTricklesItsAnswerSlowerThanTheRequestTimeoutThenPersonIsToldWithinIt() throws IOException {
		// Each piece comes within the read time-out, so only a deadline on the whole exchange ends the wait.
		try (TricklingServer trickling = new TricklingServer(Duration.ofMillis(TWILIO_TIMEOUT_MS / 4))) {
			addPhoneThroughFault("Twilio trickling its answer, a byte every " + TWILIO_TIMEOUT_MS / 4 + " ms",
					() -> twilioPort.set(trickling.port()), Duration.ofMillis(TWILIO_REQUEST_TIMEOUT_MS));
			assertThat(trickling.requests()).isOne();
		}
	}

	@Test
	void sendCodeWhenTwilioResetsTheConnectionThenPersonIsToldNothingIsStoredAndTheSameFlowWorksAfterwards() {
		addPhoneThroughFault(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER), Duration.ofMillis(TWILIO_TIMEOUT_MS));
	}

	@Test
	void sendEmailCodeWhenSmtpServerIsDownThenPersonIsToldNothingIsStoredAndTheSameFlowWorksAfterwards()
			throws Exception {
		addEmailThroughFault("SMTP down (connection refused)", deadPort());
	}

	@Test
	void sendEmailCodeWhenSmtpServerNeverAnswersThenPersonIsToldWithinTheTimeout() throws Exception {
		// The kernel completes the connection into the backlog; no greeting ever comes.
		try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
			addEmailThroughFault("SMTP not answering", silent.getLocalPort());
		}
	}

	/**
	 * Adds an email while the mail sender connects to the given port, then again through GreenMail: the first
	 * attempt shows the form with a message and stores nothing, within the time-out; the second registers it.
	 */
	private void addEmailThroughFault(String fault, int smtpPort) throws Exception {
		twilio.stubFor(post(LocalTwilio.MESSAGES).willReturn(sent()));
		Person person = signIn();
		String address = "fault" + numbers.incrementAndGet() + "@example.org";
		double sentBefore = counter("securityinfo.verification.codes.sent");
		mailSender.setPort(smtpPort);

		Browser.Page emailPage = person.browser.get(person.url("/security-info/email"));
		long start = System.nanoTime();
		Browser.Page refused = person.browser.post(person.url("/security-info/email"), emailPage.csrf(),
				Map.of("email", address));
		Duration took = Duration.ofNanos(System.nanoTime() - start);

		assertThat(refused.status()).isEqualTo(200);
		assertThat(refused.body())
			.contains("Our mail server isn&#39;t answering right now, so no code was sent. Try again in a few minutes.")
			.doesNotContain("Check the address");
		assertNoInternals(refused);
		assertThat(took).isLessThan(Duration.ofMillis(SMTP_TIMEOUT_MS).plus(MARGIN));
		assertThat(rows(person, "verification_challenge")).isZero();
		assertThat(rows(person, "verification_code")).isZero();
		assertThat(methods(person)).isEmpty();
		assertThat(counter("securityinfo.verification.codes.sent")).isEqualTo(sentBefore);
		FaultLog.record(fault + " (email code)", refused, took, Duration.ofMillis(SMTP_TIMEOUT_MS));

		mailSender.setPort(smtp.getSmtp().getPort());
		Browser.Page sent = person.browser.post(person.url("/security-info/email"), emailPage.csrf(),
				Map.of("email", address));
		assertThat(sent.status()).isEqualTo(302);
		String challengePath = path(sent.location());
		Browser.Page codePage = person.browser.get(person.url(challengePath));
		Browser.Page done = person.browser.post(person.url(challengePath), codePage.csrf(),
				Map.of("code", emailedCodeTo(address)));
		assertThat(done.location()).endsWith(challengePath + "/done");
		assertThat(methods(person)).containsExactly("EMAIL " + address);
		assertThat(rows(person, "verification_code")).isOne();
	}

	@Test
	void registerPhoneWhenSmtpServerIsDownThenThePhoneIsStoredAndTheMissedNoticeIsCounted() throws Exception {
		twilio.stubFor(post(LocalTwilio.MESSAGES).willReturn(sent()));
		Person person = signIn();
		String number = nextNumber();
		String challengePath = sendPhoneCode(person, number);
		Browser.Page codePage = person.browser.get(person.url(challengePath));
		double missedBefore = counter("securityinfo.notifications.failures");
		mailSender.setPort(deadPort());

		long start = System.nanoTime();
		Browser.Page done = person.browser.post(person.url(challengePath), codePage.csrf(),
				Map.of("code", textedCodeTo(number)));
		Duration took = Duration.ofNanos(System.nanoTime() - start);

		assertThat(done.status()).isEqualTo(302);
		assertThat(done.location()).endsWith(challengePath + "/done");
		assertThat(took).isLessThan(Duration.ofMillis(SMTP_TIMEOUT_MS).plus(MARGIN));
		assertThat(methods(person)).containsExactly("PHONE " + number);
		assertThat(counter("securityinfo.notifications.failures")).isEqualTo(missedBefore + 1);
		Browser.Page donePage = person.browser.get(person.url(challengePath + "/done"));
		assertThat(donePage.body()).contains("SMS verified. Your phone was registered successfully.");
		FaultLog.record("SMTP down (change notice)", done, took, Duration.ofMillis(SMTP_TIMEOUT_MS));

		mailSender.setPort(smtp.getSmtp().getPort());
		Person next = signIn();
		String nextNumber = nextNumber();
		String nextPath = sendPhoneCode(next, nextNumber);
		Browser.Page nextCodePage = next.browser.get(next.url(nextPath));
		assertThat(next.browser.post(next.url(nextPath), nextCodePage.csrf(), Map.of("code", textedCodeTo(nextNumber)))
			.location()).endsWith(nextPath + "/done");
		assertThat(smtp.getReceivedMessagesForDomain(next.email)).singleElement()
			.satisfies(mail -> assertThat(mail.getSubject()).isEqualTo("Your security info was changed"));
		assertThat(smtp.getReceivedMessagesForDomain(person.email)).isEmpty();
	}

	/**
	 * Adds a phone while Twilio fails as given, then again once it answers: the first attempt shows the form with a
	 * message and stores nothing, within the bound; the second registers the phone.
	 */
	private void addPhoneThroughFault(ResponseDefinitionBuilder fault, Duration bound) {
		addPhoneThroughFault("Twilio " + describe(fault), () -> twilio.stubFor(post(LocalTwilio.MESSAGES).willReturn(fault)),
				bound);
		assertThat(twilio.findAll(postRequestedFor(urlEqualTo(LocalTwilio.MESSAGES)))).isNotEmpty();
	}

	private void addPhoneThroughFault(String description, Runnable injectFault, Duration bound) {
		Person person = signIn();
		String number = nextNumber();
		double sentBefore = counter("securityinfo.verification.codes.sent");
		double failedBefore = counter("securityinfo.verification.codes.send.failures");
		injectFault.run();

		long start = System.nanoTime();
		Browser.Page refused = postPhoneForm(person, number);
		Duration took = Duration.ofNanos(System.nanoTime() - start);

		assertThat(refused.status()).isEqualTo(200);
		assertThat(refused.body()).contains(
				"The service that sends our texts and calls isn&#39;t answering right now, so no code was sent.")
			.doesNotContain("Check the number");
		assertNoInternals(refused);
		assertThat(took).isLessThan(bound.plus(MARGIN));
		assertThat(rows(person, "verification_challenge")).isZero();
		assertThat(rows(person, "verification_code")).isZero();
		assertThat(jdbc.queryForObject("select count(*) from phone_proof where account_id = ?", Integer.class,
				person.id)).isZero();
		assertThat(methods(person)).isEmpty();
		assertThat(counter("securityinfo.verification.codes.sent")).isEqualTo(sentBefore);
		assertThat(counter("securityinfo.verification.codes.send.failures")).isEqualTo(failedBefore + 1);
		FaultLog.record(description, refused, took, bound);

		twilioPort.set(twilio.port());
		twilio.resetAll();
		twilio.stubFor(post(LocalTwilio.MESSAGES).willReturn(sent()));
		String challengePath = sendPhoneCode(person, number);
		Browser.Page codePage = person.browser.get(person.url(challengePath));
		Browser.Page done = person.browser.post(person.url(challengePath), codePage.csrf(),
				Map.of("code", textedCodeTo(number)));
		assertThat(done.location()).endsWith(challengePath + "/done");
		assertThat(methods(person)).containsExactly("PHONE " + number);
		assertThat(rows(person, "verification_code")).isOne();
		assertThat(counter("securityinfo.verification.codes.sent")).isEqualTo(sentBefore + 1);
	}

	private static String describe(ResponseDefinitionBuilder fault) {
		var response = fault.build();
		if (response.getFault() != null) {
			return "connection reset";
		}
		if (response.getFixedDelayMilliseconds() != null) {
			return "answering after " + response.getFixedDelayMilliseconds() + " ms";
		}
		return "HTTP " + response.getStatus();
	}

	/**
	 * The page names no exception, class, provider or database. Its CSRF tokens are random text (a token may hold
	 * "SQL" or "java."), so they are left out of what is read, exactly: every value of a {@code _csrf} field.
	 */
	static void assertNoInternals(Browser.Page page) {
		String shown = CSRF_VALUE.matcher(page.body()).replaceAll("$1");
		assertThat(shown).contains("<html").doesNotContainIgnoringCase("exception")
			.doesNotContain("Whitelabel", "java.", "io.securityinfo", "springframework", "at org.", "Caused by",
					"Twilio", "SQL");
	}

	/** A {@code _csrf} field's value: the attribute's start (kept) and the token (left out). */
	private static final Pattern CSRF_VALUE = Pattern.compile("(name=\"_csrf\"\\s+value=\")[^\"]*");

	private static ResponseDefinitionBuilder sent() {
		return okJson("{\"sid\":\"SM" + numbers.incrementAndGet() + "\",\"status\":\"queued\"}").withStatus(201);
	}

	private String sendPhoneCode(Person person, String number) {
		Browser.Page sent = postPhoneForm(person, number);
		assertThat(sent.status()).as("sending a code to %s", number).isEqualTo(302);
		return path(sent.location());
	}

	private Browser.Page postPhoneForm(Person person, String number) {
		Browser.Page phonePage = person.browser.get(person.url("/security-info/phone"));
		return person.browser.post(person.url("/security-info/phone"), phonePage.csrf(),
				Map.of("region", "NL", "number", number.substring(3), "mode", "TEXT"));
	}

	private static String textedCodeTo(String number) {
		LoggedRequest text = twilio
			.findAll(postRequestedFor(urlEqualTo(LocalTwilio.MESSAGES)).withFormParam("To", equalTo(number)))
			.stream()
			.max(Comparator.comparing(LoggedRequest::getLoggedDate))
			.orElseThrow(() -> new AssertionError("No text to " + number));
		Matcher code = TEXTED_CODE.matcher(text.formParameter("Body").firstValue());
		assertThat(code.find()).isTrue();
		return code.group(1);
	}

	private static String emailedCodeTo(String address) throws Exception {
		MimeMessage[] mails = smtp.getReceivedMessagesForDomain(address);
		assertThat(mails).isNotEmpty();
		Matcher code = EMAILED_CODE.matcher(GreenMailUtil.getBody(mails[mails.length - 1]));
		assertThat(code.find()).isTrue();
		return code.group(1);
	}

	private Person signIn() {
		String email = "outside-faults" + numbers.incrementAndGet() + "@example.com";
		long id = accounts.createIfAbsent(email, "Outside Faults", PASSWORD, Role.EMPLOYEE);
		Person person = new Person(id, email, "http://localhost:" + port, new Browser());
		person.browser.signIn(person.baseUrl, email, PASSWORD);
		return person;
	}

	private int rows(Person person, String table) {
		return jdbc.queryForObject("select count(*) from " + table + " where account_id = ?", Integer.class,
				person.id);
	}

	private List<String> methods(Person person) {
		return jdbc.queryForList("select type || ' ' || detail from security_method where account_id = ?",
				String.class, person.id);
	}

	private double counter(String name) {
		return meters.find(name).counters().stream().mapToDouble(counter -> counter.count()).sum();
	}

	private static String nextNumber() {
		return "+3162" + String.format("%07d", numbers.incrementAndGet());
	}

	private static String path(String location) {
		return location.replaceAll("^https?://[^/]+", "");
	}

	static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** A loopback port nobody listens on: a connection to it is refused at once. */
	private static int deadPort() {
		return freePort();
	}

	record Person(long id, String email, String baseUrl, Browser browser) {

		String url(String path) {
			return baseUrl + path;
		}

	}

	/**
	 * A fake Twilio that takes the request, sends the answer's headers at once and then its body a byte at a time,
	 * each within the read time-out: only a deadline on the whole exchange ends the wait.
	 */
	static final class TricklingServer implements AutoCloseable {

		private static final byte[] BODY = "{\"sid\":\"SM0\",\"status\":\"queued\"}".getBytes(StandardCharsets.UTF_8);

		private final ServerSocket server = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));

		private final AtomicInteger requests = new AtomicInteger();

		private final Duration pause;

		TricklingServer(Duration pause) throws IOException {
			this.pause = pause;
			Thread acceptor = new Thread(this::serve, "trickling-twilio");
			acceptor.setDaemon(true);
			acceptor.start();
		}

		int port() {
			return server.getLocalPort();
		}

		int requests() {
			return requests.get();
		}

		private void serve() {
			while (!server.isClosed()) {
				try (Socket socket = server.accept()) {
					BufferedReader in = new BufferedReader(
							new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
					for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
						// the request's headers; its body is not needed
					}
					requests.incrementAndGet();
					OutputStream out = socket.getOutputStream();
					out.write(("HTTP/1.1 201 Created\r\nContent-Type: application/json\r\nContent-Length: " + BODY.length
							+ "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
					out.flush();
					for (byte b : BODY) {
						// The fault itself, in real time: the client's own wall-clock deadline is what is tested, and
						// WireMock's chunked dribble ended the exchange by the read time-out instead, before the deadline.
						Thread.sleep(pause.toMillis());
						out.write(b);
						out.flush();
					}
				}
				catch (IOException ex) {
					// closed by the client's deadline, or by close()
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					return;
				}
			}
		}

		@Override
		public void close() throws IOException {
			server.close();
		}

	}

	@TestConfiguration(proxyBeanMethods = false)
	static class LocalServices {

		@Bean
		@Primary
		HttpClient localTwilioHttpClient(Environment environment) {
			return LocalTwilio.httpClient(twilioPort::get, environment);
		}

	}

}
