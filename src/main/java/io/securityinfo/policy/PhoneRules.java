package io.securityinfo.policy;

import java.time.Duration;
import java.util.Set;

/**
 * The phone settings in force: where texts and calls may go and the limits on one-time codes.
 *
 * @param allowedRegions region codes texts and calls may go to; empty for all
 * @param allowVoip whether internet (VoIP) numbers may receive codes too; other costly kinds never may
 */
public record PhoneRules(Set<String> allowedRegions, Duration codeLifetime, int maxWrongAttempts,
		Duration resendCooldown, int maxSendsPerNumberPerHour, int maxSendsPerUserPerDay, boolean allowVoip) {

	/** Rules that keep VoIP numbers out, as they are until an administrator lets them in. */
	public PhoneRules(Set<String> allowedRegions, Duration codeLifetime, int maxWrongAttempts, Duration resendCooldown,
			int maxSendsPerNumberPerHour, int maxSendsPerUserPerDay) {
		this(allowedRegions, codeLifetime, maxWrongAttempts, resendCooldown, maxSendsPerNumberPerHour,
				maxSendsPerUserPerDay, false);
	}

	public boolean allowsRegion(String regionCode) {
		return allowedRegions.isEmpty() || allowedRegions.contains(regionCode);
	}

	public boolean allRegionsAllowed() {
		return allowedRegions.isEmpty();
	}

}
