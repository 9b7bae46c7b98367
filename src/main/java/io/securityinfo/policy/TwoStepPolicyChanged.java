package io.securityinfo.policy;

/**
 * Published when an administrator saved the two-step verification policy, in the transaction that saved it.
 *
 * @param adminId who saved it
 * @param rules the policy now in force
 */
public record TwoStepPolicyChanged(long adminId, TwoStepRules rules) {
}
