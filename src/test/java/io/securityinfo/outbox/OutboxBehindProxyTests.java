package io.securityinfo.outbox;

import java.io.IOException;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

import io.securityinfo.TestBeans;
import io.securityinfo.TestDatabase;

/**
 * A real Tomcat told to trust a proxy on loopback: its RemoteIpValve then takes the client address from
 * {@code X-Forwarded-For}, so {@code request.getRemoteAddr()} says 127.0.0.1 whenever the header does. The outbox
 * does not believe it: a request that came through the proxy may be anyone's.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "server.tomcat.remoteip.internal-proxies=127\\.0\\.0\\.1|0:0:0:0:0:0:0:1")
@ActiveProfiles("test")
@Import(TestBeans.class)
@ContextConfiguration(initializers = TestDatabase.Initializer.class)
class OutboxBehindProxyTests {

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Test
	void outboxWhenTheTrustedProxySaysTheClientIsLoopbackThenNotFound() throws Exception {
		HttpResponse<String> outbox = outboxForwardedFor("127.0.0.1");

		assertThat(outbox.statusCode()).isEqualTo(404);
		assertThat(outbox.body()).doesNotContain("<h1>Outbox</h1>");
	}

	@Test
	void outboxWhenTheTrustedProxyForwardsAnotherClientThenNotFound() throws Exception {
		HttpResponse<String> outbox = outboxForwardedFor("203.0.113.7");

		assertThat(outbox.statusCode()).isEqualTo(404);
	}

	/** The outbox, asked over loopback through the trusted proxy, which says the request came from this client. */
	private HttpResponse<String> outboxForwardedFor(String client) throws IOException, InterruptedException {
		return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/dev/outbox"))
			.header("X-Forwarded-For", client)
			.build(), BodyHandlers.ofString());
	}

}
