package io.securityinfo;

import java.net.URI;

import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The address links in mails start with: {@code app.public-url}, which follows {@code server.port} when it is not
 * set; on a port chosen at start-up ({@code server.port=0}), the port the server got.
 */
@Component
public class PublicUrl implements ApplicationListener<WebServerInitializedEvent> {

	private volatile URI url;

	PublicUrl(AppProperties app) {
		this.url = app.publicUrl();
	}

	/** The address, without a trailing slash. */
	public String base() {
		String base = url.toString();
		return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
	}

	@Override
	public void onApplicationEvent(WebServerInitializedEvent event) {
		// The management server on a port of its own has a namespace; pages are served by the one without.
		if (url.getPort() == 0 && event.getApplicationContext().getServerNamespace() == null) {
			url = UriComponentsBuilder.fromUri(url).port(event.getWebServer().getPort()).build().toUri();
		}
	}

}
