package io.securityinfo.sessions;

/**
 * Published when an administrator signed a person out of every session, in the transaction of the request.
 *
 * @param adminId who did
 * @param accountId whose sessions ended
 * @param sessionsEnded how many
 */
public record SignedOutByAdministrator(long adminId, long accountId, int sessionsEnded) {
}
