package io.securityinfo.securityinfo;

import java.time.Instant;

/**
 * Checks a Temporary Access Pass typed on the sign-in page ("Use a Temporary Access Pass"). The pass's own folder
 * implements it, where the pass is kept; two-step verification's sign-in with a pass asks it.
 */
public interface TemporaryAccessPassCheck {

	/** The pass's sign-in mode: its second factor is what a session signed in with a pass holds. */
	MethodMode mode();

	/**
	 * Signs in with the person's pass when the typed one is it, and it may be used now: a one-time pass is then used
	 * up (of parallel sign-ins with it, exactly one is {@link Outcome#ACCEPTED}). Publishes
	 * {@link TemporaryAccessPassChanged} for an accepted pass.
	 */
	Use signIn(long accountId, String typed);

	/**
	 * What came of a pass typed in. Only a typed pass that is the person's learns more than {@link Outcome#WRONG}.
	 *
	 * @param startsAt when the pass starts (for {@link Outcome#NOT_YET_VALID}), else null
	 * @param endsAt when the pass ends (for {@link Outcome#ACCEPTED}), else null
	 */
	record Use(Outcome outcome, Instant startsAt, Instant endsAt) {

		public static Use of(Outcome outcome) {
			return new Use(outcome, null, null);
		}

	}

	enum Outcome {

		ACCEPTED, WRONG, NOT_YET_VALID, EXPIRED, USED, DISABLED

	}

}
