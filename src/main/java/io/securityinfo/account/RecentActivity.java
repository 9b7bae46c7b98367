package io.securityinfo.account;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

/**
 * What happened lately to a person's account and security info, for "Recent activity" on My Profile. The module
 * that records it implements this, so that this module needs nothing of it (as with {@link SignInStep}).
 */
public interface RecentActivity {

	/** The newest events about this person, newest first: at most {@code limit}, described in this language. */
	List<Activity> newest(long accountId, int limit, Locale locale);

	/**
	 * One event.
	 *
	 * @param occurredAt when it happened
	 * @param labelKey the message key that names what happened
	 * @param detail what it happened to, in the reader's words ("Phone: +31 6 •••• ••78"); empty when the name says
	 * all
	 */
	record Activity(Instant occurredAt, String labelKey, String detail) {

		public LocalDateTime occurredAtUtc() {
			return LocalDateTime.ofInstant(occurredAt, ZoneOffset.UTC);
		}

	}

}
