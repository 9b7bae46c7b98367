package io.securityinfo.securityinfo;

import java.time.Instant;

/**
 * Published when a person's security info changed, by them or by an administrator, in the transaction of the
 * change. Other modules tell the person, at an address the change could not have touched.
 *
 * @param accountId whose security info changed
 * @param change what kind of change
 * @param typeId the method's type ({@code PHONE}); null for {@link Change#ALL_METHODS_DELETED}
 * @param methodNameKey the message key of the method's type ({@code method.type.PHONE.name}); null for
 * {@link Change#ALL_METHODS_DELETED}
 * @param modeKey the message key of the sign-in mode of a new default ({@code method.mode.CALL}); else null
 * @param detail the method's detail, masked for a notification (a phone as {@code +31 XXXXXXX78}); may be null
 * @param occurredAt when
 * @param clientIp from where, as the audit log records it; null when unknown
 * @param byAdministrator whether an administrator made the change rather than the person
 */
public record SecurityInfoChanged(long accountId, Change change, String typeId, String methodNameKey, String modeKey,
		String detail, Instant occurredAt, String clientIp, boolean byAdministrator) {

	public enum Change {

		METHOD_ADDED, METHOD_CHANGED, METHOD_DELETED, DEFAULT_METHOD_CHANGED, ALL_METHODS_DELETED

	}

}
