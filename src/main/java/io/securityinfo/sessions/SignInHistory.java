package io.securityinfo.sessions;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * A person's recent sign-in activity, for "Devices and activity": each step of each sign-in, a success or not. The
 * module that records it (the audit log) implements this, so that this module needs nothing of it.
 */
public interface SignInHistory {

	/** The newest sign-in steps of this person, newest first: at most {@code limit}. */
	List<SignInStep> newest(long accountId, int limit);

	/** One of the person's sign-in steps; empty when the id is not one of theirs. */
	Optional<SignInStep> find(long accountId, long id);

	/**
	 * One step of a sign-in.
	 *
	 * @param id the audit row's id
	 * @param occurredAt when
	 * @param succeeded whether the step succeeded
	 * @param secondStep the second step (a code), not the password
	 * @param methodKey the message key that names the method used ({@code audit.mode.PASSWORD},
	 * {@code audit.mode.TEXT})
	 * @param address the client address; null when not known
	 * @param browser the browser ("Chrome 131"); null when not known
	 * @param system the operating system ("Windows 10"); null when not known
	 */
	record SignInStep(long id, Instant occurredAt, boolean succeeded, boolean secondStep, String methodKey,
			String address, String browser, String system) {

		public LocalDateTime occurredAtUtc() {
			return LocalDateTime.ofInstant(occurredAt, ZoneOffset.UTC);
		}

	}

}
