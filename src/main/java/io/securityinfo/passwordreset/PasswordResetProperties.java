package io.securityinfo.passwordreset;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Self-service password reset. The counts are kept in the database, so they hold across app instances.
 *
 * @param lifetime how long one reset, from the email to the new password, may take
 * @param maxStartsPerAccountPerHour resets started for one email in any hour, whether or not it is an account's
 * @param maxStartsPerClientPerHour resets started from one client address in any hour
 * @param maxWrongAnswers wrong codes or answers that end one reset
 */
@Validated
@ConfigurationProperties("app.password-reset")
record PasswordResetProperties(@NotNull @DefaultValue("15m") Duration lifetime,
		@Min(1) @DefaultValue("5") int maxStartsPerAccountPerHour,
		@Min(1) @DefaultValue("20") int maxStartsPerClientPerHour, @Min(1) @DefaultValue("5") int maxWrongAnswers) {
}
