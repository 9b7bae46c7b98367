package io.securityinfo.sms.twilio;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.github.tomakehurst.wiremock.client.BasicCredentials;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.twilio.http.NetworkHttpClient;
import org.apache.hc.client5.http.HttpRoute;
import org.apache.hc.core5.http.HttpHost;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import io.securityinfo.sms.SentMessage;
import io.securityinfo.sms.SmsDeliveryException;
import io.securityinfo.sms.SmsGateway;
import io.securityinfo.AppProperties;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The real Twilio SDK, pointed at WireMock on 127.0.0.1: what it sends, and what becomes of Twilio's refusals. */
@ExtendWith(OutputCaptureExtension.class)
class TwilioSmsGatewayTests {

	static final String ACCOUNT_SID = "AC0123456789abcdef0123456789abcdef";

	static final String AUTH_TOKEN = "f0e1d2c3b4a5968778695a4b3c2d1e0f";

	static final String FROM = "+14155550100";

	static final String MESSAGING_SERVICE_SID = "MG0123456789abcdef0123456789abcdef";

	static final String TO = "+31612345678";

	static final String MESSAGES = "/2010-04-01/Accounts/" + ACCOUNT_SID + "/Messages.json";

	static final String CALLS = "/2010-04-01/Accounts/" + ACCOUNT_SID + "/Calls.json";

	@RegisterExtension
	static final WireMockExtension twilio = WireMockExtension.newInstance()
		.options(wireMockConfig().bindAddress("127.0.0.1").dynamicPort())
		.build();

	@Test
	void sendTextWhenTwilioAcceptsThenPostsToMessagesApiAndAnswersTwilioMessageSid() {
		twilio.stubFor(post(MESSAGES).willReturn(okJson("{\"sid\":\"SM0123\",\"status\":\"queued\"}").withStatus(201)));

		SentMessage sent = gateway(FROM, null).sendText(TO, "Your code is 123456");

		assertThat(sent).isEqualTo(new SentMessage("SM0123"));
		twilio.verify(1, postRequestedFor(urlEqualTo(MESSAGES)).withBasicAuth(new BasicCredentials(ACCOUNT_SID, AUTH_TOKEN))
			.withHeader("Content-Type", equalTo("application/x-www-form-urlencoded; charset=UTF-8"))
			.withFormParam("To", equalTo(TO))
			.withFormParam("From", equalTo(FROM))
			.withFormParam("Body", equalTo("Your code is 123456"))
			.withoutFormParam("MessagingServiceSid"));
	}

	@Test
	void sendTextWhenPublicUrlIsHttpsThenAsksTwilioToReportDeliveryToTheWebhook() {
		twilio.stubFor(post(MESSAGES).willReturn(okJson("{\"sid\":\"SM0123\",\"status\":\"queued\"}").withStatus(201)));

		gateway(properties(FROM, null), twilio.getPort(), "https://securityinfo.example.com").sendText(TO,
				"Your code is 123456");

		twilio.verify(1, postRequestedFor(urlEqualTo(MESSAGES))
			.withFormParam("StatusCallback", equalTo("https://securityinfo.example.com/sms/twilio/status")));
	}

	@Test
	void sendTextWhenPublicUrlIsHttpThenAsksForNoDeliveryReport() {
		twilio.stubFor(post(MESSAGES).willReturn(okJson("{\"sid\":\"SM0123\",\"status\":\"queued\"}").withStatus(201)));

		gateway(properties(FROM, null), twilio.getPort(), "http://localhost:8080").sendText(TO, "Your code is 123456");

		twilio.verify(1, postRequestedFor(urlEqualTo(MESSAGES)).withFormParam("To", equalTo(TO))
			.withoutFormParam("StatusCallback"));
	}

	@Test
	void placeCallWhenPublicUrlIsHttpsThenAsksForNoStatusCallback() {
		twilio.stubFor(post(CALLS).willReturn(okJson("{\"sid\":\"CA0123\",\"status\":\"queued\"}").withStatus(201)));

		gateway(properties(FROM, null), twilio.getPort(), "https://securityinfo.example.com").placeCall(TO, "1, 2, 3",
				Locale.ENGLISH);

		twilio.verify(1, postRequestedFor(urlEqualTo(CALLS)).withoutFormParam("StatusCallback"));
	}

	@Test
	void sendTextWhenMessagingServiceSidIsSetThenSendsThroughTheServiceInsteadOfFrom() {
		twilio.stubFor(post(MESSAGES).willReturn(okJson("{\"sid\":\"SM0123\",\"status\":\"accepted\"}").withStatus(201)));

		gateway(FROM, MESSAGING_SERVICE_SID).sendText(TO, "Your code is 123456");

		twilio.verify(1, postRequestedFor(urlEqualTo(MESSAGES)).withBasicAuth(new BasicCredentials(ACCOUNT_SID, AUTH_TOKEN))
			.withFormParam("To", equalTo(TO))
			.withFormParam("MessagingServiceSid", equalTo(MESSAGING_SERVICE_SID))
			.withFormParam("Body", equalTo("Your code is 123456"))
			.withoutFormParam("From"));
	}

