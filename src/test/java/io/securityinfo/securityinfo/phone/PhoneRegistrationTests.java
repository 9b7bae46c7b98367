package io.securityinfo.securityinfo.phone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.securityinfo.securityinfo.Confirmation;
import io.securityinfo.securityinfo.MethodAlreadyRegisteredException;
import io.securityinfo.securityinfo.MethodMode;
import io.securityinfo.securityinfo.SecurityInfo;
import io.securityinfo.AppTest;
import io.securityinfo.phone.PhoneNumber;
import io.securityinfo.AppFixture;
import io.securityinfo.AtOnce;
import io.securityinfo.verification.ChallengeView;
import io.securityinfo.verification.Channel;

@AppTest
class PhoneRegistrationTests extends AppFixture {

	private static final AtomicInteger numbers = new AtomicInteger();

	@Autowired
	PhoneRegistration registration;

	@Autowired
	SecurityInfo securityInfo;

	@Autowired
	PhoneMethodType phone;

	long account;

	String number;

	@BeforeEach
	void newAccountAndNumber() {
		account = newEmployee().id();
		number = nextNumber();
	}

	@Test
	void confirmWhenCodeIsRightThenExactlyOnePhoneIsStoredAsDefault() {
		ChallengeView challenge = sendPhoneCode(number, PhoneModes.CALL);

		Confirmation confirmation = registration.confirm(account, challenge.id(),
				sms.lastCodeTo(number));

		assertThat(confirmation.registered()).isTrue();
		assertThat(challenge.channel()).isEqualTo(Channel.VOICE);
		assertThat(storedPhones()).containsExactly(new StoredPhone(number, "CALL"));
	}

	@Test
	void confirmWhenSameChallengeIsSubmittedTwiceThenStillRegisteredAndStoredOnce() {
		ChallengeView challenge = sendPhoneCode(number, PhoneModes.TEXT);
		String code = sms.lastCodeTo(number);

		assertThat(registration.confirm(account, challenge.id(), code).registered()).isTrue();
		assertThat(registration.confirm(account, challenge.id(), code).registered()).isTrue();

		assertThat(storedPhones()).containsExactly(new StoredPhone(number, "TEXT"));
		assertThat(auditActions()).containsOnlyOnce("METHOD_ADDED");
	}

	@Test
	void confirmWhenTwoRequestsConfirmTheSameChallengeAtOnceThenOnePhoneIsStoredAndBothAnswerRegistered()
			throws Exception {
		// A code checked earlier, so that only the challenge itself is contended.
		String earlierNumber = nextNumber();
		ChallengeView earlier = sendPhoneCode(earlierNumber, PhoneModes.TEXT);
		registration.confirm(account, earlier.id(), wrongCode(sms.lastCodeTo(earlierNumber)));
		ChallengeView challenge = sendPhoneCode(number, PhoneModes.TEXT);

		List<Boolean> registered = confirmAtOnce(2, challenge.id(), sms.lastCodeTo(number));

		assertThat(registered).containsExactly(true, true);
		assertThat(storedPhones()).containsExactly(new StoredPhone(number, "TEXT"));
		assertThat(auditActions()).containsOnlyOnce("METHOD_ADDED", "CODE_VERIFIED");
	}

	@Test
	void confirmWhenFirstCodeOfAnAccountIsSubmittedSeveralTimesAtOnceThenEveryRequestAnswersRegistered()
			throws Exception {
		ChallengeView challenge = sendPhoneCode(number, PhoneModes.TEXT);

		List<Boolean> registered = confirmAtOnce(4, challenge.id(), sms.lastCodeTo(number));

		assertThat(registered).containsOnly(true).hasSize(4);
		assertThat(storedPhones()).containsExactly(new StoredPhone(number, "TEXT"));
	}

	@Test
	void confirmWhenCodeIsWrongThenNothingIsStoredAndTriesLeftAreTold() {
		ChallengeView challenge = sendPhoneCode(number, PhoneModes.TEXT);
		String wrong = wrongCode(sms.lastCodeTo(number));

		Confirmation confirmation = registration.confirm(account, challenge.id(), wrong);

		assertThat(confirmation.registered()).isFalse();
		assertThat(confirmation.errorKey()).isEqualTo("code.wrong");
		assertThat(confirmation.errorArgs()).containsExactly(4);
		assertThat(storedPhones()).isEmpty();
	}

