package io.securityinfo;

import java.net.URI;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the application as a whole.
 *
 * @param publicUrl the address people reach the app at; its host is bound into texts for one-tap code autofill
 */
@Validated
@ConfigurationProperties("app")
public record AppProperties(@NotNull URI publicUrl) {

	public String publicHost() {
		return publicUrl.getHost();
	}

	/** Whether people reach the app over TLS, which decides the session cookie's flags and HSTS. */
	public boolean isHttps() {
		return "https".equalsIgnoreCase(publicUrl.getScheme());
	}

}
