package io.securityinfo.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;

import io.securityinfo.AppTest;
import io.securityinfo.AtOnce;
import io.securityinfo.sms.CapturingSmsGateway.Kind;
import io.securityinfo.sms.CapturingSmsGateway.Sent;
import io.securityinfo.sms.DeliveryStatus;
import io.securityinfo.sms.SmsDeliveryException;
import io.securityinfo.sms.TextDeliveryReported;

@AppTest
class VerificationCodesTests extends VerificationCodesFixture {

	/** Numbers of this class only: the per-number limit counts every account's sends in the shared database. */
	private static final AtomicInteger numbers = new AtomicInteger();

	@Autowired
	ApplicationEventPublisher events;

	@Test
	void startWhenChannelIsSmsThenTextCarriesCodeAndOriginBoundLine() {
		String number = nextNumber();

		ChallengeView challenge = codes.start(account, Channel.SMS, number);

		List<Sent> sent = sentTo(number);
		assertThat(sent).singleElement().extracting(Sent::kind).isEqualTo(Kind.TEXT);
		String code = sms.lastCodeTo(number);
		assertThat(code).matches("\\d{6}");
		assertThat(sent.get(0).text()).isEqualTo("Your Security info verification code is " + code
				+ ". Don't share it with anyone.\n\n@localhost #" + code);
		assertThat(challenge.destination()).isEqualTo(number);
		assertThat(challenge.channel()).isEqualTo(Channel.SMS);
		assertThat(challenge.verified()).isFalse();
		assertThat(challenge.expiresAt()).isEqualTo(clock.instant().plus(Duration.ofMinutes(10)));
	}

	@Test
	void startWhenChannelIsVoiceThenCallReadsTheDigitsOneByOneTwice() {
		String number = nextNumber();

		ChallengeView challenge = codes.start(account, Channel.VOICE, number);

		List<Sent> sent = sentTo(number);
		assertThat(sent).singleElement().extracting(Sent::kind).isEqualTo(Kind.CALL);
		assertThat(sent.get(0).text()).matches("Your Security info verification code is "
				+ "(\\d, \\d, \\d, \\d, \\d, \\d)\\. Again, your code is \\1\\.");
		assertThat(codes.check(account, challenge.id(), sms.lastCodeTo(number)))
			.isEqualTo(new CheckResult.Verified(number, Channel.VOICE));
	}

	@Test
	void checkWhenCodeIsRightThenVerifiedOnceAndAlreadyVerifiedAfterwards() {
		String number = nextNumber();
		ChallengeView challenge = codes.start(account, Channel.SMS, number);
		String code = sms.lastCodeTo(number);

		assertThat(codes.check(account, challenge.id(), code)).isEqualTo(new CheckResult.Verified(number, Channel.SMS));
		assertThat(codes.check(account, challenge.id(), code))
			.isEqualTo(new CheckResult.AlreadyVerified(number, Channel.SMS));

		assertThat(challengeStatus(challenge.id())).isEqualTo("VERIFIED");
		assertThat(codes.get(account, challenge.id()).verified()).isTrue();
	}

	@Test
	void checkWhenCodeHasSurroundingSpacesThenItIsStillRight() {
		String number = nextNumber();
		ChallengeView challenge = codes.start(account, Channel.VOICE, number);

		assertThat(codes.check(account, challenge.id(), " " + sms.lastCodeTo(number) + " "))
			.isEqualTo(new CheckResult.Verified(number, Channel.VOICE));
	}

	@Test
	void checkWhenCodeIsWrongThenAttemptsLeftCountDown() {
		String number = nextNumber();
		ChallengeView challenge = codes.start(account, Channel.SMS, number);
		String wrong = wrongCode(sms.lastCodeTo(number));

		assertThat(codes.check(account, challenge.id(), wrong)).isEqualTo(new CheckResult.Wrong(4));
		assertThat(codes.check(account, challenge.id(), wrong)).isEqualTo(new CheckResult.Wrong(3));
		assertThat(wrongAttempts(challenge.id())).isEqualTo(2);
		assertThat(challengeStatus(challenge.id())).isEqualTo("OPEN");
	}