	@Test
	void placeCallWhenTwilioAcceptsThenPostsEscapedSayTwimlToCallsApi() {
		twilio.stubFor(post(CALLS).willReturn(okJson("{\"sid\":\"CA0123\",\"status\":\"queued\"}").withStatus(201)));

		gateway(FROM, null).placeCall(TO, "Your R&D <code> is 1, 2, 3. Again: 1, 2, 3.", Locale.ENGLISH);

		twilio.verify(1, postRequestedFor(urlEqualTo(CALLS)).withBasicAuth(new BasicCredentials(ACCOUNT_SID, AUTH_TOKEN))
			.withFormParam("To", equalTo(TO))
			.withFormParam("From", equalTo(FROM))
			.withFormParam("Twiml",
					equalTo("<Response><Say language=\"en-US\">Your R&amp;D &lt;code&gt; is 1, 2, 3. Again: 1, 2, 3.</Say></Response>")));
	}

	@Test
	void placeCallWhenTheTextIsDutchThenTwilioReadsItInADutchVoice() {
		twilio.stubFor(post(CALLS).willReturn(okJson("{\"sid\":\"CA0123\",\"status\":\"queued\"}").withStatus(201)));

		gateway(FROM, null).placeCall(TO, "Je code is 1, 2, 3. Nogmaals, één keer: 1, 2, 3.", Locale.forLanguageTag("nl"));

		twilio.verify(1, postRequestedFor(urlEqualTo(CALLS)).withFormParam("Twiml", equalTo(
				"<Response><Say language=\"nl-NL\">Je code is 1, 2, 3. Nogmaals, één keer: 1, 2, 3.</Say></Response>")));
	}

	@Test
	void voiceWhenTheLanguageHasNoVoiceHereThenTheDefaultOneReadsIt() {
		assertThat(TwilioSmsGateway.voice(Locale.forLanguageTag("nl-BE"))).isEqualTo("nl-NL");
		assertThat(TwilioSmsGateway.voice(Locale.ENGLISH)).isEqualTo("en-US");
		assertThat(TwilioSmsGateway.voice(Locale.forLanguageTag("fy"))).isEqualTo("en-US");
	}

	@Test
	void placeCallWhenOnlyMessagingServiceIsSetThenThrowsWithoutCallingTwilio() {
		SmsGateway gateway = gateway(null, MESSAGING_SERVICE_SID);

		assertThatExceptionOfType(SmsDeliveryException.class).isThrownBy(() -> gateway.placeCall(TO, "1, 2, 3", Locale.ENGLISH))
			.withMessageContaining("app.sms.twilio.from-number");
		assertThat(twilio.getAllServeEvents()).isEmpty();
	}

	@Test
	void sendTextWhenTwilioRejectsTheNumberThenThrowsWithTwilioErrorCodeAndLogsOneMaskedLine(CapturedOutput output) {
		twilio.stubFor(post(MESSAGES).willReturn(aResponse().withStatus(400)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"code\":21211,\"message\":\"The 'To' number " + TO + " is not a valid phone number.\","
					+ "\"more_info\":\"https://www.twilio.com/docs/errors/21211\",\"status\":400}")));
		SmsGateway gateway = gateway(FROM, null);

