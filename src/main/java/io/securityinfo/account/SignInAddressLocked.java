package io.securityinfo.account;

import java.time.Instant;

/**
 * Published when wrong passwords from one client address locked sign-in from that address, whichever accounts they
 * named, in the transaction that counted the last one.
 *
 * @param address the client address
 * @param wrongPasswords how many wrong passwords locked it
 * @param lockedUntil until when
 */
public record SignInAddressLocked(String address, int wrongPasswords, Instant lockedUntil) {
}
