package io.securityinfo.passkey;

import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.security.web.webauthn.api.Bytes;

/**
 * The challenges of passkey prompts carry the time they were issued: eight bytes of the application clock's
 * milliseconds, then 24 random bytes. The server reads the time back from the challenge it kept in the session (never
 * from the browser's answer), so a prompt older than the ceremony timeout is refused although Spring Security keeps
 * prompts in the session without a time.
 */
final class Challenges {

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final int RANDOM_BYTES = 24;

	private Challenges() {
	}

	static Bytes issue(Clock clock) {
		byte[] random = new byte[RANDOM_BYTES];
		RANDOM.nextBytes(random);
		return new Bytes(ByteBuffer.allocate(Long.BYTES + RANDOM_BYTES)
			.putLong(clock.millis())
			.put(random)
			.array());
	}

	/** Whether this challenge was issued by {@link #issue} no longer than {@code validFor} ago. */
	static boolean isFresh(Bytes challenge, Clock clock, Duration validFor) {
		byte[] bytes = challenge.getBytes();
		if (bytes.length != Long.BYTES + RANDOM_BYTES) {
			return false;
		}
		Instant issuedAt = Instant.ofEpochMilli(ByteBuffer.wrap(bytes).getLong());
		Instant now = clock.instant();
		return !issuedAt.isAfter(now) && !issuedAt.plus(validFor).isBefore(now);
	}

}
