package io.securityinfo.notification;

/**
 * Published when a person used the "This wasn't me" link of a change notification, in the transaction that used
 * it: every session of theirs has ended.
 *
 * @param accountId whose link
 * @param reportedChange the change the notification told of: a {@code SecurityInfoChanged.Change} name, or
 * {@code PASSWORD_CHANGED} or {@code PASSWORD_RESET}
 * @param typeId the type of the method changed ({@code PHONE}); null when the change was to no one method
 * @param detail the method's detail as the notification told it, masked; null when it told none
 * @param sessionsEnded how many sessions ended
 */
public record NotMeReported(long accountId, String reportedChange, String typeId, String detail,
		int sessionsEnded) {
}
