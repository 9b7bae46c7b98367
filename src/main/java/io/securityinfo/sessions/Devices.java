package io.securityinfo.sessions;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpSession;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.securityinfo.account.Accounts;

/**
 * "Devices and activity": the browsers and devices a person is signed in on, each one of their sessions in Spring
 * Session's table, and signing any one of them out.
 * <p>
 * A device is named on the page by a handle, the SHA-256 of its session id, never by the id itself: the id is what
 * the session's cookie carries, and a page that listed them would hand out every session of the person to whoever
 * reads it. A handle is looked up only among the person's own sessions, so one of another person's is not found.
 * <p>
 * Without Spring Session (the servlet container keeps the sessions, as in the MockMvc tests) only the session that
 * asks is known.
 */
@Service
public class Devices {

	private static final Logger log = LoggerFactory.getLogger(Devices.class);

	private final ObjectProvider<FindByIndexNameSessionRepository<?>> repository;

	private final Accounts accounts;

	private final Sessions sessions;

	private final UserAgents userAgents;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Devices(ObjectProvider<FindByIndexNameSessionRepository<?>> repository, Accounts accounts, Sessions sessions,
			UserAgents userAgents, ApplicationEventPublisher events, Clock clock) {
		this.repository = repository;
		this.accounts = accounts;
		this.sessions = sessions;
		this.userAgents = userAgents;
		this.events = events;
		this.clock = clock;
	}

	/** No session of the person has this handle (ended meanwhile, or never theirs). */
	public static class DeviceNotFoundException extends RuntimeException {

		private static final long serialVersionUID = 1L;

	}

	/**
	 * One signed-in browser or device.
	 *
	 * @param handle names it in forms (not the session id)
	 * @param browser the browser, from the user agent; null when unknown
	 * @param system the operating system, from the user agent; null when unknown
	 * @param address the client address it signed in from
	 * @param signedInAt when it signed in
	 * @param lastActiveAt its last request
	 * @param current the session asking
	 */
	public record Device(String handle, String browser, String system, String address, Instant signedInAt,
			Instant lastActiveAt, boolean current) {

		public LocalDateTime signedInAtUtc() {
			return LocalDateTime.ofInstant(signedInAt, ZoneOffset.UTC);
		}

		public LocalDateTime lastActiveAtUtc() {
			return LocalDateTime.ofInstant(lastActiveAt, ZoneOffset.UTC);
		}

	}

	/**
	 * The person's signed-in devices, the asking session first, then the most recently active.
	 * @param current the session asking; null when someone else asks (an administrator)
	 */
	public List<Device> of(long accountId, HttpSession current) {
		FindByIndexNameSessionRepository<?> store = repository.getIfAvailable();
		List<Device> devices = new ArrayList<>();
		if (store == null) {
			if (current != null) {
				devices.add(device(current.getId(), current::getAttribute,
						Instant.ofEpochMilli(current.getCreationTime()),
						Instant.ofEpochMilli(current.getLastAccessedTime()), true));
			}
			return devices;
		}
		String currentId = current == null ? null : current.getId();
		for (Session session : sessionsOf(store, accountId).values()) {
			devices.add(device(session.getId(), session::getAttribute, session.getCreationTime(),
					session.getLastAccessedTime(), session.getId().equals(currentId)));
		}
		devices.sort(Comparator.comparing(Device::current)
			.thenComparing(Device::lastActiveAt)
			.reversed());
		return devices;
	}

	/**
	 * Signs out the person's session with this handle, wherever it is; not the one asking (the page offers
	 * "Sign out" there instead).
	 * @throws DeviceNotFoundException when none of the person's other sessions has it
	 */
	@Transactional
	public void signOut(long accountId, String handle, HttpSession current) {
		FindByIndexNameSessionRepository<?> store = repository.getIfAvailable();
		if (store == null || handle == null) {
			throw new DeviceNotFoundException();
		}
		String currentId = current == null ? null : current.getId();
		Optional<Session> found = sessionsOf(store, accountId).values()
			.stream()
			.filter(session -> handle(session.getId()).equals(handle))
			.filter(session -> !session.getId().equals(currentId))
			.findFirst();
		Session session = found.orElseThrow(DeviceNotFoundException::new);
		UserAgents.Browser browser = userAgents.describe((String) session.getAttribute(SignInDetails.USER_AGENT));
		store.deleteById(session.getId());
		log.info("Signed out one session of account {}", accountId);
		events.publishEvent(new DeviceSignedOut(accountId, browser.name(), browser.system()));
	}

	/** Signs out every session of the person but the one asking; answers how many ended. */
	@Transactional
	public int signOutEverywhereElse(long accountId, HttpSession current) {
		int ended = sessions.endAllExcept(accountId, current == null ? null : current.getId());
		events.publishEvent(new SignedOutEverywhereElse(accountId, ended));
		return ended;
	}

	/** An administrator signs the person out of every session; answers how many ended. */
	@Transactional
	public int signOutEverywhereByAdministrator(long adminId, long accountId) {
		int ended = sessions.endAll(accountId);
		events.publishEvent(new SignedOutByAdministrator(adminId, accountId, ended));
		return ended;
	}

	/** The handle the page names a session by. */
	static String handle(String sessionId) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(sessionId.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest, 0, 16);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is not available", ex);
		}
	}

	private Map<String, Session> sessionsOf(FindByIndexNameSessionRepository<?> store, long accountId) {
		String principalName = accounts.find(accountId).map(account -> account.email()).orElse(null);
		if (principalName == null) {
			return Map.of();
		}
		Map<String, Session> found = new LinkedHashMap<>(store.findByPrincipalName(principalName));
		Instant now = clock.instant();
		found.values().removeIf(session -> session.isExpired()
				|| session.getLastAccessedTime().plus(session.getMaxInactiveInterval()).isBefore(now));
		return found;
	}

	private interface Attributes {

		Object get(String name);

	}

	private Device device(String sessionId, Attributes attributes, Instant createdAt, Instant lastActiveAt,
			boolean current) {
		UserAgents.Browser browser = userAgents.describe((String) attributes.get(SignInDetails.USER_AGENT));
		return new Device(handle(sessionId), browser.name(), browser.system(),
				(String) attributes.get(SignInDetails.ADDRESS),
				SignInDetails.signedInAt(attributes.get(SignInDetails.SIGNED_IN_AT), createdAt), lastActiveAt,
				current);
	}

}
