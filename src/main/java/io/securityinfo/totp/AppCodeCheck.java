package io.securityinfo.totp;

/** The answer to a code from a registered app. */
public enum AppCodeCheck {

	/** The right code, never used before. */
	ACCEPTED,
	/** Not the app's code now. */
	WRONG,
	/** The app's code, but already accepted once: a code seen by someone else cannot be used again. */
	ALREADY_USED,
	/** Too many wrong codes in a row: no code is checked for a while. */
	LOCKED_OUT,
	/**
	 * Too many wrong codes since the last accepted one: no code is checked until the app is set up again (by the
	 * person, or after an administrator requires them to register again).
	 */
	DISABLED

}
