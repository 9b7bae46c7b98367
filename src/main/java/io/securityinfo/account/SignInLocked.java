package io.securityinfo.account;

import java.time.Instant;

/**
 * Published when wrong passwords locked an account's sign-in, in the transaction that counted the last one. No one
 * acted: the app locked it.
 *
 * @param accountId whose sign-in is locked
 * @param wrongPasswords how many wrong passwords locked it
 * @param lockedUntil until when
 */
public record SignInLocked(long accountId, int wrongPasswords, Instant lockedUntil) {
}