	@Test
	void checkWhenCodeIsWrongFiveTimesThenChallengeIsExhaustedAndRightCodeIsRefused() {
		String number = nextNumber();
		ChallengeView challenge = codes.start(account, Channel.SMS, number);
		String code = sms.lastCodeTo(number);
		String wrong = wrongCode(code);

		for (int attemptsLeft = 4; attemptsLeft >= 1; attemptsLeft--) {
			assertThat(codes.check(account, challenge.id(), wrong)).isEqualTo(new CheckResult.Wrong(attemptsLeft));
		}
		assertThat(codes.check(account, challenge.id(), wrong)).isEqualTo(new CheckResult.Exhausted());
		assertThat(codes.check(account, challenge.id(), code)).isEqualTo(new CheckResult.Exhausted());

		assertThat(challengeStatus(challenge.id())).isEqualTo("EXHAUSTED");
		assertThat(wrongAttempts(challenge.id())).isEqualTo(5);
		assertRefused(Refusal.CHALLENGE_CLOSED, () -> codes.resend(account, challenge.id()));
	}

	@Test
	void checkWhenCodeBelongsToAnotherChallengeThenItIsWrong() {
		String number = nextNumber();
		ChallengeView first = codes.start(account, Channel.SMS, number);
		String firstCode = sms.lastCodeTo(number);
		String otherNumber = nextNumber();
		ChallengeView second = codes.start(account, Channel.SMS, otherNumber);
		String secondCode = sms.lastCodeTo(otherNumber);
		assertThat(firstCode).as("the two codes happen to be equal; run again").isNotEqualTo(secondCode);

		assertThat(codes.check(account, second.id(), firstCode)).isEqualTo(new CheckResult.Wrong(4));
		assertThat(codes.check(account, first.id(), firstCode)).isInstanceOf(CheckResult.Verified.class);
	}

	@Test
	void checkWhenTenMinutesHavePassedThenChallengeIsExpired() {
		String number = nextNumber();
		ChallengeView challenge = codes.start(account, Channel.SMS, number);
		String code = sms.lastCodeTo(number);

		clock.advance(Duration.ofMinutes(10).minusSeconds(1));
		assertThat(codes.check(account, challenge.id(), wrongCode(code))).isEqualTo(new CheckResult.Wrong(4));

		clock.advance(Duration.ofSeconds(1));
		assertThat(codes.check(account, challenge.id(), code)).isEqualTo(new CheckResult.Expired());
		assertThat(challengeStatus(challenge.id())).isEqualTo("OPEN");
		assertRefused(Refusal.CHALLENGE_CLOSED, () -> codes.resend(account, challenge.id()));
	}

	@Test
	void resendWhenLessThanThirtySecondsHavePassedThenRefusedWithSecondsToWaitAndNothingSent() {
		String number = nextNumber();
		ChallengeView challenge = codes.start(account, Channel.SMS, number);

		clock.advance(Duration.ofMillis(10_500));

		assertThatExceptionOfType(VerificationRefusedException.class)
			.isThrownBy(() -> codes.resend(account, challenge.id()))
			.satisfies(refused -> {
				assertThat(refused.refusal()).isEqualTo(Refusal.COOLDOWN);
				assertThat(refused.secondsToWait()).isEqualTo(20);
			});
		assertThat(sentTo(number)).hasSize(1);
		assertThat(codeRows(challenge.id())).isEqualTo(1);
	}

	@Test
	void resendWhenThirtySecondsHavePassedThenFirstCodeStillWorks() {
		String number = nextNumber();
		ChallengeView challenge = codes.start(account, Channel.SMS, number);
		String firstCode = sms.lastCodeTo(number);

		clock.advance(Duration.ofSeconds(30));
		codes.resend(account, challenge.id());

		assertThat(sentTo(number)).hasSize(2);
		assertThat(codeRows(challenge.id())).isEqualTo(2);
		assertThat(codes.check(account, challenge.id(), firstCode))
			.isEqualTo(new CheckResult.Verified(number, Channel.SMS));
	}

