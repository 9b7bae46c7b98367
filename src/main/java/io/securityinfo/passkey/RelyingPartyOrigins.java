package io.securityinfo.passkey;

import java.net.URI;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;

/**
 * The origins a passkey prompt may come from: {@code app.public-url}'s origin (scheme, host and port; behind a
 * proxy, the public https origin). For a trial on localhost the port the server really listens on is allowed too,
 * so that the demo works on any port; no other origin is ever added.
 */
final class RelyingPartyOrigins implements ApplicationListener<WebServerInitializedEvent> {

	private final Set<String> allowed = ConcurrentHashMap.newKeySet();

	private final URI publicUrl;

	RelyingPartyOrigins(URI publicUrl) {
		this.publicUrl = publicUrl;
		allowed.add(origin(publicUrl));
	}

	/** The live set: the relying party reads it at every ceremony. */
	Set<String> allowed() {
		return allowed;
	}

	@Override
	public void onApplicationEvent(WebServerInitializedEvent event) {
		if ("localhost".equalsIgnoreCase(publicUrl.getHost()) && "http".equalsIgnoreCase(publicUrl.getScheme())
				&& event.getApplicationContext().getServerNamespace() == null) {
			allowed.add("http://localhost:" + event.getWebServer().getPort());
		}
	}

	static String origin(URI url) {
		String scheme = url.getScheme().toLowerCase();
		int port = url.getPort();
		boolean defaultPort = port == -1 || ("https".equals(scheme) && port == 443) || ("http".equals(scheme) && port == 80);
		return scheme + "://" + url.getHost().toLowerCase() + (defaultPort ? "" : ":" + port);
	}

}
