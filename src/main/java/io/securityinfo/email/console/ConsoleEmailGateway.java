package io.securityinfo.email.console;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

import io.securityinfo.email.EmailGateway;
import io.securityinfo.outbox.Outbox;

/**
 * Delivers nothing: it writes each email to the log as one line ({@code EMAIL to <address>: <subject> | <body>})
 * and keeps it for {@code /dev/outbox}, so a person trying the app can read the code without a mail server. Like
 * the console SMS gateway, the one place where an email's code is deliberately logged.
 */
@Component
@ConditionalOnConsoleGateway
class ConsoleEmailGateway implements EmailGateway {

	private static final Logger log = LoggerFactory.getLogger(ConsoleEmailGateway.class);

	private final Outbox outbox;

	private final Clock clock;

	ConsoleEmailGateway(Outbox outbox, Clock clock) {
		this.outbox = outbox;
		this.clock = clock;
	}

	@Override
	public void send(String to, String subject, String body) {
		String text = subject + " | " + body;
		log.info("EMAIL to {}: {}", to, text);
		outbox.add(new Outbox.Message(clock.instant(), Outbox.Kind.EMAIL, to, text));
	}

}
