package io.securityinfo.sms;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Which SMS gateway is active.
 *
 * @param provider {@code console} (logs the message and shows it on /dev/outbox) or {@code twilio}
 */
@Validated
@ConfigurationProperties("app.sms")
public record SmsProperties(@NotNull @DefaultValue("console") Provider provider) {

	public enum Provider {

		CONSOLE, TWILIO

	}

}
