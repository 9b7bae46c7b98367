package io.securityinfo.email.smtp;

import java.util.ArrayList;
import java.util.List;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.util.StringUtils;

import io.securityinfo.email.EmailProperties;

/**
 * The SMTP gateway, present only while {@code app.email.provider=smtp}. The connection to the server is Spring
 * Boot's {@link JavaMailSender}, set up from {@code spring.mail.*}; Boot creates it only when
 * {@code spring.mail.host} is set, so without it this gateway stops start-up and says which setting is missing,
 * rather than the app starting with codes that can never arrive.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "app.email.provider", havingValue = "smtp")
@EnableConfigurationProperties(EmailProperties.class)
class SmtpConfiguration {

	@Bean
	SmtpEmailGateway smtpEmailGateway(EmailProperties properties, ObjectProvider<JavaMailSender> mailSender) {
		JavaMailSender sender = mailSender.getIfAvailable();
		List<String> missing = new ArrayList<>();
		if (sender == null) {
			missing.add("spring.mail.host (environment variable SPRING_MAIL_HOST) is not set");
		}
		if (!StringUtils.hasText(properties.from())) {
			missing.add("app.email.from (environment variable APP_EMAIL_FROM) is not set");
		}
		if (!missing.isEmpty()) {
			throw new IllegalStateException(
					"SMTP is the selected email provider (app.email.provider=smtp), but " + String.join("; ", missing));
		}
		return new SmtpEmailGateway(sender, requireAddress(properties.from()));
	}

	/** Refuses a sender the server would refuse anyway, but at start-up rather than at the first code. */
	private static String requireAddress(String from) {
		try {
			new InternetAddress(from.strip(), true).validate();
			return from.strip();
		}
		catch (AddressException ex) {
			throw new IllegalStateException("app.email.from (environment variable APP_EMAIL_FROM) is not an email "
					+ "address, such as Security info <no-reply@example.com>: " + from, ex);
		}
	}

}
