package io.securityinfo.totp;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

import io.securityinfo.KeyFiles;

/**
 * Encrypts the apps' secrets for the database. Unlike a one-time code, a TOTP secret must be read back to check
 * every later code, so it cannot be hashed; whoever reads the database without the key, kept outside it, learns
 * nothing from it. AES-GCM also detects a value that was altered, or moved to another person's row: the person's
 * account is authenticated with each value.
 *
 * <p>
 * A stored value is the 12-byte IV, random for every value, followed by the ciphertext and its 16-byte tag.
 */
@Component
class SecretCipher {

	static final String KEY_SETTING = "app.totp.encryption-key (environment variable APP_TOTP_ENCRYPTION_KEY)";

	private static final int KEY_BYTES = 32;

	private static final int IV_BYTES = 12;

	private static final int TAG_BITS = 128;

	private static final String TRANSFORMATION = "AES/GCM/NoPadding";

	private final SecretKey key;

	private final SecureRandom random = new SecureRandom();

	SecretCipher(TotpProperties properties) {
		this.key = new SecretKeySpec(key(properties), "AES");
	}

	byte[] encrypt(byte[] secret, long accountId) {
		byte[] iv = new byte[IV_BYTES];
		random.nextBytes(iv);
		try {
			Cipher cipher = Cipher.getInstance(TRANSFORMATION);
			cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
			cipher.updateAAD(associatedData(accountId));
			byte[] sealed = cipher.doFinal(secret);
			return ByteBuffer.allocate(IV_BYTES + sealed.length).put(iv).put(sealed).array();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("AES-GCM is not available", ex);
		}
	}

	/**
	 * @throws SecretUnreadableException when the value was encrypted with another key or for another account, or
	 * was altered
	 */
	byte[] decrypt(byte[] stored, long accountId) {
		if (stored.length <= IV_BYTES) {
			throw new SecretUnreadableException(null);
		}
		try {
			Cipher cipher = Cipher.getInstance(TRANSFORMATION);
			cipher.init(Cipher.DECRYPT_MODE, key,
					new GCMParameterSpec(TAG_BITS, Arrays.copyOfRange(stored, 0, IV_BYTES)));
			cipher.updateAAD(associatedData(accountId));
			return cipher.doFinal(stored, IV_BYTES, stored.length - IV_BYTES);
		}
		catch (GeneralSecurityException ex) {
			throw new SecretUnreadableException(ex);
		}
	}

	private static byte[] associatedData(long accountId) {
		return ("account:" + accountId).getBytes(StandardCharsets.US_ASCII);
	}

	private static byte[] key(TotpProperties properties) {
		if (StringUtils.hasText(properties.encryptionKey())) {
			return decode(properties.encryptionKey().strip(), KEY_SETTING);
		}
		if (properties.encryptionKeyFile() != null && StringUtils.hasText(properties.encryptionKeyFile().toString())) {
			return readOrCreate(properties.encryptionKeyFile());
		}
		throw new IllegalStateException(KEY_SETTING + " is not set: authenticator app secrets cannot be encrypted "
				+ "without it. Set it to 32 random bytes in Base64, such as the output of: openssl rand -base64 32");
	}

	private static byte[] decode(String base64, String source) {
		byte[] key;
		try {
			key = Base64.getDecoder().decode(base64);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException(source + " is not Base64: set it to 32 random bytes in Base64");
		}
		if (key.length != KEY_BYTES) {
			throw new IllegalStateException(source + " must be " + KEY_BYTES + " bytes in Base64 (AES-256), not "
					+ key.length + " bytes");
		}
		return key;
	}

	private static byte[] readOrCreate(Path file) {
		return decode(KeyFiles.readOrCreate(file, KEY_BYTES, "authenticator app key"), "The key in " + file);
	}

}
