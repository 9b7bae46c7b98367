package io.securityinfo.account;

import java.time.Instant;
import java.util.List;

/**
 * Published when a person's password changed, whether they changed it signed in or reset a forgotten one, in the
 * transaction of the change. Other modules record it, end the person's other sessions and tell them, at an address
 * the change could not have touched.
 *
 * @param accountId whose password changed
 * @param occurredAt when
 * @param clientIp from where, as the audit log records it; null when unknown
 * @param keepSessionId the session that made the change and stays signed in, or null to end every session
 * @param reset whether it was a reset of a forgotten password rather than a change by a signed-in person
 * @param provenTypeIds for a reset, the types of the methods the person proved ({@code PHONE}, {@code EMAIL}), in
 * the order they proved them; else empty
 */
public record PasswordChanged(long accountId, Instant occurredAt, String clientIp, String keepSessionId,
		boolean reset, List<String> provenTypeIds) {

	public PasswordChanged {
		provenTypeIds = List.copyOf(provenTypeIds);
	}

	/** A change, or a reset whose proofs are not told. */
	public PasswordChanged(long accountId, Instant occurredAt, String clientIp, String keepSessionId, boolean reset) {
		this(accountId, occurredAt, clientIp, keepSessionId, reset, List.of());
	}

}
