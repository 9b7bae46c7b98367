package io.securityinfo.account;

/**
 * Published when an administrator lifted the lock that wrong passwords put on a person's sign-in, in the
 * transaction that lifted it.
 *
 * @param adminId who lifted it
 * @param accountId whose sign-in it was
 * @param email their sign-in address
 */
public record SignInLockLifted(long adminId, long accountId, String email) {
}
