package io.securityinfo.totp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import org.apache.commons.codec.binary.Base32;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.securityinfo.AppFixture;
import io.securityinfo.AppTest;
import io.securityinfo.account.SignedInUser;
import io.securityinfo.securityinfo.SecurityInfo;
import io.securityinfo.system.TestClock;
import io.securityinfo.securityinfo.app.AuthenticatorAppMethodType;

/**
 * Setting up an app and checking its codes, against the database and the shared {@link TestClock}: the codes
 * are made as the person's app makes them, by the library, at the clock's time.
 */
@AppTest
class AuthenticatorAppsTests extends AppFixture {

	@Autowired
	AuthenticatorApps apps;

	@Autowired
	SecretCipher cipher;

	@Autowired
	SecurityInfo securityInfo;

	SignedInUser person;

	@BeforeEach
	void newPerson() {
		person = newEmployee();
	}

	@Test
	void startThenA160BitSecretInBase32ThatTheDatabaseHoldsOnlyEncrypted() {
		EnrolmentView enrolment = apps.start(person.id());

		byte[] secret = new Base32().decode(enrolment.secret());
		byte[] stored = jdbc.queryForObject("select encrypted_secret from authenticator_enrolment where id = ?",
				byte[].class, enrolment.id());
		assertThat(enrolment.state()).isEqualTo(EnrolmentView.State.OPEN);
		assertThat(enrolment.secret()).hasSize(32).matches("[A-Z2-7]+");
		assertThat(enrolment.secretInGroups()).matches("([A-Z2-7]{4} ){7}[A-Z2-7]{4}");
		assertThat(secret).hasSize(20);
		assertThat(latin1(stored)).doesNotContain(latin1(secret))
			.doesNotContain(enrolment.secret())
			.doesNotContain(enrolment.secret().toLowerCase());
		assertThat(cipher.decrypt(stored, person.id())).isEqualTo(secret);
	}

	@Test
	void startWhenAnUnfinishedSetUpExistsThenItIsReplacedByTheNewOne() {
		EnrolmentView first = apps.start(person.id());

		EnrolmentView second = apps.start(person.id());

		assertThat(second.secret()).isNotEqualTo(first.secret());
		assertThatExceptionOfType(EnrolmentNotFoundException.class).isThrownBy(() -> apps.get(person.id(), first.id()));
		assertThat(apps.get(person.id(), second.id()).state()).isEqualTo(EnrolmentView.State.OPEN);
	}

	@Test
	void confirmWhenClockIsAtTheFirstInstantOfAStepThenCodesOfTheStepsEitherSideWorkButNotTwoAway() {
		Instant stepStart = moveClockToNextStepStart();

		assertThat(confirmWithCodeAt(stepStart.minusSeconds(30))).isInstanceOf(EnrolmentResult.Confirmed.class);
		assertThat(confirmWithCodeAt(stepStart)).isInstanceOf(EnrolmentResult.Confirmed.class);
		assertThat(confirmWithCodeAt(stepStart.plusSeconds(30))).isInstanceOf(EnrolmentResult.Confirmed.class);
		assertThat(confirmWithCodeAt(stepStart.minusSeconds(31))).isInstanceOf(EnrolmentResult.Wrong.class);
		assertThat(confirmWithCodeAt(stepStart.plusSeconds(60))).isInstanceOf(EnrolmentResult.Wrong.class);
	}

	@Test
	void confirmWhenClockIsAtTheLastSecondOfAStepThenTheNextStepsCodeWorksButNotTheOneAfter() {
		Instant stepStart = moveClockToNextStepStart();
		clock.advance(Duration.ofSeconds(29));

		assertThat(confirmWithCodeAt(stepStart.plusSeconds(30))).isInstanceOf(EnrolmentResult.Confirmed.class);
		assertThat(confirmWithCodeAt(stepStart.minusSeconds(30))).isInstanceOf(EnrolmentResult.Confirmed.class);
		assertThat(confirmWithCodeAt(stepStart.plusSeconds(60))).isInstanceOf(EnrolmentResult.Wrong.class);
	}

	@Test
	void confirmWhenRightThenConfirmedOnceAndAudited() {
		EnrolmentView enrolment = apps.start(person.id());
		String code = TotpTesting.code(enrolment.secret(), clock.instant());

		assertThat(apps.confirm(person.id(), enrolment.id(), code)).isInstanceOf(EnrolmentResult.Confirmed.class);
		assertThat(apps.confirm(person.id(), enrolment.id(), code))
			.isInstanceOf(EnrolmentResult.AlreadyConfirmed.class);

		assertThat(apps.get(person.id(), enrolment.id())).returns(EnrolmentView.State.CONFIRMED, EnrolmentView::state)
			.returns(null, EnrolmentView::secret);
		assertThat(auditActions()).containsExactly("CODE_VERIFIED");
	}

