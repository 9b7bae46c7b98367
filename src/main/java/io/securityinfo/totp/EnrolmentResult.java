package io.securityinfo.totp;

/** The answer to a code typed to finish setting up an app. */
public sealed interface EnrolmentResult {

	/** The right code: possession is proven. Given once per set-up. */
	record Confirmed() implements EnrolmentResult {
	}

	/** A wrong code; the set-up takes {@code attemptsLeft} more. */
	record Wrong(int attemptsLeft) implements EnrolmentResult {
	}

	/** Too many wrong codes: the person starts again with a new secret. */
	record Ended() implements EnrolmentResult {
	}

	/** The set-up's lifetime has passed. */
	record Expired() implements EnrolmentResult {
	}

	/** The set-up was already confirmed, for instance by the same form sent twice. */
	record AlreadyConfirmed() implements EnrolmentResult {
	}

}
