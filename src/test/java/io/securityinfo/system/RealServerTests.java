package io.securityinfo.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

import io.securityinfo.TestBeans;
import io.securityinfo.TestDatabase;

/**
 * What only a real Tomcat shows: Actuator on a management port of its own, open there and absent from the
 * application's port, and forwarded headers ignored from an address not configured as a trusted proxy — loopback
 * included, which Tomcat's default list would trust.
 */
// With the database sessions of the real app (the test profile leaves them out).
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "management.server.port=0", "spring.autoconfigure.exclude=" })
@ActiveProfiles("test")
@Import(TestBeans.class)
@ContextConfiguration(initializers = TestDatabase.Initializer.class)
class RealServerTests {

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@LocalManagementPort
	int managementPort;

	@Test
	void prometheusWhenManagementPortIsSetThenScrapedThereWithoutSignIn() throws Exception {
		HttpResponse<String> scrape = get(managementPort, "/actuator/prometheus");

		assertThat(managementPort).isNotEqualTo(port);
		assertThat(scrape.statusCode()).isEqualTo(200);
		assertThat(scrape.body()).contains("# TYPE jvm_memory_used_bytes gauge");
		assertThat(get(managementPort, "/actuator/health").body()).contains("\"status\":\"UP\"");
	}

	@Test
	void prometheusWhenManagementPortIsSetThenNotOnTheApplicationPort() throws Exception {
		HttpResponse<String> response = get(port, "/actuator/prometheus");

		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(response.body()).doesNotContain("jvm_memory_used_bytes");
	}

	@Test
	void requestWhenUntrustedAddressClaimsHttpsThenItIsNotBelieved() throws Exception {
		HttpResponse<String> signInPage = get(port, "/login", "X-Forwarded-Proto", "https", "X-Forwarded-For",
				"203.0.113.7");

		assertThat(signInPage.statusCode()).isEqualTo(200);
		assertThat(signInPage.headers().firstValue("Set-Cookie")).hasValueSatisfying(
				cookie -> assertThat(cookie).startsWith("SESSION=").doesNotContain("Secure"));
	}

	@Test
	void outboxWhenAskedOverLoopbackThenShownWithoutSignIn() throws Exception {
		HttpResponse<String> outbox = get(port, "/dev/outbox");

		assertThat(outbox.statusCode()).isEqualTo(200);
		assertThat(outbox.body()).contains("<h1>Outbox</h1>");
	}

	@Test
	void outboxWhenTheLoopbackConnectionForwardsAnotherClientThenNotFound() throws Exception {
		for (String header : new String[] { "X-Forwarded-For", "X-Real-IP", "Forwarded" }) {
			HttpResponse<String> outbox = get(port, "/dev/outbox", header,
					header.equals("Forwarded") ? "for=203.0.113.7" : "203.0.113.7");

			assertThat(outbox.statusCode()).as(header).isEqualTo(404);
			assertThat(outbox.body()).as(header).doesNotContain("<h1>Outbox</h1>");
		}
	}

	@Test
	void redirectWhenTheHostHeaderNamesAnotherSiteThenTheLocationIsAPathOnThisOne() throws Exception {
		for (String path : new String[] { "/security-info", "/admin", "/no-such-page" }) {
			String response = rawGet(path, "attacker.example");

			assertThat(response).as(path).startsWith("HTTP/1.1 302");
			assertThat(response.lines().filter(line -> line.regionMatches(true, 0, "Location:", 0, 9)))
				.as(path)
				.singleElement()
				.asString()
				.isEqualToIgnoringCase("Location: /login");
		}
	}

	/** A request as a client that may send any Host header writes it, which Java's HTTP client refuses to do. */
	private String rawGet(String path, String host) throws IOException {
		try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
			socket.setSoTimeout(10_000);
			socket.getOutputStream()
				.write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
					.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
			return new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.ISO_8859_1);
		}
	}

	/** Asks the server on this port for the path, with these headers (names and values in turn). */
	private HttpResponse<String> get(int port, String path, String... headers)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(port, path));
		if (headers.length > 0) {
			request.headers(headers);
		}
		return http.send(request.build(), BodyHandlers.ofString());
	}

	private static URI uri(int port, String path) {
		return URI.create("http://localhost:" + port + path);
	}

}
