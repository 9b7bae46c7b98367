package io.securityinfo.account;

/**
 * Published when an administrator disabled an account. Disabling stops new sign-ins; other modules end the sessions
 * the person already has, which would otherwise go on until they expire.
 *
 * @param accountId whose account was disabled
 */
public record AccountDisabled(long accountId) {
}
