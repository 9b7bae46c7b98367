package io.securityinfo.system;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.DefaultCookieSerializer;

import io.securityinfo.AppProperties;

/**
 * The session cookie, written by Spring Session (so {@code server.servlet.session.cookie.*} does not apply).
 * Behind TLS — an {@code https} public URL — it is a {@code __Host-} cookie: browsers then accept it only when it
 * is Secure, has path "/" and names no domain, so neither plain HTTP nor a sibling subdomain can plant or read it.
 * The scheme of the public URL decides rather than the request's, because behind a proxy that terminates TLS the
 * request the app sees may be plain HTTP.
 */
@Configuration(proxyBeanMethods = false)
class SessionCookieConfiguration {

	static final String SECURE_COOKIE_NAME = "__Host-SESSION";

	static final String PLAIN_COOKIE_NAME = "SESSION";

	@Bean
	CookieSerializer cookieSerializer(AppProperties app) {
		DefaultCookieSerializer serializer = new DefaultCookieSerializer();
		serializer.setCookiePath("/");
		serializer.setUseHttpOnlyCookie(true);
		serializer.setSameSite("Lax");
		if (app.isHttps()) {
			serializer.setCookieName(SECURE_COOKIE_NAME);
			serializer.setUseSecureCookie(true);
		}
		else {
			serializer.setCookieName(PLAIN_COOKIE_NAME);
		}
		return serializer;
	}

}