	@Test
	void confirmWhenChallengeHasExpiredThenNothingIsStored() {
		ChallengeView challenge = sendPhoneCode(number, PhoneModes.TEXT);
		clock.advance(Duration.ofMinutes(10));

		Confirmation confirmation = registration.confirm(account, challenge.id(),
				sms.lastCodeTo(number));

		assertThat(confirmation.registered()).isFalse();
		assertThat(confirmation.errorKey()).isEqualTo("code.expired");
		assertThat(storedPhones()).isEmpty();
	}

	@Test
	void sendCodeWhenPhoneIsRegisteredThenRefusedAndNothingIsSent() {
		ChallengeView challenge = sendPhoneCode(number, PhoneModes.TEXT);
		registration.confirm(account, challenge.id(), sms.lastCodeTo(number));
		String anotherNumber = nextNumber();

		assertThatExceptionOfType(MethodAlreadyRegisteredException.class)
			.isThrownBy(() -> sendPhoneCode(anotherNumber, PhoneModes.CALL));

		assertThat(sms.sent()).noneMatch(sent -> sent.to().equals(anotherNumber));
		assertThat(jdbc.queryForObject("select count(*) from verification_challenge where account_id = ?",
				Integer.class, account))
			.isEqualTo(1);
	}

	@Test
	void confirmWhenAnotherPhoneWasAddedMeanwhileThenSecondNumberIsNotStored() {
		ChallengeView first = sendPhoneCode(number, PhoneModes.TEXT);
		String firstCode = sms.lastCodeTo(number);
		String secondNumber = nextNumber();
		ChallengeView second = sendPhoneCode(secondNumber, PhoneModes.TEXT);
		assertThat(registration.confirm(account, first.id(), firstCode).registered()).isTrue();

		Confirmation confirmation = registration.confirm(account, second.id(),
				sms.lastCodeTo(secondNumber));

		assertThat(confirmation.registered()).isFalse();
		assertThat(confirmation.errorKey()).isEqualTo("phone.already-registered");
		assertThat(storedPhones()).containsExactly(new StoredPhone(number, "TEXT"));
	}

	@Test
	void confirmWhenPhoneWasDeletedThenTheUsedChallengeCannotAddItAgain() {
		ChallengeView challenge = sendPhoneCode(number, PhoneModes.TEXT);
		String code = sms.lastCodeTo(number);
		registration.confirm(account, challenge.id(), code);
		securityInfo.delete(account, securityInfo.overview(account).methods().get(0).id());

		Confirmation replay = registration.confirm(account, challenge.id(), code);

		assertThat(replay.registered()).isFalse();
		assertThat(replay.errorKey()).isEqualTo("code.already-used");
		assertThat(storedPhones()).isEmpty();
	}

	/** Requests with the same code, released together; each answers whether the phone is registered. */
	private List<Boolean> confirmAtOnce(int requests, String challengeId, String code) throws Exception {
		Callable<Boolean> confirm = () -> registration.confirm(account, challengeId, code).registered();
		return AtOnce.call(requests, Collections.nCopies(requests, confirm));
	}

	/** Asks for a code to add this number as the phone. */
	private ChallengeView sendPhoneCode(String e164, MethodMode mode) {
		return registration.sendCode(account, phone, new PhoneNumber(e164, "NL", null), mode, false);
	}

	private static String nextNumber() {
		return "+31656%06d".formatted(numbers.incrementAndGet());
	}

	private List<StoredPhone> storedPhones() {
		return jdbc.query("select detail, default_mode from security_method where account_id = ? and type = 'PHONE'",
				(row, index) -> new StoredPhone(row.getString("detail"), row.getString("default_mode")), account);
	}

	private List<String> auditActions() {
		return jdbc.queryForList("select action from audit_event where subject_account_id = ? order by id",
				String.class, account);
	}

	private record StoredPhone(String detail, String defaultMode) {
	}

}
