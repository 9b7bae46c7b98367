package io.securityinfo.policy;

import java.time.Duration;
import java.util.Set;

/**
 * The phone settings in force: where texts and calls may go and the limits on one-time codes.
 *
 * @param allowedRegions region codes texts and calls may go to; empty for all
 */
public record PhoneRules(Set<String> allowedRegions, Duration codeLifetime, int maxWrongAttempts,
		Duration resendCooldown, int maxSendsPerNumberPerHour, int maxSendsPerUserPerDay) {

	public boolean allowsRegion(String regionCode) {
		return allowedRegions.isEmpty() || allowedRegions.contains(regionCode);
	}

	public boolean allRegionsAllowed() {
		return allowedRegions.isEmpty();
	}

}
