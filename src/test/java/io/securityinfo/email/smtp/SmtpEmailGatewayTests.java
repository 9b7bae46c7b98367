package io.securityinfo.email.smtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.mail.autoconfigure.MailSenderAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import io.securityinfo.email.EmailDeliveryException;
import io.securityinfo.email.EmailGateway;

/**
 * The SMTP gateway as the app sets it up (Spring Boot's mail sender from {@code spring.mail.*}), against GreenMail,
 * an SMTP server in this JVM on a free loopback port: what arrives there, what a refused send says, and how a
 * start-up with SMTP selected but not set up fails.
 */
@ExtendWith(OutputCaptureExtension.class)
class SmtpEmailGatewayTests {

	private static final String FROM = "Security info <no-reply@securityinfo.example>";

	@RegisterExtension
	static GreenMailExtension smtpServer = new GreenMailExtension(
			ServerSetupTest.SMTP.createCopy("127.0.0.1").dynamicPort());

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(MailSenderAutoConfiguration.class))
		.withUserConfiguration(SmtpConfiguration.class)
		.withPropertyValues("app.email.provider=smtp", "app.email.from=" + FROM);

	@Test
	void sendWhenServerTakesTheEmailThenItArrivesFromTheSenderWithSubjectAndBody() throws Exception {
		onLocalServer().run(context -> {
			assertThat(context).hasNotFailed();
			assertThat(context).getBean(EmailGateway.class).isInstanceOf(SmtpEmailGateway.class);
			context.getBean(EmailGateway.class)
				.send("ann@example.org", "Your Security info verification code",
						"Your Security info verification code is 123456. Don't share it with anyone.");
		});

		MimeMessage[] received = smtpServer.getReceivedMessages();
		assertThat(received).hasSize(1);
		MimeMessage mail = received[0];
		assertThat(mail.getAllRecipients()).extracting(address -> ((InternetAddress) address).getAddress())
			.containsExactly("ann@example.org");
		assertThat(mail.getFrom()).singleElement().satisfies(from -> {
			assertThat(((InternetAddress) from).getAddress()).isEqualTo("no-reply@securityinfo.example");
			assertThat(((InternetAddress) from).getPersonal()).isEqualTo("Security info");
		});
		assertThat(mail.getSubject()).isEqualTo("Your Security info verification code");
		assertThat(((String) mail.getContent()).strip())
			.isEqualTo("Your Security info verification code is 123456. Don't share it with anyone.");
	}

	@Test
	void sendWhenTextIsNotAsciiThenItArrivesUnchanged() throws Exception {
		onLocalServer().run(context -> context.getBean(EmailGateway.class)
			.send("zoe@example.org", "Ihr Bestätigungscode", "Ihr Code lautet 123456. Geben Sie ihn nicht weiter – nie."));

		MimeMessage mail = smtpServer.getReceivedMessages()[0];
		assertThat(mail.getSubject()).isEqualTo("Ihr Bestätigungscode");
		assertThat(((String) mail.getContent()).strip())
			.isEqualTo("Ihr Code lautet 123456. Geben Sie ihn nicht weiter – nie.");
	}

	@Test
	void sendWhenServerCannotBeReachedThenDeliveryExceptionAndOneLogLineWithoutAddressOrCode(CapturedOutput output)
			throws IOException {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			closedPort = socket.getLocalPort();
		}

		this.contextRunner.withPropertyValues("spring.mail.host=127.0.0.1", "spring.mail.port=" + closedPort)
			.run(context -> assertThatExceptionOfType(EmailDeliveryException.class)
				.isThrownBy(() -> context.getBean(EmailGateway.class)
					.send("ann@example.org", "Your Security info verification code", "Your code is 123456."))
				.withMessage("The SMTP server did not take the email: ConnectException")
				.satisfies(ex -> assertThat(ex.serverUnavailable()).isTrue()));

		assertThat(output.getOut())
			.contains("The SMTP server did not take the email to a***@example.org: ConnectException")
			.doesNotContain("ann@example.org")
			.doesNotContain("123456");
	}

	@Test
	void startWhenSmtpIsSelectedWithoutHostThenFailsNamingTheSettingAndItsEnvironmentVariable() {
		this.contextRunner.run(context -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(IllegalStateException.class)
				.hasMessage("SMTP is the selected email provider (app.email.provider=smtp), but spring.mail.host "
						+ "(environment variable SPRING_MAIL_HOST) is not set");
		});
	}

	@Test
	void startWhenSmtpIsSelectedAndNothingIsSetThenFailsNamingEveryMissingSetting() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(MailSenderAutoConfiguration.class))
			.withUserConfiguration(SmtpConfiguration.class)
			.withPropertyValues("app.email.provider=smtp")
			.run(context -> assertThat(context.getStartupFailure()).rootCause()
				.hasMessage("SMTP is the selected email provider (app.email.provider=smtp), but spring.mail.host "
						+ "(environment variable SPRING_MAIL_HOST) is not set; app.email.from (environment variable "
						+ "APP_EMAIL_FROM) is not set"));
	}

	@Test
	void startWhenSenderIsNoAddressThenFailsNamingTheSetting() {
		this.contextRunner.withPropertyValues("spring.mail.host=127.0.0.1", "app.email.from=Security info")
			.run(context -> assertThat(context.getStartupFailure())
				.hasStackTraceContaining("app.email.from (environment variable APP_EMAIL_FROM) is not an email address")
				.hasRootCauseInstanceOf(AddressException.class));
	}

	@Test
	void startWhenConsoleIsSelectedThenNoSmtpGatewayAndNoFailureWithoutMailSettings() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(MailSenderAutoConfiguration.class))
			.withUserConfiguration(SmtpConfiguration.class)
			.withPropertyValues("app.email.provider=console")
			.run(context -> {
				assertThat(context).hasNotFailed();
				assertThat(context).doesNotHaveBean(EmailGateway.class);
			});
	}

	private ApplicationContextRunner onLocalServer() {
		return this.contextRunner.withPropertyValues("spring.mail.host=127.0.0.1",
				"spring.mail.port=" + smtpServer.getSmtp().getPort());
	}

}
