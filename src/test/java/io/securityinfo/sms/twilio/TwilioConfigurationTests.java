package io.securityinfo.sms.twilio;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import com.twilio.http.HttpClient;
import com.twilio.http.NetworkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import io.securityinfo.sms.SmsGateway;
import io.securityinfo.AppProperties;

import static org.assertj.core.api.Assertions.assertThat;

/** When the Twilio gateway exists, and how a start-up with it selected but not set up fails. */
class TwilioConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withUserConfiguration(TwilioConfiguration.class)
		.withBean(AppProperties.class, () -> new AppProperties(URI.create("https://securityinfo.example.com")))
		.withPropertyValues("app.sms.provider=twilio",
				"app.sms.twilio.account-sid=" + TwilioSmsGatewayTests.ACCOUNT_SID,
				"app.sms.twilio.auth-token=" + TwilioSmsGatewayTests.AUTH_TOKEN,
				"app.sms.twilio.from-number=" + TwilioSmsGatewayTests.FROM);

	@Test
	void startWhenTwilioIsSelectedAndSetUpThenTwilioGatewayIsTheSmsGateway() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).getBean(SmsGateway.class).isInstanceOf(TwilioSmsGateway.class);
			assertThat(context).getBean("twilioHttpClient").isInstanceOf(NetworkHttpClient.class);
		});
	}

	@Test
	void startWhenOnlyMessagingServiceSidIsSetThenTwilioGatewayIsTheSmsGateway() {
		this.contextRunner
			.withPropertyValues("app.sms.twilio.from-number=",
					"app.sms.twilio.messaging-service-sid=" + TwilioSmsGatewayTests.MESSAGING_SERVICE_SID)
			.run((context) -> assertThat(context).getBean(SmsGateway.class).isInstanceOf(TwilioSmsGateway.class));
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			app.sms.twilio.account-sid= | app.sms.twilio.account-sid (environment variable APP_SMS_TWILIO_ACCOUNT_SID) is not set
			app.sms.twilio.auth-token=  | app.sms.twilio.auth-token (environment variable APP_SMS_TWILIO_AUTH_TOKEN) is not set
			app.sms.twilio.from-number= | neither app.sms.twilio.from-number (environment variable APP_SMS_TWILIO_FROM_NUMBER) nor app.sms.twilio.messaging-service-sid (environment variable APP_SMS_TWILIO_MESSAGING_SERVICE_SID) is set
			""")
	void startWhenTwilioIsSelectedAndSettingIsMissingThenFailsNamingPropertyAndEnvironmentVariable(String unset,
			String expectedMessage) {
		this.contextRunner.withPropertyValues(unset).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(IllegalStateException.class)
				.hasMessage("Twilio is the selected SMS provider (app.sms.provider=twilio), but " + expectedMessage);
		});
	}

	@Test
	void startWhenTwilioIsSelectedAndNothingIsSetThenFailsNamingEveryMissingSetting() {
		new ApplicationContextRunner().withUserConfiguration(TwilioConfiguration.class)
			.withBean(AppProperties.class, () -> new AppProperties(URI.create("http://localhost:8080")))
			.withPropertyValues("app.sms.provider=twilio")
			.run((context) -> assertThat(context.getStartupFailure()).rootCause()
				.message()
				.contains("APP_SMS_TWILIO_ACCOUNT_SID", "APP_SMS_TWILIO_AUTH_TOKEN", "APP_SMS_TWILIO_FROM_NUMBER",
						"APP_SMS_TWILIO_MESSAGING_SERVICE_SID"));
	}

	@Test
	void startWhenConsoleIsSelectedThenNoTwilioBeansAndNoFailureWithoutTwilioSettings() {
		new ApplicationContextRunner().withUserConfiguration(TwilioConfiguration.class)
			.withPropertyValues("app.sms.provider=console")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context).doesNotHaveBean(SmsGateway.class).doesNotHaveBean(HttpClient.class);
			});
	}

	@Test
	void startWhenTestSuppliesAnHttpClientThenGatewayIsBuiltWithItInsteadOfTheDefault() {
		HttpClient supplied = new NetworkHttpClient();
		this.contextRunner.withBean("wireMockHttpClient", HttpClient.class, () -> supplied).run((context) -> {
			assertThat(context).hasSingleBean(HttpClient.class).doesNotHaveBean("twilioHttpClient");
			assertThat(context.getBean(HttpClient.class)).isSameAs(supplied);
			assertThat(context).hasSingleBean(TwilioSmsGateway.class);
		});
	}

	@Test
	void startWhenTwilioIsSelectedThenWebhookIsUnderThePublicUrlAndCheckedWithTheAuthToken() {
		this.contextRunner.run((context) -> {
			StatusCallback statusCallback = context.getBean(StatusCallback.class);
			assertThat(statusCallback.url()).isEqualTo("https://securityinfo.example.com/sms/twilio/status");
			assertThat(statusCallback.requested()).isTrue();
			assertThat(statusCallback.isSignedByTwilio(Map.of("MessageSid", "SM1"), TwilioSignature.sign(
					TwilioSmsGatewayTests.AUTH_TOKEN, statusCallback.url(), Map.of("MessageSid", "SM1"))))
				.isTrue();
		});
	}

	@Test
	void startWhenConsoleIsSelectedThenNoWebhookNorItsFilterChain() {
		new ApplicationContextRunner()
			.withUserConfiguration(TwilioConfiguration.class, StatusCallbackController.class,
					StatusCallbackSecurity.class)
			.withPropertyValues("app.sms.provider=console")
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(StatusCallback.class)
				.doesNotHaveBean(StatusCallbackController.class)
				.doesNotHaveBean("twilioStatusCallbackFilterChain"));
	}

	@Test
	void bindWhenTimeoutsAreNotSetThenFiveSecondsToConnectTenToAnswerAndFifteenForTheWholeExchange() {
		this.contextRunner.run((context) -> assertThat(context.getBean(TwilioProperties.class))
			.returns(Duration.ofSeconds(5), TwilioProperties::connectTimeout)
			.returns(Duration.ofSeconds(10), TwilioProperties::readTimeout)
			.returns(Duration.ofSeconds(15), TwilioProperties::requestTimeout));
	}

	@Test
	void toStringThenHidesTheAuthToken() {
		this.contextRunner.run((context) -> assertThat(context.getBean(TwilioProperties.class).toString())
			.contains(TwilioSmsGatewayTests.ACCOUNT_SID)
			.doesNotContain(TwilioSmsGatewayTests.AUTH_TOKEN));
	}

}
