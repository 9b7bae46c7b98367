package io.securityinfo.account;

/**
 * Published when an administrator created an account, in the transaction that created it.
 *
 * @param adminId who created it
 * @param accountId the new account
 * @param email its sign-in address
 * @param role what it may do
 */
public record AccountCreated(long adminId, long accountId, String email, Role role) {
}