		assertThatExceptionOfType(SmsDeliveryException.class).isThrownBy(() -> gateway.sendText(TO, "Your code is 123456"))
			.satisfies((ex) -> assertThat(ex.providerErrorCode()).isEqualTo("21211"))
			.satisfies((ex) -> assertThat(ex.providerUnavailable()).isFalse())
			.withMessage("Twilio refused the text: Twilio error 21211, HTTP status 400");
		List<String> warnings = warnings(output);
		assertThat(warnings).singleElement()
			.asString()
			.contains("Twilio refused the text to +31 6 •••• ••78: Twilio error 21211, HTTP status 400")
			.doesNotContain(TO, "123456", AUTH_TOKEN);
	}

	@Test
	void placeCallWhenTwilioFailsWithServerErrorThenThrows() {
		twilio.stubFor(post(CALLS).willReturn(aResponse().withStatus(500)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"code\":20500,\"message\":\"Internal Server Error\","
					+ "\"more_info\":\"https://www.twilio.com/docs/errors/20500\",\"status\":500}")));
		SmsGateway gateway = gateway(FROM, null);

		assertThatExceptionOfType(SmsDeliveryException.class).isThrownBy(() -> gateway.placeCall(TO, "1, 2, 3", Locale.ENGLISH))
			.satisfies((ex) -> assertThat(ex.providerErrorCode()).isEqualTo("20500"))
			.satisfies((ex) -> assertThat(ex.providerUnavailable()).isTrue())
			.withMessage("Twilio refused the call: Twilio error 20500, HTTP status 500");
		// The SDK itself tries a 5xx three times before giving up.
		twilio.verify(3, postRequestedFor(urlEqualTo(CALLS)));
	}

	@Test
	void sendTextWhenTwilioAnswersLaterThanReadTimeoutThenThrows(CapturedOutput output) {
		twilio.stubFor(post(MESSAGES)
			.willReturn(okJson("{\"sid\":\"SM0123\",\"status\":\"queued\"}").withStatus(201).withFixedDelay(2000)));
		SmsGateway gateway = gateway(properties(Duration.ofSeconds(5), Duration.ofMillis(300)), twilio.getPort());

		long start = System.nanoTime();
		assertThatExceptionOfType(SmsDeliveryException.class).isThrownBy(() -> gateway.sendText(TO, "Your code is 123456"))
			.satisfies((ex) -> assertThat(ex.providerErrorCode()).isNull())
			.satisfies((ex) -> assertThat(ex.providerUnavailable()).isTrue())
			.withMessage("Twilio could not be reached for the text: SocketTimeoutException")
			.withRootCauseInstanceOf(SocketTimeoutException.class);
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1500));
		assertThat(warnings(output)).singleElement()
			.asString()
			.contains("Twilio could not be reached for the text to +31 6 •••• ••78: SocketTimeoutException");
	}

	@Test
	void sendTextWhenNoConnectionIsMadeWithinConnectTimeoutThenThrows() throws IOException {
		try (UnansweringServer server = new UnansweringServer()) {
			SmsGateway gateway = gateway(properties(Duration.ofMillis(300), Duration.ofSeconds(10)), server.port());

			long start = System.nanoTime();
			assertThatExceptionOfType(SmsDeliveryException.class)
				.isThrownBy(() -> gateway.sendText(TO, "Your code is 123456"))
				.satisfies((ex) -> assertThat(ex.providerErrorCode()).isNull());
			// The SDK's own connect time-out is 30.5 s; this shows the configured one is the one that counts.
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
		}
	}

	@Test
	void twimlWhenTextHasQuotesThenEscapesThem() {
		assertThat(TwilioSmsGateway.twiml("It's \"1\"", Locale.ENGLISH))
			.isEqualTo("<Response><Say language=\"en-US\">It&apos;s &quot;1&quot;</Say></Response>");
	}

	private static SmsGateway gateway(String fromNumber, String messagingServiceSid) {
		return gateway(properties(fromNumber, messagingServiceSid), twilio.getPort());
	}

	private static TwilioProperties properties(String fromNumber, String messagingServiceSid) {
		return new TwilioProperties(ACCOUNT_SID, AUTH_TOKEN, fromNumber, messagingServiceSid, Duration.ofSeconds(5),
				Duration.ofSeconds(10), Duration.ofSeconds(15));
	}

	private static TwilioProperties properties(Duration connectTimeout, Duration readTimeout) {
		return new TwilioProperties(ACCOUNT_SID, AUTH_TOKEN, FROM, null, connectTimeout, readTimeout,
				Duration.ofSeconds(15));
	}

	private static SmsGateway gateway(TwilioProperties properties, int port) {
		return gateway(properties, port, "http://localhost:8080");
	}

	/**
	 * The gateway as the configuration builds it for this public URL, with an HTTP client that always connects to
	 * 127.0.0.1.
	 */
	private static SmsGateway gateway(TwilioProperties properties, int port, String publicUrl) {
		HttpHost local = new HttpHost("http", "127.0.0.1", port);
		NetworkHttpClient httpClient = new NetworkHttpClient(
				TwilioConfiguration.httpClientBuilder(properties).setRoutePlanner((target, context) -> new HttpRoute(local)));
		TwilioConfiguration configuration = new TwilioConfiguration();
		return configuration.twilioSmsGateway(properties, httpClient,
				configuration.twilioStatusCallback(properties, new AppProperties(URI.create(publicUrl))));
	}

	private static List<String> warnings(CapturedOutput output) {
		return output.getAll().lines().filter((line) -> line.contains("WARN") && line.contains("TwilioSmsGateway")).toList();
	}

	/**
	 * A local server whose accept queue is full, so a new connection to it hangs as one to an unreachable host
	 * does, without leaving the machine.
	 */
	private static final class UnansweringServer implements AutoCloseable {

		private final ServerSocket server = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"));

		private final List<Socket> queued = new ArrayList<>();

		UnansweringServer() throws IOException {
			for (int i = 0; i < 10; i++) {
				Socket socket = new Socket();
				try {
					socket.connect(server.getLocalSocketAddress(), 200);
					queued.add(socket);
				}
				catch (SocketTimeoutException full) {
					socket.close();
					return;
				}
			}
		}

		int port() {
			return server.getLocalPort();
		}

		@Override
		public void close() throws IOException {
			for (Socket socket : queued) {
				socket.close();
			}
			server.close();
		}

	}

}
