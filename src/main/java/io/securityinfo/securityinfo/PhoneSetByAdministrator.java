package io.securityinfo.securityinfo;

import java.time.Instant;

/**
 * Published when an administrator set a phone number for a person, in the transaction that stored it. The number is
 * not a method yet: the person proves it with a code first. The audit log records it and the person is mailed.
 *
 * @param adminId who set it
 * @param accountId for whom
 * @param typeId the method type it is to become ({@code PHONE})
 * @param nameKey that type's name
 * @param maskedDetail the number, masked as the audit log keeps it
 * @param notifiedDetail the number, masked as a mail tells it
 * @param reason why, in the administrator's words
 * @param occurredAt when
 * @param clientIp from where; null when unknown
 */
public record PhoneSetByAdministrator(long adminId, long accountId, String typeId, String nameKey,
		String maskedDetail, String notifiedDetail, String reason, Instant occurredAt, String clientIp) {
}
