package io.securityinfo.verification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** The retention of challenges may not drop below the day the per-person sending limit looks back over. */
class VerificationPropertiesTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withUserConfiguration(Properties.class);

	@Test
	void bindWhenRetentionIsNotSetThenOneDay() {
		contextRunner.run(context -> assertThat(context.getBean(VerificationProperties.class).retention())
			.isEqualTo(Duration.ofDays(1)));
	}

	@Test
	void bindWhenRetentionIsShorterThanADayThenStartUpFails() {
		contextRunner.withPropertyValues("app.verification.retention=23h")
			.run(context -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.message()
				.contains("app.verification.retention"));
	}

	@Test
	void bindWhenRetentionIsLongerThanADayThenKept() {
		contextRunner.withPropertyValues("app.verification.retention=30d")
			.run(context -> assertThat(context.getBean(VerificationProperties.class).retention())
				.isEqualTo(Duration.ofDays(30)));
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(VerificationProperties.class)
	static class Properties {

	}

}
