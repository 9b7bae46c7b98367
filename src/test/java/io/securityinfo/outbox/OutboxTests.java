package io.securityinfo.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The outbox keeps the newest messages, and it and /dev/outbox exist exactly while a console gateway is active. */
class OutboxTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withUserConfiguration(Outbox.class, OutboxController.class);

	@ParameterizedTest
	@CsvSource(textBlock = """
			console, console, true
			twilio,  console, true
			console, smtp,    true
			twilio,  smtp,    false
			""")
	void startWhenProvidersAreSelectedThenOutboxExistsOnlyWithAConsoleGateway(String sms, String email,
			boolean exists) {
		this.contextRunner.withPropertyValues("app.sms.provider=" + sms, "app.email.provider=" + email)
			.run(context -> {
				assertThat(context.getBeansOfType(Outbox.class)).hasSize(exists ? 1 : 0);
				assertThat(context.getBeansOfType(OutboxController.class)).hasSize(exists ? 1 : 0);
			});
	}

	@Test
	void startWhenNothingIsSelectedThenBothConsoleGatewaysAreTheDefaultAndTheOutboxExists() {
		this.contextRunner.run(context -> assertThat(context).hasSingleBean(Outbox.class));
	}

	@Test
	void addWhenFullThenKeepsTheNewestFirst() {
		Outbox outbox = new Outbox();

		IntStream.rangeClosed(1, Outbox.CAPACITY + 2)
			.forEach(i -> outbox.add(new Outbox.Message(Instant.EPOCH.plusSeconds(i), Outbox.Kind.EMAIL,
					"to" + i + "@example.org", "text " + i)));

		assertThat(outbox.messages()).hasSize(Outbox.CAPACITY);
		assertThat(outbox.messages().get(0).to()).isEqualTo("to" + (Outbox.CAPACITY + 2) + "@example.org");
		assertThat(outbox.messages().get(Outbox.CAPACITY - 1).to()).isEqualTo("to3@example.org");
	}

}