	@Test
	void confirmWhenCodeIsTypedAsTheAppShowsItWithASpaceThenConfirmed() {
		EnrolmentView enrolment = apps.start(person.id());
		String code = TotpTesting.code(enrolment.secret(), clock.instant());

		assertThat(apps.confirm(person.id(), enrolment.id(), code.substring(0, 3) + " " + code.substring(3)))
			.isInstanceOf(EnrolmentResult.Confirmed.class);
	}

	@Test
	void confirmWhenFiveWrongCodesThenTheSetUpEndsAndEvenTheRightCodeIsRefused() {
		EnrolmentView enrolment = apps.start(person.id());
		String right = TotpTesting.code(enrolment.secret(), clock.instant());
		String wrong = TotpTesting.wrong(right);

		assertThat(apps.confirm(person.id(), enrolment.id(), wrong)).isEqualTo(new EnrolmentResult.Wrong(4));
		assertThat(apps.confirm(person.id(), enrolment.id(), wrong)).isEqualTo(new EnrolmentResult.Wrong(3));
		assertThat(apps.confirm(person.id(), enrolment.id(), wrong)).isEqualTo(new EnrolmentResult.Wrong(2));
		assertThat(apps.confirm(person.id(), enrolment.id(), wrong)).isEqualTo(new EnrolmentResult.Wrong(1));
		assertThat(apps.confirm(person.id(), enrolment.id(), wrong)).isInstanceOf(EnrolmentResult.Ended.class);
		assertThat(apps.confirm(person.id(), enrolment.id(), right)).isInstanceOf(EnrolmentResult.Ended.class);

		assertThat(apps.get(person.id(), enrolment.id()).state()).isEqualTo(EnrolmentView.State.ENDED);
		assertThat(jdbc.queryForObject("select wrong_attempts from authenticator_enrolment where id = ?",
				Integer.class, enrolment.id()))
			.isEqualTo(5);
		assertThat(auditActions()).containsExactly("CODE_FAILED", "CODE_FAILED", "CODE_FAILED", "CODE_FAILED",
				"CODE_FAILED", "AUTHENTICATOR_APP_SETUP_ENDED");
	}

	@Test
	void confirmWhenTheSetUpsLifetimeHasPassedThenExpiredAndNothingIsCounted() {
		EnrolmentView enrolment = apps.start(person.id());
		clock.advance(Duration.ofMinutes(15));

		assertThat(apps.confirm(person.id(), enrolment.id(),
				TotpTesting.code(enrolment.secret(), clock.instant())))
			.isInstanceOf(EnrolmentResult.Expired.class);

		assertThat(apps.get(person.id(), enrolment.id())).returns(EnrolmentView.State.EXPIRED, EnrolmentView::state)
			.returns(null, EnrolmentView::secret);
		assertThat(auditActions()).isEmpty();
	}

	@Test
	void setUpWhenItIsAnotherPersonsThenNotFoundAndNothingIsCounted() {
		EnrolmentView enrolment = apps.start(person.id());
		SignedInUser other = newEmployee();
		String code = TotpTesting.code(enrolment.secret(), clock.instant());

		assertThatExceptionOfType(EnrolmentNotFoundException.class)
			.isThrownBy(() -> apps.get(other.id(), enrolment.id()));
		assertThatExceptionOfType(EnrolmentNotFoundException.class)
			.isThrownBy(() -> apps.confirm(other.id(), enrolment.id(), code));
		assertThatExceptionOfType(EnrolmentNotFoundException.class)
			.isThrownBy(() -> apps.qrCode(other.id(), enrolment.id(), other.email()));

		assertThat(apps.get(person.id(), enrolment.id()).state()).isEqualTo(EnrolmentView.State.OPEN);
	}

	@Test
	void qrCodeThenAPngOfTheKeyUriThatAppsRead() throws Exception {
		EnrolmentView enrolment = apps.start(person.id());

		byte[] png = apps.qrCode(person.id(), enrolment.id(), "alice@example.com");

		assertThat(decodeQrCode(png)).isEqualTo("otpauth://totp/Security%20info:alice%40example.com?secret="
				+ enrolment.secret() + "&issuer=Security%20info&algorithm=SHA1&digits=6&period=30");
	}