	@Test
	void resendWhenThirtySecondsHavePassedThenResentCodeWorks() {
		String number = nextNumber();
		ChallengeView challenge = codes.start(account, Channel.VOICE, number);

		clock.advance(Duration.ofSeconds(30));
		codes.resend(account, challenge.id());

		assertThat(sentTo(number)).hasSize(2).allSatisfy(sent -> assertThat(sent.kind()).isEqualTo(Kind.CALL));
		assertThat(codes.check(account, challenge.id(), sms.lastCodeTo(number)))
			.isEqualTo(new CheckResult.Verified(number, Channel.VOICE));
	}

	@Test
	void resendWhenCodeIsResentThenChallengeLifetimeIsNotExtended() {
		String number = nextNumber();
		ChallengeView challenge = codes.start(account, Channel.SMS, number);

		clock.advance(Duration.ofMinutes(9));
		ChallengeView resent = codes.resend(account, challenge.id());
		String resentCode = sms.lastCodeTo(number);

		assertThat(resent.expiresAt()).isEqualTo(challenge.expiresAt());
		clock.advance(Duration.ofMinutes(1));
		assertThat(codes.check(account, challenge.id(), resentCode)).isEqualTo(new CheckResult.Expired());
	}

	@Test
	void startWhenNumberGotFiveCodesThisHourFromAnyAccountThenRefusedUntilTheHourHasPassed() {
		String number = nextNumber();
		long otherAccount = newAccountId();
		for (int i = 0; i < 3; i++) {
			codes.start(account, Channel.SMS, number);
		}
		codes.start(otherAccount, Channel.VOICE, number);
		codes.start(otherAccount, Channel.SMS, number);
		long thirdAccount = newAccountId();

		assertRefused(Refusal.NUMBER_LIMIT, () -> codes.start(thirdAccount, Channel.SMS, number));
		assertThat(sentTo(number)).hasSize(5);
		assertThat(challengeRows(thirdAccount)).isZero();

		clock.advance(Duration.ofHours(1).minusSeconds(1));
		assertRefused(Refusal.NUMBER_LIMIT, () -> codes.start(thirdAccount, Channel.SMS, number));

		clock.advance(Duration.ofSeconds(1));
		ChallengeView challenge = codes.start(thirdAccount, Channel.SMS, number);
		assertThat(codes.check(thirdAccount, challenge.id(), sms.lastCodeTo(number)))
			.isInstanceOf(CheckResult.Verified.class);
	}

	@Test
	void startWhenPersonGotTenCodesTodayOnAnyNumbersThenRefusedUntilTheDayHasPassed() {
		for (int i = 0; i < 10; i++) {
			codes.start(account, Channel.SMS, nextNumber());
		}
		String eleventh = nextNumber();

		assertRefused(Refusal.DAILY_LIMIT, () -> codes.start(account, Channel.SMS, eleventh));
		assertThat(sentTo(eleventh)).isEmpty();
		assertThat(challengeRows(account)).isEqualTo(10);
		assertThat(codes.start(newAccountId(), Channel.SMS, eleventh)).isNotNull();

		clock.advance(Duration.ofDays(1));
		assertThat(codes.start(account, Channel.SMS, nextNumber()).verified()).isFalse();
	}

	@Test
	void checkWhenTwentyCodesInARowAreWrongThenLockedOutAndNothingIsSentForAnHour() {
		failFifteenTimes();
		String otherNumber = nextNumber();
		ChallengeView fourth = codes.start(account, Channel.SMS, otherNumber);
		String fourthCode = sms.lastCodeTo(otherNumber);
		for (int attemptsLeft = 4; attemptsLeft >= 1; attemptsLeft--) {
			assertThat(codes.check(account, fourth.id(), wrongCode(fourthCode)))
				.isEqualTo(new CheckResult.Wrong(attemptsLeft));
		}
		ChallengeView fifth = codes.start(account, Channel.SMS, otherNumber);
		String fifthCode = sms.lastCodeTo(otherNumber);

		assertThat(codes.check(account, fifth.id(), wrongCode(fifthCode))).isEqualTo(new CheckResult.LockedOut());
		assertThat(codes.check(account, fifth.id(), fifthCode)).isEqualTo(new CheckResult.LockedOut());
		assertThat(challengeStatus(fifth.id())).isEqualTo("OPEN");
		assertThat(auditActions(account)).contains("VERIFICATION_LOCKED_OUT");

		String freshNumber = nextNumber();
		clock.advance(Duration.ofHours(1).minusSeconds(1));
		assertRefused(Refusal.LOCKED_OUT, () -> codes.start(account, Channel.SMS, freshNumber));
		assertRefused(Refusal.LOCKED_OUT, () -> codes.resend(account, fifth.id()));
		assertThat(sentTo(freshNumber)).isEmpty();

		clock.advance(Duration.ofSeconds(1));
		ChallengeView afterLockout = codes.start(account, Channel.SMS, freshNumber);
		assertThat(codes.check(account, afterLockout.id(), sms.lastCodeTo(freshNumber)))
			.isInstanceOf(CheckResult.Verified.class);
	}

