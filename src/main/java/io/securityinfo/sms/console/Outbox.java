package io.securityinfo.sms.console;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import org.springframework.stereotype.Component;

/** The last messages the console gateway "sent", newest first. A developer's aid, so it lives in memory. */
@Component
@ConditionalOnConsoleGateway
class Outbox {

	static final int CAPACITY = 50;

	enum Kind {

		SMS, CALL

	}

	record Message(Instant sentAt, Kind kind, String to, String text) {
	}

	private final Deque<Message> messages = new ArrayDeque<>();

	synchronized void add(Message message) {
		messages.addFirst(message);
		while (messages.size() > CAPACITY) {
			messages.removeLast();
		}
	}

	synchronized List<Message> messages() {
		return List.copyOf(messages);
	}

}
