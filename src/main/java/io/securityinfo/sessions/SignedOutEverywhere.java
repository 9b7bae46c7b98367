package io.securityinfo.sessions;

/**
 * Published when a person signed out everywhere, in the transaction of the request.
 *
 * @param accountId who signed out
 * @param sessionsEnded how many sessions ended, the one that asked included
 */
public record SignedOutEverywhere(long accountId, int sessionsEnded) {
}
