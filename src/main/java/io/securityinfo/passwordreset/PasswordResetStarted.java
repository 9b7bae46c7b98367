package io.securityinfo.passwordreset;

/**
 * Published when "Forgot my password" started a reset for an account, in the transaction that stored it. A start
 * for an email of no account publishes nothing: there is no one to tell it about.
 *
 * @param accountId whose password may be reset
 * @param methodsRequired how many methods the person has to prove
 * @param refused whether it was refused instead: the email or the client address started too many this hour
 */
public record PasswordResetStarted(long accountId, int methodsRequired, boolean refused) {
}
