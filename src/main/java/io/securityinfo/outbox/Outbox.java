package io.securityinfo.outbox;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import org.springframework.stereotype.Component;

/**
 * The last messages the console gateways "sent", texts, calls and emails alike, newest first, for
 * {@code /dev/outbox}. One outbox for every console gateway, so a person trying the app reads all their codes on one
 * page. A developer's aid, so it lives in memory.
 */
@Component
@ConditionalOnConsoleGateway
public class Outbox {

	static final int CAPACITY = 50;

	public enum Kind {

		SMS, CALL, EMAIL

	}

	/**
	 * @param to the number or address it would have gone to
	 * @param text what the person would have read or heard; an email's subject and body
	 */
	public record Message(Instant sentAt, Kind kind, String to, String text) {
	}

	private final Deque<Message> messages = new ArrayDeque<>();

	public synchronized void add(Message message) {
		messages.addFirst(message);
		while (messages.size() > CAPACITY) {
			messages.removeLast();
		}
	}

	public synchronized List<Message> messages() {
		return List.copyOf(messages);
	}

}
