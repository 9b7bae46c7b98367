package io.securityinfo.sessions;

/**
 * Published when a person signed out every other session from "Devices and activity", in the transaction of the
 * request.
 *
 * @param accountId who signed out
 * @param sessionsEnded how many sessions ended; the one that asked stays
 */
public record SignedOutEverywhereElse(long accountId, int sessionsEnded) {
}
