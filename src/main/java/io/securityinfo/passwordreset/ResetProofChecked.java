package io.securityinfo.passwordreset;

import io.securityinfo.verification.Channel;

/**
 * Published when a reset checked a proof of who the person is (a code, or the answers to their questions), in the
 * transaction that counted it.
 *
 * @param accountId whose reset
 * @param typeId the type of the method proven ({@code PHONE}, {@code SECURITY_QUESTIONS})
 * @param channel how its code came; null for the authenticator app and the questions
 * @param right whether it was right
 * @param resetEnded whether this wrong proof ended the reset
 */
public record ResetProofChecked(long accountId, String typeId, Channel channel, boolean right, boolean resetEnded) {
}
