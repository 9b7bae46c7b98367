package io.securityinfo.notification;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import io.securityinfo.Housekeeping;
import io.securityinfo.sessions.Sessions;

/**
 * "This wasn't me" links. Each notification carries a random token of 256 bits; the database keeps only its
 * SHA-256, so neither the database nor its backups give a working link (a plain hash suffices: unlike a six-digit
 * code, a token of this size cannot be found by trying). A link works once, until it expires: it ends every
 * session of the person and leaves an audit row for their administrator.
 */
@Service
class NotMeLinks {

	/** What a link is worth when it is opened or used. */
	enum State {

		/** It can be used: its page asks to confirm. */
		VALID,
		/** Used just now: every session of the person ended. */
		REPORTED,
		/** Used before. */
		USED,
		/** Past its lifetime. */
		EXPIRED,
		/** Never issued, mistyped or tampered with. */
		INVALID

	}

	private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");

	private final SecureRandom random = new SecureRandom();

	private final NotMeLinkRepository links;

	private final Sessions sessions;

	private final ApplicationEventPublisher events;

	private final NotificationProperties properties;

	private final Clock clock;

	private final TransactionTemplate transactions;

	NotMeLinks(NotMeLinkRepository links, Sessions sessions, ApplicationEventPublisher events,
			NotificationProperties properties, Clock clock, PlatformTransactionManager transactionManager) {
		this.transactions = new TransactionTemplate(transactionManager);
		this.links = links;
		this.sessions = sessions;
		this.events = events;
		this.properties = properties;
		this.clock = clock;
	}

	/** A new link's token and when it stops working. */
	record Issued(String token, Instant expiresAt) {
	}

	/** Issues a link for a notification about this change, in the caller's transaction. */
	@Transactional
	Issued issue(long accountId, String changeMade) {
		byte[] bytes = new byte[32];
		random.nextBytes(bytes);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		Instant now = clock.instant();
		Instant expiresAt = now.plus(properties.notMeLinkLifetime());
		links.save(new NotMeLink(accountId, hash(token), abbreviate(changeMade), now, expiresAt));
		return new Issued(token, expiresAt);
	}

	@Transactional(readOnly = true)
	State state(String token) {
		return find(token).map(this::state).orElse(State.INVALID);
	}

	/**
	 * Uses the link: ends every session of its person and audits it, once. A link used before, expired or unknown
	 * changes nothing and answers why.
	 * <p>
	 * Not one transaction: ending sessions takes a connection of its own (Spring Session commits each delete at
	 * once), and a transaction that held the link's row lock while it waited for a second connection, with the
	 * other posts of the same link each holding a connection while they waited for that lock, could take the whole
	 * pool (30 posts at once did: 500s). So the sessions end first, holding nothing (ending them twice is
	 * harmless), and then the link is used, with its audit row, in a short transaction of one statement's lock:
	 * of posts at once only one uses it. Should the app stop in between, the link still works.
	 */
	State report(String token) {
		Optional<NotMeLink> found = transactions.execute(status -> find(token));
		if (found.isEmpty()) {
			return State.INVALID;
		}
		NotMeLink link = found.get();
		State state = state(link);
		if (state != State.VALID) {
			return state;
		}
		int ended = sessions.endAll(link.getAccountId());
		return transactions.execute(status -> {
			if (links.use(link.getId(), clock.instant()) == 0) {
				return State.USED;
			}
			events.publishEvent(reported(link, ended));
			return State.REPORTED;
		});
	}

	/**
	 * Housekeeping: deletes links expired longer ago than the retention. Conditional on time alone, so every
	 * instance may run it.
	 */
	@Scheduled(cron = "${app.housekeeping.cron}")
	@Transactional
	public int deleteExpired() {
		return Housekeeping.delete("\"This wasn't me\" links that expired before",
				clock.instant().minus(properties.notMeLinkRetention()), links::deleteExpiredBefore);
	}

	private State state(NotMeLink link) {
		if (link.getUsedAt() != null) {
			return State.USED;
		}
		if (!clock.instant().isBefore(link.getExpiresAt())) {
			return State.EXPIRED;
		}
		return State.VALID;
	}

	private Optional<NotMeLink> find(String token) {
		if (token == null || !TOKEN.matcher(token).matches()) {
			return Optional.empty();
		}
		return links.findByTokenHash(hash(token));
	}

	private static String hash(String token) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is not available", ex);
		}
	}

	/** The change a link was issued for, as {@link ChangeNotifications} wrote it: "CHANGE [TYPE [detail]]". */
	private static NotMeReported reported(NotMeLink link, int sessionsEnded) {
		String[] parts = link.getChangeMade().split(" ", 3);
		return new NotMeReported(link.getAccountId(), parts[0], parts.length > 1 ? parts[1] : null,
				parts.length > 2 ? parts[2] : null, sessionsEnded);
	}

	private static String abbreviate(String text) {
		return text.length() <= 200 ? text : text.substring(0, 200);
	}

}
