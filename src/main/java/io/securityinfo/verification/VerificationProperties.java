package io.securityinfo.verification;

import java.nio.file.Path;
import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The rules for one-time codes.
 *
 * @param codeSecret the HMAC key codes are hashed with (environment variable APP_VERIFICATION_CODE_SECRET)
 * @param codeSecretFile where the embedded default keeps a generated key when {@code codeSecret} is not set
 * @param codeLifetime how long a challenge accepts its codes
 * @param maxWrongAttempts wrong entries that end a challenge
 * @param resendCooldown how long after a send "Resend code" works again
 * @param maxSendsPerNumberPerHour texts and calls to one number in any hour
 * @param maxSendsPerUserPerDay texts and calls for one person in any 24 hours
 * @param maxConsecutiveFailures wrong codes in a row, across challenges, before sending and checking stop
 * @param lockoutDuration how long they stop for
 */
@Validated
@ConfigurationProperties("app.verification")
public record VerificationProperties(String codeSecret, Path codeSecretFile,
		@NotNull @DefaultValue("10m") Duration codeLifetime, @Min(1) @DefaultValue("5") int maxWrongAttempts,
		@NotNull @DefaultValue("30s") Duration resendCooldown, @Min(1) @DefaultValue("5") int maxSendsPerNumberPerHour,
		@Min(1) @DefaultValue("10") int maxSendsPerUserPerDay, @Min(1) @DefaultValue("20") int maxConsecutiveFailures,
		@NotNull @DefaultValue("1h") Duration lockoutDuration) {

}
