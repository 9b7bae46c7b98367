package io.securityinfo.securityinfo;

/**
 * An administrator saved the Temporary Access Pass's settings, in the transaction of the save: the audit log records
 * them.
 *
 * @param adminId who saved them
 */
public record TemporaryAccessPassSettingsChanged(long adminId, int minLifetimeMinutes, int maxLifetimeMinutes,
		int defaultLifetimeMinutes, int length, boolean oneTime) {
}
