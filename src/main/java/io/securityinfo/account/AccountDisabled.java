package io.securityinfo.account;

/**
 * Published when an administrator disabled an account, in the transaction that disabled it. Disabling stops new
 * sign-ins; other modules end the sessions the person already has, which would otherwise go on until they expire.
 *
 * @param adminId who disabled it
 * @param accountId whose account was disabled
 * @param email its sign-in address
 */
public record AccountDisabled(long adminId, long accountId, String email) {
}