	@Test
	void checkWhenRightCodeComesBetweenWrongCodesThenStreakStartsAgain() {
		failFifteenTimes();
		String otherNumber = nextNumber();
		ChallengeView fourth = codes.start(account, Channel.SMS, otherNumber);
		String fourthCode = sms.lastCodeTo(otherNumber);
		for (int i = 0; i < 4; i++) {
			codes.check(account, fourth.id(), wrongCode(fourthCode));
		}
		assertThat(codes.check(account, fourth.id(), fourthCode)).isInstanceOf(CheckResult.Verified.class);

		ChallengeView fifth = codes.start(account, Channel.SMS, otherNumber);

		assertThat(codes.check(account, fifth.id(), wrongCode(sms.lastCodeTo(otherNumber))))
			.isEqualTo(new CheckResult.Wrong(4));
		assertThat(auditActions(account)).doesNotContain("VERIFICATION_LOCKED_OUT");
	}

	@Test
	void checkWhenWrongCodesArriveAtOnceThenEveryOneCountsTowardsTheLockout() throws Exception {
		List<String> challengeIds = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			challengeIds.add(codes.start(account, Channel.SMS, nextNumber()).id());
		}
		// Sequentially first, so that the person's streak already has its row.
		codes.check(account, challengeIds.get(0), "not-a-code");
		List<Callable<CheckResult>> wrongCodes = new ArrayList<>();
		for (int i = 0; i < 12; i++) {
			String challengeId = challengeIds.get(i % challengeIds.size());
			wrongCodes.add(() -> codes.check(account, challengeId, "not-a-code"));
		}

		assertThat(AtOnce.call(8, wrongCodes))
			.allSatisfy(result -> assertThat(result).isInstanceOf(CheckResult.Wrong.class));

