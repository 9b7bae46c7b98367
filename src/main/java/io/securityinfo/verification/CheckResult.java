package io.securityinfo.verification;

/** The answer to a code someone typed. */
public sealed interface CheckResult {

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
