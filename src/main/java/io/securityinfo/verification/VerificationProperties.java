package io.securityinfo.verification;

import java.nio.file.Path;
import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The keys and lockout of one-time codes. The other limits on codes are the phone policy's
 * ({@code app.policy.phone.*}, then the admin page).
 *
 * @param codeSecret the HMAC key codes are hashed with (environment variable APP_VERIFICATION_CODE_SECRET)
 * @param codeSecretFile where the embedded default keeps a generated key when {@code codeSecret} is not set
 * @param maxConsecutiveFailures wrong codes in a row, across challenges, before sending and checking stop
 * @param lockoutDuration how long they stop for
 * @param retention how long after its end a challenge and its codes are kept before housekeeping deletes them. At
 * least a day: the codes are also the ledger the per-person daily limit counts, so deleting one sooner would give
 * a person back sends within the same 24 hours
 */
@Validated
@ConfigurationProperties("app.verification")
public record VerificationProperties(String codeSecret, Path codeSecretFile,
		@Min(1) @DefaultValue("20") int maxConsecutiveFailures, @NotNull @DefaultValue("1h") Duration lockoutDuration,
		@NotNull @DurationMin(days = 1) @DefaultValue("1d") Duration retention) {

}
