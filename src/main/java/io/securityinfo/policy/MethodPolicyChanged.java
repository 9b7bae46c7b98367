package io.securityinfo.policy;

/**
 * Published when an administrator changed how one authentication method is allowed, in the transaction that saved
 * it: one event per method whose setting changed.
 *
 * @param adminId who changed it
 * @param setting the setting now in force
 */
public record MethodPolicyChanged(long adminId, MethodPolicy.Setting setting) {
}
