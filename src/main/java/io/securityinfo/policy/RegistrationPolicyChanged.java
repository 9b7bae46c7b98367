package io.securityinfo.policy;

/**
 * Published when an administrator saved the registration policy, in the transaction that saved it.
 *
 * @param adminId who saved it
 * @param rules the policy now in force
 */
public record RegistrationPolicyChanged(long adminId, RegistrationRules rules) {
}
