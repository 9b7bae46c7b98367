package io.securityinfo.verification;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.stereotype.Component;

import io.securityinfo.KeyFiles;

/**
 * Keyed hashes of one-time codes. A six-digit code has only a million values, so a plain hash would be reversed
 * at once by anyone reading the database; an HMAC with a key kept outside the database is not.
 */
@Component
class CodeHasher {

	static final int MIN_SECRET_LENGTH = 32;

	private static final String ALGORITHM = "HmacSHA256";

	private final SecretKeySpec key;

	CodeHasher(VerificationProperties properties) {
		this.key = new SecretKeySpec(secret(properties), ALGORITHM);
	}

	/** Binds the code to its challenge, so a code is worth nothing outside the challenge it was sent for. */
	String hash(String challengeId, String code) {
		try {
			Mac mac = Mac.getInstance(ALGORITHM);
			mac.init(key);
			byte[] digest = mac.doFinal((challengeId + ":" + code).getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HMAC-SHA256 is not available", ex);
		}
	}

	/** Compares in constant time, so the time taken tells nothing about how much of a hash matched. */
	static boolean matches(String expectedHash, String actualHash) {
		return MessageDigest.isEqual(expectedHash.getBytes(StandardCharsets.US_ASCII),
				actualHash.getBytes(StandardCharsets.US_ASCII));
	}

	private static byte[] secret(VerificationProperties properties) {
		if (properties.codeSecret() != null && !properties.codeSecret().isBlank()) {
			if (properties.codeSecret().length() < MIN_SECRET_LENGTH) {
				throw new IllegalStateException("app.verification.code-secret (environment variable "
						+ "APP_VERIFICATION_CODE_SECRET) must be at least " + MIN_SECRET_LENGTH + " characters long");
			}
			return properties.codeSecret().getBytes(StandardCharsets.UTF_8);
		}
		if (properties.codeSecretFile() != null && !properties.codeSecretFile().toString().isBlank()) {
			return readOrCreate(properties.codeSecretFile());
		}
		throw new IllegalStateException("app.verification.code-secret (environment variable "
				+ "APP_VERIFICATION_CODE_SECRET) is not set: one-time codes cannot be hashed without it");
	}

	private static byte[] readOrCreate(Path file) {
		return Base64.getDecoder().decode(KeyFiles.readOrCreate(file, 32, "one-time-code key"));
	}

}
