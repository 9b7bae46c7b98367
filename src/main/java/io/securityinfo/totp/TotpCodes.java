package io.securityinfo.totp;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.Key;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import javax.crypto.spec.SecretKeySpec;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;

import org.springframework.stereotype.Component;

/**
 * The codes of RFC 6238 as authenticator apps make them: HMAC-SHA1, a new 6-digit code every 30 seconds. SHA-1 is
 * what every app supports (several ignore any other algorithm in the QR code); within HMAC it is not weakened by
 * SHA-1's collisions. The codes come from a maintained library, java-otp, rather than from our own truncation.
 */
@Component
class TotpCodes {

	static final Duration TIME_STEP = Duration.ofSeconds(30);

	static final int DIGITS = 6;

	/**
	 * Steps accepted either side of now: a phone's clock a little off, or a code typed as it changed, still
	 * works. RFC 6238 recommends at most one.
	 */
	static final int TOLERANCE_STEPS = 1;

	/** What a typed code matched. */
	record Match(boolean matched, long step) {

		static final Match NONE = new Match(false, 0);

		/** Whether it matched a step after the last accepted one: a code never works twice. */
		boolean isNewerThan(long lastAcceptedStep) {
			return matched && step > lastAcceptedStep;
		}

	}

	private final TimeBasedOneTimePasswordGenerator generator = new TimeBasedOneTimePasswordGenerator(TIME_STEP,
			DIGITS, TimeBasedOneTimePasswordGenerator.TOTP_ALGORITHM_HMAC_SHA1);

	static long stepAt(Instant instant) {
		return Math.floorDiv(instant.getEpochSecond(), TIME_STEP.toSeconds());
	}

	/**
	 * Finds the step of the window around {@code now} whose code was typed, preferring the latest one after
	 * {@code lastAcceptedStep} (two steps of a window share a code once in a million or so). Every step of the
	 * window is computed and compared in constant time whatever matches, so the time taken tells nothing about the
	 * code.
	 */
	Match match(byte[] secret, String typed, Instant now, long lastAcceptedStep) {
		byte[] typedDigits = typed.getBytes(StandardCharsets.US_ASCII);
		Key key = new SecretKeySpec(secret, generator.getAlgorithm());
		long current = stepAt(now);
		Match found = Match.NONE;
		for (long step = current - TOLERANCE_STEPS; step <= current + TOLERANCE_STEPS; step++) {
			byte[] expected = codeAt(key, step).getBytes(StandardCharsets.US_ASCII);
			boolean equal = MessageDigest.isEqual(expected, typedDigits);
			if (equal && (!found.matched() || step > lastAcceptedStep)) {
				found = new Match(true, step);
			}
		}
		return found;
	}

	private String codeAt(Key key, long step) {
		try {
			return generator.generateOneTimePasswordString(key,
					Instant.ofEpochSecond(step * TIME_STEP.toSeconds()), Locale.ROOT);
		}
		catch (InvalidKeyException ex) {
			throw new IllegalStateException("An authenticator app secret is not a valid HMAC key", ex);
		}
	}

}
