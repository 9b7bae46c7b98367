package io.securityinfo.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import io.securityinfo.SecurityInfoApplication;
import io.securityinfo.AppProperties;

/**
 * The whole app refuses to start with a console gateway where it would serve people: under the production profile
 * or at a public address, unless told that this is deliberate.
 */
class ConsoleGatewaysStartTests {

	@Test
	void startWhenPublicUrlIsNotLoopbackAndTheEmailGatewayIsTheConsoleOneThenFailsNamingTheSettings() {
		assertThatThrownBy(() -> start("--app.sms.provider=twilio", "--app.sms.twilio.account-sid=AC0",
				"--app.sms.twilio.auth-token=token", "--app.sms.twilio.from-number=+14155550100",
				"--app.public-url=https://security-info.example.com"))
			.satisfies(failure -> assertThat(rootMessage(failure)).contains("app.email.provider",
					"app.dev.console-gateways-allowed", "https://security-info.example.com")
				.doesNotContain("\n"));
	}

	@Test
	void startWhenThePostgresProfileIsActiveWithConsoleGatewaysThenFailsNamingTheSettings() {
		assertThatThrownBy(() -> start("--spring.profiles.active=test,postgres",
				"--app.verification.code-secret=test-only-code-secret-0123456789abcdef",
				"--app.totp.encryption-key=dGVzdC1vbmx5LXRvdHAta2V5LTAxMjM0NTY3ODlhYmM="))
			.satisfies(failure -> assertThat(rootMessage(failure)).contains("app.sms.provider", "app.email.provider",
					"postgres", "app.dev.console-gateways-allowed"));
	}

	@Test
	void startWhenPublicUrlIsNotLoopbackAndConsoleGatewaysAreAllowedThenStarts() {
		try (ConfigurableApplicationContext context = start("--app.public-url=https://security-info.example.com",
				"--app.dev.console-gateways-allowed=true")) {
			assertThat(context.getBean(Outbox.class)).isNotNull();
		}
	}

	@ParameterizedTest
	@CsvSource(textBlock = """
			http://localhost:8080,            console, console, false, true
			http://127.0.0.1:8080,            console, console, false, true
			http://[::1]:8080,                console, console, false, true
			http://LOCALHOST,                 console, smtp,    false, true
			http://10.0.0.5:8080,             console, console, false, false
			https://security-info.example.com, twilio, console, false, false
			https://security-info.example.com, console, smtp,   false, false
			http://localhost.example.com,     console, console, false, false
			https://security-info.example.com, twilio, smtp,    false, true
			https://security-info.example.com, console, console, true, true
			""")
	void checkWhenPublicUrlAndProvidersAreGivenThenOnlyLoopbackOrRealGatewaysOrTheSettingStart(String publicUrl,
			String sms, String email, boolean allowed, boolean starts) {
		checkRunner().withPropertyValues("app.public-url=" + publicUrl, "app.sms.provider=" + sms,
				"app.email.provider=" + email, "app.dev.console-gateways-allowed=" + allowed)
			.run(context -> {
				if (starts) {
					assertThat(context).hasNotFailed();
				}
				else {
					assertThat(context).hasFailed();
					assertThat(rootMessage(context.getStartupFailure())).contains(publicUrl,
							"app.dev.console-gateways-allowed");
				}
			});
	}

	@Test
	void checkWhenThePostgresProfileIsActiveThenConsoleGatewaysStartOnlyWithTheSetting() {
		checkRunner().withPropertyValues("spring.profiles.active=postgres", "app.public-url=http://localhost:8080")
			.run(context -> assertThat(context).hasFailed());
		checkRunner()
			.withPropertyValues("spring.profiles.active=postgres", "app.public-url=http://localhost:8080",
					"app.dev.console-gateways-allowed=true")
			.run(context -> assertThat(context).hasNotFailed());
		checkRunner()
			.withPropertyValues("spring.profiles.active=postgres", "app.public-url=http://localhost:8080",
					"app.sms.provider=twilio", "app.email.provider=smtp")
			.run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(ConsoleGatewaysCheck.class));
	}

	private static ApplicationContextRunner checkRunner() {
		return new ApplicationContextRunner().withUserConfiguration(CheckOnly.class);
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties({ AppProperties.class, DevProperties.class })
	@Import(ConsoleGatewaysCheck.class)
	static class CheckOnly {

	}

	private static ConfigurableApplicationContext start(String... args) {
		List<String> all = new ArrayList<>(List.of("--server.port=0",
				"--spring.datasource.url=jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
				"--spring.datasource.username=sa", "--spring.datasource.password=", "--app.demo.enabled=false"));
		all.addAll(List.of(args));
		return new SpringApplicationBuilder(SecurityInfoApplication.class).profiles("test").run(all.toArray(String[]::new));
	}

	private static String rootMessage(Throwable failure) {
		Throwable cause = failure;
		while (cause.getCause() != null) {
			cause = cause.getCause();
		}
		return cause.getMessage();
	}

}
