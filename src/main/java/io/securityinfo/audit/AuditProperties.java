package io.securityinfo.audit;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How long the audit log remembers.
 *
 * @param retention how long an audit event is kept; housekeeping deletes older ones, so the log does not grow
 * without end and holds people's addresses no longer than the organisation's policy allows
 */
@Validated
@ConfigurationProperties("app.audit")
record AuditProperties(@NotNull @DefaultValue("365d") Duration retention) {

}
