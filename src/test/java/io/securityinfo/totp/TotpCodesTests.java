package io.securityinfo.totp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.Key;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import javax.crypto.spec.SecretKeySpec;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The codes apps make, checked against RFC 6238's own test vectors. */
class TotpCodesTests {

	/** RFC 6238, Appendix B: the SHA-1 seed is this ASCII string of 20 bytes. */
	private static final byte[] RFC_SECRET = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

	private final TotpCodes codes = new TotpCodes();

	@ParameterizedTest
	@CsvSource({ "59, 94287082", "1111111109, 07081804", "1111111111, 14050471", "1234567890, 89005924",
			"2000000000, 69279037", "20000000000, 65353130" })
	void libraryWhenAskedForEightDigitsThenMakesTheCodesOfRfc6238AppendixB(long time, String expected)
			throws Exception {
		TimeBasedOneTimePasswordGenerator generator = new TimeBasedOneTimePasswordGenerator(Duration.ofSeconds(30), 8,
				TimeBasedOneTimePasswordGenerator.TOTP_ALGORITHM_HMAC_SHA1);
		Key key = new SecretKeySpec(RFC_SECRET, generator.getAlgorithm());

		assertThat(generator.generateOneTimePasswordString(key, Instant.ofEpochSecond(time), Locale.ROOT))
			.isEqualTo(expected);
	}

	@ParameterizedTest
	@CsvSource({ "59, 94287082", "1111111109, 07081804", "1111111111, 14050471", "1234567890, 89005924",
			"2000000000, 69279037", "20000000000, 65353130" })
	void matchWhenLastSixDigitsOfAnRfcVectorAtItsTimeThenMatchesItsStep(long time, String rfcCode) {
		String sixDigits = rfcCode.substring(2);

		TotpCodes.Match match = codes.match(RFC_SECRET, sixDigits, Instant.ofEpochSecond(time), Long.MIN_VALUE);

		assertThat(match.matched()).isTrue();
		assertThat(match.step()).isEqualTo(time / 30);
	}

	@Test
	void matchWhenCodeIsOneStepEarlierOrLaterThenMatchesThatStep() {
		Instant now = Instant.ofEpochSecond(1111111111);
		long step = TotpCodes.stepAt(now);

		assertThat(codes.match(RFC_SECRET, codeAt(step - 1), now, Long.MIN_VALUE).step()).isEqualTo(step - 1);
		assertThat(codes.match(RFC_SECRET, codeAt(step + 1), now, Long.MIN_VALUE).step()).isEqualTo(step + 1);
	}

	@Test
	void matchWhenCodeIsTwoStepsAwayThenNoMatch() {
		Instant now = Instant.ofEpochSecond(1111111111);
		long step = TotpCodes.stepAt(now);

		assertThat(codes.match(RFC_SECRET, codeAt(step - 2), now, Long.MIN_VALUE).matched()).isFalse();
		assertThat(codes.match(RFC_SECRET, codeAt(step + 2), now, Long.MIN_VALUE).matched()).isFalse();
	}

	@Test
	void matchWhenStepWasAcceptedAlreadyThenMatchesButIsNotNewer() {
		Instant now = Instant.ofEpochSecond(1111111111);
		long step = TotpCodes.stepAt(now);

		TotpCodes.Match match = codes.match(RFC_SECRET, codeAt(step), now, step);

		assertThat(match.matched()).isTrue();
		assertThat(match.isNewerThan(step)).isFalse();
	}

	@Test
	void matchWhenCodeIsNotSixDigitsThenNoMatch() {
		Instant now = Instant.ofEpochSecond(59);

		assertThat(codes.match(RFC_SECRET, "94287082", now, Long.MIN_VALUE).matched()).isFalse();
		assertThat(codes.match(RFC_SECRET, "", now, Long.MIN_VALUE).matched()).isFalse();
	}

	private static String codeAt(long step) {
		return TotpTesting.code(RFC_SECRET, Instant.ofEpochSecond(step * 30));
	}

}
