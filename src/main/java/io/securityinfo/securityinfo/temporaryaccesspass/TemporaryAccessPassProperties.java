package io.securityinfo.securityinfo.temporaryaccesspass;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The Temporary Access Pass's settings until an administrator saves them on Admin → Authentication methods →
 * Temporary Access Pass.
 *
 * @param minLifetime the shortest lifetime an administrator may give a pass
 * @param maxLifetime the longest
 * @param defaultLifetime the lifetime the creation form proposes
 * @param length the pass's length in characters, 8 to 48
 * @param oneTime whether a new pass signs in once only unless the administrator says otherwise
 */
@Validated
@ConfigurationProperties("app.temporary-access-pass")
record TemporaryAccessPassProperties(@NotNull @DefaultValue("10m") Duration minLifetime,
		@NotNull @DefaultValue("8h") Duration maxLifetime, @NotNull @DefaultValue("1h") Duration defaultLifetime,
		@Min(8) @Max(48) @DefaultValue("8") int length, @DefaultValue("true") boolean oneTime) {

	TemporaryAccessPassRules rules() {
		return new TemporaryAccessPassRules((int) minLifetime.toMinutes(), (int) maxLifetime.toMinutes(),
				(int) defaultLifetime.toMinutes(), length, oneTime);
	}

}
