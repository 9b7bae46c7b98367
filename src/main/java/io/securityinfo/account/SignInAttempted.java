package io.securityinfo.account;

/**
 * Published after a person's password was checked at sign-in, right or wrong, outside any transaction. An attempt
 * for an email that is no account's, or one refused by {@link SignInThrottle} before any check, publishes nothing.
 *
 * @param accountId whose account
 * @param succeeded whether the password was right
 */
public record SignInAttempted(long accountId, boolean succeeded) {
}
