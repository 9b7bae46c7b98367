package io.securityinfo.securityinfo;

/**
 * Published when a person said their security info is right when asked to review it, or registered what was asked,
 * once the account recorded it.
 *
 * @param accountId who confirmed it
 */
public record SecurityInfoConfirmed(long accountId) {
}
