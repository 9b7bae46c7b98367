package io.securityinfo.twostep;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param validFor how recent a second factor (or, for a person with no method yet, the password) must be to add,
 * change or delete security info; an older one is asked again
 */
@Validated
@ConfigurationProperties("app.step-up")
record StepUpProperties(@NotNull @DefaultValue("10m") Duration validFor) {
}
