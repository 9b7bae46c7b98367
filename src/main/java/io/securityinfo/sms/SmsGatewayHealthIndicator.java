package io.securityinfo.sms;

import java.util.Locale;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The {@code smsGateway} component of {@code /actuator/health}: which provider sends the codes. It does not call
 * the provider: health is polled every few seconds by load balancers, and each call to Twilio would cost money and
 * count against its rate limits. A selected provider that is not set up stops start-up instead, so a running app
 * reports it as configured; failed sends show in the {@code verification.codes.send.failures} metric.
 */
@Component
class SmsGatewayHealthIndicator implements HealthIndicator {

	private final SmsProperties properties;

	SmsGatewayHealthIndicator(SmsProperties properties) {
		this.properties = properties;
	}

	@Override
	public Health health() {
		Health.Builder health = Health.up()
			.withDetail("provider", properties.provider().name().toLowerCase(Locale.ROOT))
			.withDetail("configured", true);
		if (properties.provider() == SmsProperties.Provider.CONSOLE) {
			health.withDetail("delivers", "nothing: messages are only logged and shown on /dev/outbox");
		}
		return health.build();
	}

}
