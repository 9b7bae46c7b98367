package io.securityinfo.securityinfo;

import java.util.List;

/**
 * The ways a person can give a second factor, the one asked for first at the top, and why that one.
 *
 * @param options the person's allowed sign-in methods and modes, the one asked for first at the top
 * @param reason why the first is asked for first
 */
public record SignInOrder(List<SignInOption> options, Reason reason) {

	/** Why a method is asked for first. */
	public enum Reason {

		/** "The strongest method first" is on: the first is the strongest the person has. */
		STRONGEST,

		/** It is off: the first is the person's default method. */
		DEFAULT,

		/** The person must sign in phishing-resistantly: only such methods are offered. */
		PHISHING_RESISTANT;

		/** The line on the challenge page that tells the person why this method; its argument is the method's name. */
		public String messageKey() {
			return "twostep.why." + name();
		}

		/** The same on Security info, beside the method asked for first. */
		public String overviewKey() {
			return "securityinfo.asked-first." + name();
		}

	}

	public boolean isEmpty() {
		return options.isEmpty();
	}

	/** The method asked for first; null when there is none. */
	public SignInOption first() {
		return options.isEmpty() ? null : options.get(0);
	}

}
