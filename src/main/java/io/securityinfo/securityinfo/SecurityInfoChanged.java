package io.securityinfo.securityinfo;

import java.time.Instant;
import java.util.List;

/**
 * Published when a person's security info changed, by them or by an administrator, in the transaction of the
 * change: one event per thing the person (or administrator) did. The audit log records it, and the person is told
 * at an address the change could not have touched.
 *
 * @param accountId whose security info changed
 * @param actorId who changed it: the person, or an administrator
 * @param change what kind of change
 * @param method the method added, changed, replaced or deleted, or the new default (in its mode); null for
 * {@link Change#ALL_METHODS_DELETED}
 * @param previousDetail for {@link Change#METHOD_CHANGED}, the method's detail before, masked like
 * {@link Method#maskedDetail()}; else null
 * @param newDefault the method that became the default along with an added or deleted method, in its mode; else null
 * @param deleted for {@link Change#ALL_METHODS_DELETED}, the methods deleted; else empty
 * @param occurredAt when
 * @param clientIp from where, as the audit log records it; null when unknown
 */
public record SecurityInfoChanged(long accountId, long actorId, Change change, Method method, String previousDetail,
		Method newDefault, List<Method> deleted, Instant occurredAt, String clientIp) {

	public SecurityInfoChanged {
		deleted = List.copyOf(deleted);
	}

	public enum Change {

		METHOD_ADDED, METHOD_CHANGED, METHOD_DELETED, DEFAULT_METHOD_CHANGED, ALL_METHODS_DELETED,

		/** A method replaced by a new one of its type (a new authenticator app): it keeps its place and default. */
		METHOD_REPLACED

	}

	/**
	 * A method as other modules may read it.
	 *
	 * @param typeId its type ({@code PHONE})
	 * @param nameKey the message key of its type ({@code method.type.PHONE.name})
	 * @param mode the sign-in mode that matters to the change (a new default's); else null
	 * @param modeKey the message key of that mode ({@code method.mode.CALL}); else null
	 * @param maskedDetail its detail as the audit log keeps it (a phone as {@code +31 6 •••• ••78}); null when the type
	 * has none worth telling (the authenticator app)
	 * @param notifiedDetail its detail as a change notification tells it (a phone as {@code +31 6 •••• ••78}); null
	 * likewise
	 */
	public record Method(String typeId, String nameKey, MethodMode mode, String modeKey, String maskedDetail,
			String notifiedDetail) {
	}

	/** Whether an administrator made the change rather than the person. */
	public boolean byAdministrator() {
		return actorId != accountId;
	}

}
