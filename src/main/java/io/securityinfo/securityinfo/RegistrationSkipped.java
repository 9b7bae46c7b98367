package io.securityinfo.securityinfo;

/**
 * Published when a person skipped "More information required" for the rest of their session, where the policy lets
 * them. Nothing else changes in the database, so it is published outside any transaction.
 *
 * @param accountId who skipped it
 */
public record RegistrationSkipped(long accountId) {
}
