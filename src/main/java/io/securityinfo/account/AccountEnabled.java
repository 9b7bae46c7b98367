package io.securityinfo.account;

/**
 * Published when an administrator enabled a disabled account again, in the transaction that enabled it.
 *
 * @param adminId who enabled it
 * @param accountId whose account was enabled
 * @param email its sign-in address
 */
public record AccountEnabled(long adminId, long accountId, String email) {
}