		assertThat(jdbc.queryForObject("select sum(wrong_attempts) from verification_challenge where account_id = ?",
				Integer.class, account))
			.isEqualTo(13);
		assertThat(jdbc.queryForObject("select consecutive_failures from verification_lockout where account_id = ?",
				Integer.class, account))
			.as("wrong codes in a row counted for the lockout")
			.isEqualTo(13);
	}

	@Test
	void checkWhenAPersonsFirstWrongCodesArriveAtOnceThenOneRowCountsThemAll() throws Exception {
		List<String> challengeIds = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			challengeIds.add(codes.start(account, Channel.SMS, nextNumber()).id());
		}
		List<Callable<CheckResult>> wrongCodes = challengeIds.stream()
			.<Callable<CheckResult>>map(challengeId -> () -> codes.check(account, challengeId, "not-a-code"))
			.toList();

		assertThat(AtOnce.call(challengeIds.size(), wrongCodes))
			.allSatisfy(result -> assertThat(result).isInstanceOf(CheckResult.Wrong.class));

		assertThat(jdbc.queryForObject("select consecutive_failures from verification_lockout where account_id = ?",
				Integer.class, account))
			.as("every racing first wrong code counted on the one row")
			.isEqualTo(challengeIds.size());
	}

	@Test
	void startWhenGatewayFailsThenRefusedAndNothingIsStored() {
		String number = nextNumber();
		sms.failNextWith(new SmsDeliveryException("Provider unreachable", "30003", null));

		assertRefused(Refusal.SEND_FAILED, () -> codes.start(account, Channel.SMS, number));

		assertThat(sentTo(number)).isEmpty();
		assertThat(challengeRows(account)).isZero();
		assertThat(jdbc.queryForObject("select count(*) from verification_code where account_id = ?", Integer.class,
				account))
			.isZero();
		assertThat(auditActions(account)).doesNotContain("CODE_SENT");
	}

	@Test
	void resendWhenGatewayFailsThenRefusedAndOnlyTheFirstCodeIsStored() {
		String number = nextNumber();
		ChallengeView challenge = codes.start(account, Channel.SMS, number);
		String firstCode = sms.lastCodeTo(number);
		clock.advance(Duration.ofSeconds(30));
		sms.failNextWith(new SmsDeliveryException("Provider unreachable", null, null));

		assertRefused(Refusal.SEND_FAILED, () -> codes.resend(account, challenge.id()));

		assertThat(codeRows(challenge.id())).isEqualTo(1);
		assertThat(codes.resend(account, challenge.id()).id()).isEqualTo(challenge.id());
		assertThat(codes.check(account, challenge.id(), firstCode)).isInstanceOf(CheckResult.Verified.class);
	}

	@Test
	void startWhenCodeIsSentThenOnlyItsKeyedHashIsStored() {
		String number = nextNumber();
		ChallengeView challenge = codes.start(account, Channel.SMS, number);
		String code = sms.lastCodeTo(number);

		List<String> hashes = jdbc.queryForList("select code_hash from verification_code where challenge_id = ?",
				String.class, challenge.id());

		assertThat(hashes).singleElement().asString().matches("[0-9a-f]{64}").doesNotContain(code);
		List<String> challengeRow = jdbc.queryForList("select * from verification_challenge where id = ?",
				challenge.id())
			.stream()
			.flatMap(row -> row.values().stream())
			.map(String::valueOf)
			.toList();
		assertThat(challengeRow).isNotEmpty().noneMatch(value -> value.contains(code));
	}

	@Test
	void checkWhenChallengeBelongsToAnotherAccountThenNotFoundAndUntouched() {
		String number = nextNumber();
		ChallengeView challenge = codes.start(account, Channel.SMS, number);
		String code = sms.lastCodeTo(number);
		long intruder = newAccountId();

		assertThatExceptionOfType(ChallengeNotFoundException.class)
			.isThrownBy(() -> codes.check(intruder, challenge.id(), code));
		assertThatExceptionOfType(ChallengeNotFoundException.class)
			.isThrownBy(() -> codes.check(intruder, challenge.id(), wrongCode(code)));
		clock.advance(Duration.ofSeconds(30));
		assertThatExceptionOfType(ChallengeNotFoundException.class)
			.isThrownBy(() -> codes.resend(intruder, challenge.id()));
		assertThatExceptionOfType(ChallengeNotFoundException.class)
			.isThrownBy(() -> codes.get(intruder, challenge.id()));
		assertThat(codes.find(intruder, challenge.id())).isEmpty();

		assertThat(challengeStatus(challenge.id())).isEqualTo("OPEN");
		assertThat(wrongAttempts(challenge.id())).isZero();
		assertThat(sentTo(number)).hasSize(1);
		assertThat(codes.check(account, challenge.id(), code)).isInstanceOf(CheckResult.Verified.class);
	}

	@Test
	void checkWhenCodesAreSentTypedWrongAndRightThenAuditLogHasThemWithoutCodeOrNumber() {
		String number = nextNumber();
		ChallengeView challenge = codes.start(account, Channel.SMS, number);
		String code = sms.lastCodeTo(number);
		String wrong = wrongCode(code);
		codes.check(account, challenge.id(), wrong);
		codes.check(account, challenge.id(), code);

		List<AuditRow> rows = auditRows(account, "method_mode || ' ' || target");

		assertThat(rows).extracting(AuditRow::action).containsExactly("CODE_SENT", "CODE_FAILED", "CODE_VERIFIED");
		String masked = "+XX XXXXXXX" + number.substring(number.length() - 2);
		assertThat(rows).allSatisfy(row -> assertThat(row.detail()).isEqualTo("TEXT " + masked)
			.doesNotContain(code)
			.doesNotContain(wrong)
			.doesNotContain(number.substring(3)));
		assertThat(jdbc.queryForList("select actor_account_id from audit_event where subject_account_id = ?",
				Long.class, account))
			.containsOnly(account);
	}

	@Test
	void startAndResendWhenCodesAreTextedThenEachCodeKeepsTheProviderMessageIdOfItsText() {
		String number = nextNumber();
		ChallengeView challenge = codes.start(account, Channel.SMS, number);
		String first = sms.lastMessageIdTo(number);
		clock.advance(Duration.ofSeconds(30));

		codes.resend(account, challenge.id());

		String second = sms.lastMessageIdTo(number);
		assertThat(second).isNotEqualTo(first);
		assertThat(providerMessageIds(challenge.id())).containsExactly(first, second);
	}

	@Test
	void startWhenCodeIsCalledThenNoProviderMessageIdIsKept() {
		String number = nextNumber();

		ChallengeView challenge = codes.start(account, Channel.VOICE, number);

		assertThat(providerMessageIds(challenge.id())).containsExactly((String) null);
	}

	@Test
	void getWhenProviderReportsTheLastTextUndeliveredThenTextUndeliveredUntilANewCodeIsSent() {
		String number = nextNumber();
		ChallengeView challenge = codes.start(account, Channel.SMS, number);
		assertThat(codes.get(account, challenge.id()).textUndelivered()).isFalse();

		events.publishEvent(
				new TextDeliveryReported(sms.lastMessageIdTo(number), DeliveryStatus.UNDELIVERED, "30003"));

		assertThat(codes.get(account, challenge.id()).textUndelivered()).isTrue();
		assertThat(codes.find(account, challenge.id()))
			.hasValueSatisfying(view -> assertThat(view.textUndelivered()).isTrue());
		clock.advance(Duration.ofSeconds(30));
		assertThat(codes.resend(account, challenge.id()).textUndelivered()).isFalse();
		assertThat(codes.get(account, challenge.id()).textUndelivered()).isFalse();
	}

	@Test
	void getWhenAnEarlierTextFailedButTheLastWasDeliveredThenNotTextUndelivered() {
		String number = nextNumber();
		ChallengeView challenge = codes.start(account, Channel.SMS, number);
		String first = sms.lastMessageIdTo(number);
		clock.advance(Duration.ofSeconds(30));
		codes.resend(account, challenge.id());

		events.publishEvent(new TextDeliveryReported(sms.lastMessageIdTo(number), DeliveryStatus.DELIVERED, null));
		events.publishEvent(new TextDeliveryReported(first, DeliveryStatus.FAILED, "30008"));

		assertThat(codes.get(account, challenge.id()).textUndelivered()).isFalse();
	}

	/** Fifteen wrong codes in a row: three challenges to one number, each until it is exhausted. */
	private void failFifteenTimes() {
		String number = nextNumber();
		for (int challenge = 0; challenge < 3; challenge++) {
			failFiveTimes(codes.start(account, Channel.SMS, number).id(), sms.lastCodeTo(number));
		}
	}

	private void failFiveTimes(String challengeId, String code) {
		for (int i = 0; i < 5; i++) {
			codes.check(account, challengeId, wrongCode(code));
		}
		assertThat(challengeStatus(challengeId)).isEqualTo("EXHAUSTED");
	}

	private static String nextNumber() {
		return "+31655%06d".formatted(numbers.incrementAndGet());
	}

	private List<Sent> sentTo(String number) {
		return sms.sent().stream().filter(sent -> sent.to().equals(number)).toList();
	}

	private String challengeStatus(String challengeId) {
		return jdbc.queryForObject("select status from verification_challenge where id = ?", String.class,
				challengeId);
	}

	private int wrongAttempts(String challengeId) {
		return jdbc.queryForObject("select wrong_attempts from verification_challenge where id = ?", Integer.class,
				challengeId);
	}

	private List<String> providerMessageIds(String challengeId) {
		return jdbc.queryForList("select provider_message_id from verification_code where challenge_id = ? order by id",
				String.class, challengeId);
	}

	private int codeRows(String challengeId) {
		return jdbc.queryForObject("select count(*) from verification_code where challenge_id = ?", Integer.class,
				challengeId);
	}

	private int challengeRows(long accountId) {
		return jdbc.queryForObject("select count(*) from verification_challenge where account_id = ?",
				Integer.class, accountId);
	}

}
