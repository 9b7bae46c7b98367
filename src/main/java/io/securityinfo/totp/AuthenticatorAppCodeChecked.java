package io.securityinfo.totp;

/**
 * Published when a code from an authenticator app was checked, while setting the app up or later, in the
 * transaction that counted it. Codes refused before their check (already used, while locked) publish nothing.
 *
 * @param accountId whose app
 * @param right whether the code was right
 * @param consequence what a wrong code led to besides itself
 */
public record AuthenticatorAppCodeChecked(long accountId, boolean right, Consequence consequence) {

	public enum Consequence {

		NONE,

		/** The set-up ended: too many wrong codes before the first right one. */
		SETUP_ENDED,

		/** The registered app is disabled until it is set up again. */
		APP_DISABLED,

		/** The registered app refuses codes for a while. */
		LOCKED_OUT

	}

}
