package io.securityinfo.securityinfo;

import java.time.Instant;

/**
 * Published when a person said "Not now" to the campaign's nudge to add a stronger method, in the transaction that
 * counted it.
 *
 * @param accountId who put it off
 * @param promotedType the id of the method type the campaign promotes
 * @param postponements how many times they have put it off, this one included
 * @param until when they are asked again (at their first sign-in from then)
 */
public record StrongerMethodPostponed(long accountId, String promotedType, int postponements, Instant until) {
}
