package io.securityinfo.securityinfo.temporaryaccesspass;

/**
 * The pass's settings: lifetimes in minutes (the allowed range and the form's default), the length in characters
 * and whether a new pass is one-time by default.
 */
record TemporaryAccessPassRules(int minLifetimeMinutes, int maxLifetimeMinutes, int defaultLifetimeMinutes,
		int length, boolean oneTime) {

	static final int MIN_LENGTH = 8;

	static final int MAX_LENGTH = 48;

	/** Entra's own bounds: from ten minutes to thirty days. */
	static final int SHORTEST_MINUTES = 10;

	static final int LONGEST_MINUTES = 30 * 24 * 60;

	boolean allows(int lifetimeMinutes) {
		return lifetimeMinutes >= minLifetimeMinutes && lifetimeMinutes <= maxLifetimeMinutes;
	}

}
