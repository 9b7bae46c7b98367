package io.securityinfo.sms.console;

import java.time.Clock;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

import io.securityinfo.outbox.Outbox;
import io.securityinfo.sms.SentMessage;
import io.securityinfo.sms.SmsGateway;

/**
 * Delivers nothing: it writes each message to the log and keeps it for {@code /dev/outbox}, so a person trying
 * the app can read the code. This is the one place where a code is deliberately logged.
 */
@Component
@ConditionalOnConsoleGateway
class ConsoleSmsGateway implements SmsGateway {

	private static final Logger log = LoggerFactory.getLogger(ConsoleSmsGateway.class);

	private final Outbox outbox;

	private final Clock clock;

	ConsoleSmsGateway(Outbox outbox, Clock clock) {
		this.outbox = outbox;
		this.clock = clock;
	}

	@Override
	public SentMessage sendText(String to, String body) {
		log.info("SMS to {}: {}", to, body);
		outbox.add(new Outbox.Message(clock.instant(), Outbox.Kind.SMS, to, body));
		return SentMessage.UNTRACKED;
	}

	@Override
	public void placeCall(String to, String spokenText, Locale language) {
		log.info("CALL to {}: {}", to, spokenText);
		outbox.add(new Outbox.Message(clock.instant(), Outbox.Kind.CALL, to, spokenText));
	}

}