	@Test
	void keepThenTheSecretMovesToTheRegisteredAppAndTheSetUpKeepsNoCopy() {
		EnrolmentView enrolment = apps.start(person.id());
		long methodId = registerAppWith(enrolment);

		byte[] kept = jdbc.queryForObject("select encrypted_secret from authenticator_app where method_id = ?",
				byte[].class, methodId);
		assertThat(cipher.decrypt(kept, person.id())).isEqualTo(new Base32().decode(enrolment.secret()));
		assertThat(latin1(kept)).doesNotContain(enrolment.secret());
		assertThat(jdbc.queryForObject("select encrypted_secret from authenticator_enrolment where id = ?",
				byte[].class, enrolment.id()))
			.isEmpty();
		assertThatExceptionOfType(IllegalStateException.class)
			.isThrownBy(() -> apps.keep(person.id(), enrolment.id(), methodId));
	}

	@Test
	void verifyWhenTheCodeThatConfirmedTheSetUpComesAgainThenRefusedAsAlreadyUsed() {
		EnrolmentView enrolment = apps.start(person.id());
		String code = TotpTesting.code(enrolment.secret(), clock.instant());
		long methodId = registerAppWith(enrolment, code);

		assertThat(apps.verify(person.id(), methodId, code)).isEqualTo(AppCodeCheck.ALREADY_USED);
	}

	@Test
	void verifyWhenANewCodeThenAcceptedOnceOnlyAndEarlierCodesNoLonger() {
		EnrolmentView enrolment = apps.start(person.id());
		String setUpCode = TotpTesting.code(enrolment.secret(), clock.instant());
		long methodId = registerAppWith(enrolment, setUpCode);
		clock.advance(Duration.ofSeconds(30));
		String next = TotpTesting.code(enrolment.secret(), clock.instant());

		assertThat(apps.verify(person.id(), methodId, next)).isEqualTo(AppCodeCheck.ACCEPTED);
		assertThat(apps.verify(person.id(), methodId, next)).isEqualTo(AppCodeCheck.ALREADY_USED);
		assertThat(apps.verify(person.id(), methodId, setUpCode)).isEqualTo(AppCodeCheck.ALREADY_USED);

		assertThat(jdbc.queryForObject("select last_accepted_step from authenticator_app where method_id = ?",
				Long.class, methodId))
			.isEqualTo(TotpCodes.stepAt(clock.instant()));
		assertThat(jdbc.queryForObject("select consecutive_failures from authenticator_app where method_id = ?",
				Integer.class, methodId))
			.isZero();
	}

	@Test
	void verifyWhenFiveWrongCodesInARowThenLockedForFifteenMinutesEvenForTheRightCode() {
		EnrolmentView enrolment = apps.start(person.id());
		long methodId = registerAppWith(enrolment);
		clock.advance(Duration.ofSeconds(30));
		String right = TotpTesting.code(enrolment.secret(), clock.instant());
		String wrong = TotpTesting.wrong(right);

		for (int attempt = 1; attempt < 5; attempt++) {
			assertThat(apps.verify(person.id(), methodId, wrong)).isEqualTo(AppCodeCheck.WRONG);
		}
		assertThat(apps.verify(person.id(), methodId, wrong)).isEqualTo(AppCodeCheck.LOCKED_OUT);
		assertThat(apps.verify(person.id(), methodId, right)).isEqualTo(AppCodeCheck.LOCKED_OUT);
		clock.advance(Duration.ofMinutes(15));

		assertThat(apps.verify(person.id(), methodId, TotpTesting.code(enrolment.secret(), clock.instant())))
			.isEqualTo(AppCodeCheck.ACCEPTED);
		assertThat(auditActions()).endsWith("CODE_FAILED", "VERIFICATION_LOCKED_OUT", "CODE_VERIFIED");
	}

	@Test
	void verifyWhenAHundredWrongCodesAcrossLocksThenDisabledEvenForTheRightCodeUntilSetUpAgain() {
		EnrolmentView enrolment = apps.start(person.id());
		long methodId = registerAppWith(enrolment);

		List<AppCodeCheck> lastOfEachRound = wrongCodesInRoundsOfFive(methodId, enrolment.secret(), 20);

		assertThat(lastOfEachRound.subList(0, 19)).containsOnly(AppCodeCheck.LOCKED_OUT);
		assertThat(lastOfEachRound.get(19)).isEqualTo(AppCodeCheck.DISABLED);
		clock.advance(Duration.ofDays(1));
		assertThat(apps.verify(person.id(), methodId, TotpTesting.code(enrolment.secret(), clock.instant())))
			.isEqualTo(AppCodeCheck.DISABLED);
		assertThat(jdbc.queryForObject("""
				select count(*) from audit_event where subject_account_id = ? and action = 'AUTHENTICATOR_APP_DISABLED'
				""", Integer.class, person.id())).isEqualTo(1);
		assertThat(jdbc.queryForObject("""
				select count(*) from audit_event where subject_account_id = ? and action = 'CODE_FAILED'""",
				Integer.class, person.id())).isEqualTo(100);

		EnrolmentView again = apps.start(person.id());
		assertThat(apps.confirm(person.id(), again.id(), TotpTesting.code(again.secret(), clock.instant())))
			.isInstanceOf(EnrolmentResult.Confirmed.class);
		apps.keep(person.id(), again.id(), methodId);
		clock.advance(Duration.ofSeconds(30));
		assertThat(apps.verify(person.id(), methodId, TotpTesting.code(again.secret(), clock.instant())))
			.isEqualTo(AppCodeCheck.ACCEPTED);
	}

