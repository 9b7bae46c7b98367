package io.securityinfo.verification;

/**
 * Published when a person typed a code that was sent to them and it was checked, in the transaction that counted
 * it. Codes refused before their check (expired, used up, while locked out) publish nothing: they changed nothing.
 *
 * @param accountId who typed it
 * @param channel how the code had come
 * @param maskedDestination the number or address it had gone to, masked
 * @param right whether it was the code sent
 * @param lockedOut whether this wrong code locked the person out of codes for a while
 */
public record VerificationCodeChecked(long accountId, Channel channel, String maskedDestination, boolean right,
		boolean lockedOut) {
}
