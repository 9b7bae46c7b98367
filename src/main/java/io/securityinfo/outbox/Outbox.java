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

	/**
	 * Enough for the codes of many people trying at once: adding a phone leaves a text and a change notice, and
	 * deleting it another notice, so with 50 the bench's concurrent add-phone flows lost codes before reading them.
	 */
	static final int CAPACITY = 500;

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
