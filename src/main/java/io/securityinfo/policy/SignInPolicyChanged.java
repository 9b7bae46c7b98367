package io.securityinfo.policy;

/**
 * Published when an administrator saved which method is asked for first or who must sign in phishing-resistantly,
 * in the transaction that saved it.
 *
 * @param adminId who saved it
 * @param rules the policy now in force
 */
public record SignInPolicyChanged(long adminId, SignInRules rules) {
}
