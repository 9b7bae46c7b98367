package io.securityinfo.verification;

/**
 * The answer to a code someone typed. Every page that takes a code tells what went wrong with the same sentences,
 * each in its own words: {@link #messageKey(String)} names them in a family of keys.
 */
public sealed interface CheckResult {

	/**
	 * What to tell a person whose code proved nothing, as a key in a family of messages: the family's prefix and
	 * {@code wrong} (with the tries left as its argument, see {@link #messageArguments()}), {@code exhausted},
	 * {@code expired}, {@code already-used} or {@code locked-out}. Null for {@link Verified}, which has nothing to
	 * tell.
	 * @param prefix the family's keys' common start, such as {@code "code."} for Security info's pages
	 */
	default String messageKey(String prefix) {
		String reason;
		if (this instanceof Wrong) {
			reason = "wrong";
		}
		else if (this instanceof Exhausted) {
			reason = "exhausted";
		}
		else if (this instanceof Expired) {
			reason = "expired";
		}
		else if (this instanceof AlreadyVerified) {
			reason = "already-used";
		}
		else if (this instanceof LockedOut) {
			reason = "locked-out";
		}
		else {
			return null;
		}
		return prefix + reason;
	}

	/** The arguments of {@link #messageKey(String)}'s message: the tries left after a wrong code, else none. */
	default Object[] messageArguments() {
		return this instanceof Wrong wrong ? new Object[] { wrong.attemptsLeft() } : new Object[0];
	}

	/** The right code: the number is proven. Given once per challenge. */
	record Verified(String destination, Channel channel) implements CheckResult {
	}

	/** A wrong code; the challenge still takes {@code attemptsLeft} more. */
	record Wrong(int attemptsLeft) implements CheckResult {
	}

	/** Too many wrong codes: a new code must be requested. */
	record Exhausted() implements CheckResult {
	}

	/** The challenge's lifetime has passed. */
	record Expired() implements CheckResult {
	}

	/** The challenge was already answered, for instance by the same form sent twice. */
	record AlreadyVerified(String destination, Channel channel) implements CheckResult {
	}

	/** Too many wrong codes in a row across challenges. */
	record LockedOut() implements CheckResult {
	}

}
