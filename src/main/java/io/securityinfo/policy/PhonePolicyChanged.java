package io.securityinfo.policy;

/**
 * Published when an administrator saved the phone settings, in the transaction that saved them.
 *
 * @param adminId who saved them
 * @param rules the settings now in force
 */
public record PhonePolicyChanged(long adminId, PhoneRules rules) {
}
