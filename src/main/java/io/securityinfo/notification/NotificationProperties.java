package io.securityinfo.notification;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Change notifications.
 *
 * @param notMeLinkLifetime how long the "This wasn't me" link of a notification works
 * @param notMeLinkRetention how long a link's row is kept after it expired, so that it still says "expired"
 * rather than "not valid"; housekeeping deletes it afterwards
 */
@Validated
@ConfigurationProperties("app.notification")
public record NotificationProperties(@NotNull Duration notMeLinkLifetime, @NotNull Duration notMeLinkRetention) {
}
