package io.securityinfo.policy;

/**
 * Published when an administrator saved the registration campaign, in the transaction that saved it.
 *
 * @param adminId who saved it
 * @param rules the campaign now in force
 */
public record CampaignChanged(long adminId, CampaignRules rules) {
}