	@Test
	void verifyWhenTheRightCodeComesBeforeTheHundredthWrongOneThenTheCountStartsOver() {
		EnrolmentView enrolment = apps.start(person.id());
		long methodId = registerAppWith(enrolment);
		wrongCodesInRoundsOfFive(methodId, enrolment.secret(), 19);
		clock.advance(Duration.ofMinutes(15));

		assertThat(apps.verify(person.id(), methodId, TotpTesting.code(enrolment.secret(), clock.instant())))
			.isEqualTo(AppCodeCheck.ACCEPTED);
		assertThat(wrongCodesInRoundsOfFive(methodId, enrolment.secret(), 1)).containsExactly(AppCodeCheck.LOCKED_OUT);
	}

	/**
	 * Rounds of five wrong codes, each round once the lock of the one before has passed; answers the answer to the
	 * last code of each round.
	 */
	private List<AppCodeCheck> wrongCodesInRoundsOfFive(long methodId, String secret, int rounds) {
		List<AppCodeCheck> lastOfEachRound = new java.util.ArrayList<>();
		for (int round = 0; round < rounds; round++) {
			clock.advance(Duration.ofMinutes(15));
			String wrong = TotpTesting.wrong(TotpTesting.code(secret, clock.instant()));
			for (int attempt = 1; attempt < 5; attempt++) {
				assertThat(apps.verify(person.id(), methodId, wrong)).isEqualTo(AppCodeCheck.WRONG);
			}
			lastOfEachRound.add(apps.verify(person.id(), methodId, wrong));
		}
		return lastOfEachRound;
	}

	@Test
	void deleteTheMethodThenItsSecretIsDeletedWithIt() {
		long methodId = registerAppWith(apps.start(person.id()));

		securityInfo.delete(person.id(), methodId);

		assertThat(jdbc.queryForObject("select count(*) from authenticator_app where method_id = ?", Long.class,
				methodId))
			.isZero();
	}

	/** Starts a set-up and confirms it with the code of {@code codeTime}, as the app would show it then. */
	private EnrolmentResult confirmWithCodeAt(Instant codeTime) {
		EnrolmentView enrolment = apps.start(person.id());
		return apps.confirm(person.id(), enrolment.id(), TotpTesting.code(enrolment.secret(), codeTime));
	}

	private long registerAppWith(EnrolmentView enrolment) {
		return registerAppWith(enrolment, TotpTesting.code(enrolment.secret(), clock.instant()));
	}

	/** What the Security info pages do once the code is right: register the method, keep the secret with it. */
	private long registerAppWith(EnrolmentView enrolment, String code) {
		assertThat(apps.confirm(person.id(), enrolment.id(), code)).isInstanceOf(EnrolmentResult.Confirmed.class);
		long methodId = securityInfo.register(person.id(), "AUTHENTICATOR_APP", "TOTP", AuthenticatorAppMethodType.APP_CODE).id();
		apps.keep(person.id(), enrolment.id(), methodId);
		return methodId;
	}

	/** The shared clock only moves forward: to the first instant of the next time step. */
	private Instant moveClockToNextStepStart() {
		Instant now = clock.instant();
		Instant next = Instant.ofEpochSecond((TotpCodes.stepAt(now) + 1) * 30);
		clock.advance(Duration.between(now, next));
		return next;
	}

	private List<String> auditActions() {
		return jdbc.queryForList("""
				select action from audit_event where subject_account_id = ?
				  and action in ('CODE_VERIFIED', 'CODE_FAILED', 'AUTHENTICATOR_APP_SETUP_ENDED',
				  'VERIFICATION_LOCKED_OUT') order by id""", String.class, person.id());
	}

	private static String latin1(byte[] bytes) {
		return new String(bytes, StandardCharsets.ISO_8859_1);
	}

	private static String decodeQrCode(byte[] png) throws Exception {
		BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
		int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
		RGBLuminanceSource source = new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels);
		// A generated image, not a photo: ZXing reads it as a pure barcode. Without the hint its finder-pattern search
		// missed now and then, depending on the random secret's pattern.
		return new QRCodeReader()
			.decode(new BinaryBitmap(new HybridBinarizer(source)), Map.of(DecodeHintType.PURE_BARCODE, Boolean.TRUE))
			.getText();
	}

}
