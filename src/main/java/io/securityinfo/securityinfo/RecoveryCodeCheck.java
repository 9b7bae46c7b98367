package io.securityinfo.securityinfo;

/**
 * Checks a recovery code given as a second factor ("Use a recovery code" at sign-in or before a change). The
 * recovery codes' own folder implements it, where the codes are kept; two-step verification asks it for the mode it
 * {@link #checks}.
 */
public interface RecoveryCodeCheck {

	/**
	 * Whether a second factor in this mode (by its stored name) is a recovery code, to be checked here rather than
	 * as a sent code or an app's.
	 */
	boolean checks(String modeName);

	/** Whether what was typed has a recovery code's shape ({@code xxxxx-xxxxx}); nothing is counted when not. */
	boolean isWellFormed(String typed);

	/**
	 * Uses one of the person's unused recovery codes: true when the typed code is one, which is then used up (of
	 * parallel requests with the same code, exactly one answers true). Publishes {@link RecoveryCodeUsed}.
	 */
	boolean use(long accountId, String typed);

}
