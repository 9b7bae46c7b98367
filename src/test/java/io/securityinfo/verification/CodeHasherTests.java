package io.securityinfo.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CodeHasherTests {

	private static final String SECRET = "a-test-secret-of-at-least-32-characters";

	@TempDir
	Path tempDir;

	@Test
	void hashWhenSameChallengeAndCodeThenSameSixtyFourHexDigits() {
		CodeHasher hasher = new CodeHasher(properties(SECRET, null));

		String hash = hasher.hash("challenge-1", "123456");

		assertThat(hash).matches("[0-9a-f]{64}").doesNotContain("123456");
		assertThat(hasher.hash("challenge-1", "123456")).isEqualTo(hash);
		assertThat(new CodeHasher(properties(SECRET, null)).hash("challenge-1", "123456")).isEqualTo(hash);
	}

	@Test
	void hashWhenChallengeDiffersThenHashDiffers() {
		CodeHasher hasher = new CodeHasher(properties(SECRET, null));

		assertThat(hasher.hash("challenge-1", "123456")).isNotEqualTo(hasher.hash("challenge-2", "123456"));
	}

	@Test
	void hashWhenCodeDiffersThenHashDiffers() {
		CodeHasher hasher = new CodeHasher(properties(SECRET, null));

		assertThat(hasher.hash("challenge-1", "123456")).isNotEqualTo(hasher.hash("challenge-1", "123457"));
	}

	@Test
	void hashWhenSecretDiffersThenHashDiffers() {
		String other = new CodeHasher(properties(SECRET + "-other", null)).hash("challenge-1", "123456");

		assertThat(new CodeHasher(properties(SECRET, null)).hash("challenge-1", "123456")).isNotEqualTo(other);
	}

	@Test
	void matchesWhenHashesAreEqualThenTrueOtherwiseFalse() {
		CodeHasher hasher = new CodeHasher(properties(SECRET, null));
		String hash = hasher.hash("challenge-1", "123456");

		assertThat(CodeHasher.matches(hash, hasher.hash("challenge-1", "123456"))).isTrue();
		assertThat(CodeHasher.matches(hash, hasher.hash("challenge-1", "654321"))).isFalse();
	}

	@Test
	void constructWhenSecretIsShorterThanThirtyTwoCharactersThenFailsNamingTheSetting() {
		assertThatIllegalStateException().isThrownBy(() -> new CodeHasher(properties("x".repeat(31), null)))
			.withMessageContaining("app.verification.code-secret")
			.withMessageContaining("APP_VERIFICATION_CODE_SECRET")
			.withMessageContaining("32");
		assertThat(new CodeHasher(properties("x".repeat(32), null)).hash("challenge-1", "123456")).hasSize(64);
	}

	@Test
	void constructWhenNeitherSecretNorFileIsSetThenFailsNamingTheEnvironmentVariable() {
		assertThatIllegalStateException().isThrownBy(() -> new CodeHasher(properties(null, null)))
			.withMessageContaining("APP_VERIFICATION_CODE_SECRET");
		assertThatIllegalStateException().isThrownBy(() -> new CodeHasher(properties("  ", Path.of(""))))
			.withMessageContaining("APP_VERIFICATION_CODE_SECRET");
	}

	@Test
	void constructWhenOnlyFileIsSetThenKeyIsGeneratedOnceAndReused() throws IOException {
		Path file = tempDir.resolve("data").resolve("code-secret");

		String hash = new CodeHasher(properties(null, file)).hash("challenge-1", "123456");
		String stored = Files.readString(file, StandardCharsets.US_ASCII);

		assertThat(Base64.getDecoder().decode(stored.strip())).hasSize(32);
		assertThat(new CodeHasher(properties(null, file)).hash("challenge-1", "123456")).isEqualTo(hash);
		assertThat(Files.readString(file, StandardCharsets.US_ASCII)).isEqualTo(stored);
	}

	@Test
	void constructWhenTwoFilesAreGeneratedThenTheirKeysDiffer() {
		String first = new CodeHasher(properties(null, tempDir.resolve("first"))).hash("challenge-1", "123456");
		String second = new CodeHasher(properties(null, tempDir.resolve("second"))).hash("challenge-1", "123456");

		assertThat(first).isNotEqualTo(second);
	}

	@Test
	void constructWhenSecretAndFileAreBothSetThenSecretWinsAndNoFileIsWritten() {
		Path file = tempDir.resolve("unused-secret");

		String hash = new CodeHasher(properties(SECRET, file)).hash("challenge-1", "123456");

		assertThat(hash).isEqualTo(new CodeHasher(properties(SECRET, null)).hash("challenge-1", "123456"));
		assertThat(file).doesNotExist();
	}

	@Test
	void constructWhenTheFileIsGeneratedThenOnlyItsOwnerMayReadOrWriteIt() throws IOException {
		Path file = tempDir.resolve("data").resolve("code-secret");

		new CodeHasher(properties(null, file));

		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
	}

	@Test
	void constructWhenAnExistingFileIsReadableByOthersThenFailsNamingTheFile() throws IOException {
		Path file = tempDir.resolve("code-secret");
		new CodeHasher(properties(null, file));
		Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

		assertThatIllegalStateException().isThrownBy(() -> new CodeHasher(properties(null, file)))
			.withMessageContaining(file.toString())
			.withMessageContaining("rw-r--r--");
		Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));
		assertThatIllegalStateException().isThrownBy(() -> new CodeHasher(properties(null, file)))
			.withMessageContaining(file.toString());
	}

	private static VerificationProperties properties(String codeSecret, Path codeSecretFile) {
		return new VerificationProperties(codeSecret, codeSecretFile, 20, Duration.ofHours(1), Duration.ofDays(1));
	}

}
