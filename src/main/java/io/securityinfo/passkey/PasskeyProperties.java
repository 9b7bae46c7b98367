package io.securityinfo.passkey;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Passkeys. The relying party (its id and the allowed origin) is not set here: it is {@code app.public-url}'s host
 * and origin.
 *
 * @param maxPerPerson how many passkeys one person may keep
 * @param ceremonyTimeout how long a registration or sign-in prompt stays valid on the server, from the moment the
 * page asked for it; the browser is given the same time
 * @param relyingPartyName the name a browser may show in its passkey prompt
 */
@Validated
@ConfigurationProperties("app.passkeys")
record PasskeyProperties(@Min(1) @Max(100) @DefaultValue("10") int maxPerPerson,
		@NotNull @DefaultValue("5m") Duration ceremonyTimeout,
		@NotBlank @DefaultValue("Security info") String relyingPartyName) {
}
