package io.securityinfo.account;

/**
 * Published when an administrator required a person to register their security info again at their next sign-in,
 * in the transaction that marked the account.
 *
 * @param adminId who required it
 * @param accountId of whom
 * @param email their sign-in address
 */
public record RegistrationRequired(long adminId, long accountId, String email) {
}
