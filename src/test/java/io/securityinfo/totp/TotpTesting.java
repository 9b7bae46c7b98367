package io.securityinfo.totp;

import java.security.InvalidKeyException;
import java.security.Key;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import javax.crypto.spec.SecretKeySpec;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import org.apache.commons.codec.binary.Base32;

/** What the person's app does in tests: makes the code of a secret at an instant, with the library itself. */
public final class TotpTesting {

	private static final TimeBasedOneTimePasswordGenerator APP = new TimeBasedOneTimePasswordGenerator(
			Duration.ofSeconds(30), 6, TimeBasedOneTimePasswordGenerator.TOTP_ALGORITHM_HMAC_SHA1);

	private TotpTesting() {
	}

	/** The code for a secret as a person types it from the page: Base32, maybe in groups of four. */
	public static String code(String base32Secret, Instant at) {
		return code(new Base32().decode(base32Secret.replace(" ", "")), at);
	}

	public static String code(byte[] secret, Instant at) {
		try {
			Key key = new SecretKeySpec(secret, APP.getAlgorithm());
			return APP.generateOneTimePasswordString(key, at, Locale.ROOT);
		}
		catch (InvalidKeyException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Six digits that are not this code. */
	public static String wrong(String code) {
		return "%06d".formatted((Integer.parseInt(code) + 1) % 1_000_000);
	}

}
