package io.securityinfo.system;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How long a sign-in lasts however busy it is kept. The idle timeout ({@code spring.session.timeout}) ends a
 * forgotten session; this ends one that a stolen cookie or an always-open tab would otherwise keep alive forever.
 *
 * @param absoluteLifetime how long after it began a session ends, active or not
 */
@Validated
@ConfigurationProperties("app.session")
record SessionLifetimeProperties(@NotNull @DefaultValue("12h") Duration absoluteLifetime) {

}
