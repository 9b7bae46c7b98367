package io.securityinfo.sms;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

class SmsGatewayHealthIndicatorTests {

	@Test
	void healthWhenConsoleIsSelectedThenUpAndSaysNothingIsDelivered() {
		Health health = new SmsGatewayHealthIndicator(new SmsProperties(SmsProperties.Provider.CONSOLE)).health();

		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails()).containsEntry("provider", "console").containsKey("delivers");
	}

	@Test
	void healthWhenTwilioIsSelectedThenUpAndConfiguredWithoutAskingTwilio() {
		Health health = new SmsGatewayHealthIndicator(new SmsProperties(SmsProperties.Provider.TWILIO)).health();

		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails()).containsEntry("provider", "twilio")
			.containsEntry("configured", true)
			.doesNotContainKey("delivers");
	}

}
