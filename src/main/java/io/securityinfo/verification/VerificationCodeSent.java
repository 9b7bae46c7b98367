package io.securityinfo.verification;

/**
 * Published when a code went out by text, call or email, in the transaction that stored it.
 *
 * @param accountId to whom
 * @param channel how
 * @param maskedDestination the number or address it went to, masked ({@code +31 6 •••• ••78}, {@code a***@example.com})
 */
public record VerificationCodeSent(long accountId, Channel channel, String maskedDestination) {
}
