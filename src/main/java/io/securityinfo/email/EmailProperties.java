package io.securityinfo.email;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Which email gateway is active, and who its mail comes from. The SMTP server itself is Spring Boot's
 * {@code spring.mail.*}.
 *
 * @param provider {@code console} (logs the message and shows it on /dev/outbox) or {@code smtp}
 * @param from the sender of every email, such as {@code Security info <no-reply@example.com>} (environment
 * variable APP_EMAIL_FROM); required with {@code smtp}, unused by the console
 */
@Validated
@ConfigurationProperties("app.email")
public record EmailProperties(@NotNull @DefaultValue("console") Provider provider, String from) {

	public enum Provider {

		CONSOLE, SMTP

	}

}
