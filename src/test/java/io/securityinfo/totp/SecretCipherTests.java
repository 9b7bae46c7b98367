package io.securityinfo.totp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** The encryption of the apps' secrets, and how the app starts without a key. */
class SecretCipherTests {

	private static final String KEY = Base64.getEncoder().encodeToString(bytes(32, 1));

	private static final String OTHER_KEY = Base64.getEncoder().encodeToString(bytes(32, 2));

	private static final byte[] SECRET = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

	/** Only the cipher and its settings, as the app binds them. */
	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(TotpProperties.class)
	@Import(SecretCipher.class)
	static class CipherOnly {

	}

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withUserConfiguration(CipherOnly.class);

	@Test
	void decryptWhenSameKeyAndAccountThenGivesTheSecretBack() {
		SecretCipher cipher = cipher(KEY);

		byte[] stored = cipher.encrypt(SECRET, 7);

		assertThat(cipher.decrypt(stored, 7)).isEqualTo(SECRET);
	}

	@Test
	void encryptWhenSameSecretTwiceThenDifferentIvAndCiphertextWithoutTheSecretInThem() {
		SecretCipher cipher = cipher(KEY);

		byte[] first = cipher.encrypt(SECRET, 7);
		byte[] second = cipher.encrypt(SECRET, 7);

		assertThat(first).hasSize(12 + SECRET.length + 16);
		assertThat(Arrays.copyOf(first, 12)).isNotEqualTo(Arrays.copyOf(second, 12));
		assertThat(first).isNotEqualTo(second);
		assertThat(new String(first, StandardCharsets.ISO_8859_1)).doesNotContain("1234567890");
	}

	@Test
	void decryptWhenAnotherKeyThenFails() {
		byte[] stored = cipher(KEY).encrypt(SECRET, 7);

		assertThatExceptionOfType(SecretUnreadableException.class)
			.isThrownBy(() -> cipher(OTHER_KEY).decrypt(stored, 7))
			.withMessageContaining("app.totp.encryption-key");
	}

	@Test
	void decryptWhenValueWasMovedToAnotherAccountThenFails() {
		SecretCipher cipher = cipher(KEY);
		byte[] stored = cipher.encrypt(SECRET, 7);

		assertThatExceptionOfType(SecretUnreadableException.class).isThrownBy(() -> cipher.decrypt(stored, 8));
	}

	@Test
	void decryptWhenOneBitWasChangedThenFails() {
		SecretCipher cipher = cipher(KEY);
		byte[] stored = cipher.encrypt(SECRET, 7);
		stored[20] ^= 1;

		assertThatExceptionOfType(SecretUnreadableException.class).isThrownBy(() -> cipher.decrypt(stored, 7));
	}

	@Test
	void startWhenNoKeyAndNoKeyFileThenFailsNamingTheEnvironmentVariable() {
		this.contextRunner.withPropertyValues("app.totp.encryption-key=", "app.totp.encryption-key-file=")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).rootCause()
					.isInstanceOf(IllegalStateException.class)
					.message()
					.startsWith("app.totp.encryption-key (environment variable APP_TOTP_ENCRYPTION_KEY) is not set");
			});
	}

	@Test
	void startWhenPostgresProfileAndNoKeyThenFailsNamingTheEnvironmentVariable() {
		this.contextRunner.withInitializer(new ConfigDataApplicationContextInitializer())
			.withPropertyValues("spring.profiles.active=postgres")
			.run((context) -> assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining("APP_TOTP_ENCRYPTION_KEY"));
	}

	@Test
	void startWhenKeyIsNot32BytesThenFailsNamingTheSetting() {
		String shortKey = Base64.getEncoder().encodeToString(bytes(16, 1));

		this.contextRunner.withPropertyValues("app.totp.encryption-key=" + shortKey)
			.run((context) -> assertThat(context.getStartupFailure()).rootCause()
				.hasMessage("app.totp.encryption-key (environment variable APP_TOTP_ENCRYPTION_KEY) must be 32 bytes "
						+ "in Base64 (AES-256), not 16 bytes"));
	}

	@Test
	void startWhenKeyIsNotBase64ThenFailsNamingTheSetting() {
		this.contextRunner.withPropertyValues("app.totp.encryption-key=not base64!")
			.run((context) -> assertThat(context.getStartupFailure()).rootCause()
				.message()
				.contains("APP_TOTP_ENCRYPTION_KEY", "is not Base64"));
	}

	@Test
	void startWhenOnlyAKeyFileIsSetThenGeneratesTheKeyOnceAndKeepsUsingIt(@TempDir Path directory)
			throws IOException {
		Path keyFile = directory.resolve("data/totp-key");
		byte[][] stored = new byte[1][];

		this.contextRunner.withPropertyValues("app.totp.encryption-key-file=" + keyFile)
			.run((context) -> stored[0] = context.getBean(SecretCipher.class).encrypt(SECRET, 7));
		String generated = Files.readString(keyFile);
		this.contextRunner.withPropertyValues("app.totp.encryption-key-file=" + keyFile)
			.run((context) -> assertThat(context.getBean(SecretCipher.class).decrypt(stored[0], 7)).isEqualTo(SECRET));

		assertThat(Base64.getDecoder().decode(generated)).hasSize(32);
		assertThat(Files.readString(keyFile)).isEqualTo(generated);
	}

	@Test
	void startWhenTheKeyFileIsGeneratedThenOnlyItsOwnerMayReadOrWriteIt(@TempDir Path directory) throws IOException {
		Path keyFile = directory.resolve("data/totp-key");

		this.contextRunner.withPropertyValues("app.totp.encryption-key-file=" + keyFile)
			.run((context) -> assertThat(context).hasNotFailed());

		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");
	}

	@Test
	void startWhenAnExistingKeyFileIsReadableByOthersThenFailsNamingTheFile(@TempDir Path directory)
			throws IOException {
		Path keyFile = directory.resolve("totp-key");
		this.contextRunner.withPropertyValues("app.totp.encryption-key-file=" + keyFile)
			.run((context) -> assertThat(context).hasNotFailed());
		Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-r--r--"));

		this.contextRunner.withPropertyValues("app.totp.encryption-key-file=" + keyFile)
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining(keyFile.toString())
				.hasMessageContaining("rw-r--r--"));
	}

	@Test
	void bindWhenNothingElseIsSetThenIssuerIsSecurityInfoAndSetUpsLastFifteenMinutes() {
		this.contextRunner.withPropertyValues("app.totp.encryption-key=" + KEY)
			.run((context) -> assertThat(context.getBean(TotpProperties.class))
				.returns("Security info", TotpProperties::issuer)
				.returns(Duration.ofMinutes(15), TotpProperties::enrolmentLifetime));
	}

	@Test
	void toStringThenHidesTheKey() {
		assertThat(new TotpProperties(KEY, null, "Security info", Duration.ofMinutes(15)).toString())
			.doesNotContain(KEY)
			.contains("Security info");
	}

	private static SecretCipher cipher(String base64Key) {
		return new SecretCipher(new TotpProperties(base64Key, null, "Security info", Duration.ofMinutes(15)));
	}

	private static byte[] bytes(int length, int seed) {
		byte[] bytes = new byte[length];
		for (int i = 0; i < length; i++) {
			bytes[i] = (byte) (seed * 31 + i);
		}
		return bytes;
	}

}
