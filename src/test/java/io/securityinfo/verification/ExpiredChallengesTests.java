package io.securityinfo.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.securityinfo.AppFixture;
import io.securityinfo.AppTest;

@AppTest
class ExpiredChallengesTests extends AppFixture {

	private static final AtomicInteger numbers = new AtomicInteger();

	@Autowired
	ExpiredChallenges expiredChallenges;

	@Autowired
	VerificationCodes codes;

	long account;

	@BeforeEach
	void newAccount() {
		account = newEmployee().id();
	}

	@Test
	void deleteExpiredWhenChallengeEndedMoreThanADayAgoThenItAndItsCodesGoAndARepeatChangesNothing() {
		ChallengeView old = codes.start(account, Channel.SMS, nextNumber());
		clock.advance(Duration.ofHours(1));
		ChallengeView endedExactlyADayAgo = codes.start(account, Channel.VOICE, nextNumber());
		clock.set(endedExactlyADayAgo.expiresAt().plus(Duration.ofDays(1)));
		ChallengeView open = codes.start(account, Channel.SMS, nextNumber());

		expiredChallenges.deleteExpired();

		assertThat(challengeIds()).containsExactlyInAnyOrder(endedExactlyADayAgo.id(), open.id());
		assertThat(codeRows(old.id())).isZero();
		assertThat(codeRows(endedExactlyADayAgo.id())).isOne();
		assertThat(codeRows(open.id())).isOne();

		assertThat(expiredChallenges.deleteExpired()).isZero();
		assertThat(challengeIds()).containsExactlyInAnyOrder(endedExactlyADayAgo.id(), open.id());
	}

	@Test
	void deleteExpiredWhenCodesStillCountTowardsTheDailyLimitThenTheyAreKeptUntilTheDayHasPassed() {
		Instant firstSend = clock.instant();
		List<String> sent = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			sent.add(codes.start(account, Channel.SMS, nextNumber()).id());
		}
		clock.set(firstSend.plus(Duration.ofDays(1)).minusSeconds(1));

		expiredChallenges.deleteExpired();

		assertThat(challengeIds()).containsExactlyInAnyOrderElementsOf(sent);
		assertThatExceptionOfType(VerificationRefusedException.class)
			.isThrownBy(() -> codes.start(account, Channel.SMS, nextNumber()))
			.satisfies(refused -> assertThat(refused.refusal()).isEqualTo(Refusal.DAILY_LIMIT));

		clock.set(firstSend.plus(Duration.ofDays(1)).plus(Duration.ofMinutes(10)).plusSeconds(1));
		expiredChallenges.deleteExpired();

		assertThat(challengeIds()).isEmpty();
		assertThat(jdbc.queryForObject("select count(*) from verification_code where account_id = ?", Integer.class,
				account))
			.isZero();
		assertThat(codes.start(account, Channel.SMS, nextNumber()).verified()).isFalse();
	}

	private List<String> challengeIds() {
		return jdbc.queryForList("select id from verification_challenge where account_id = ?", String.class,
				account);
	}

	private int codeRows(String challengeId) {
		return jdbc.queryForObject("select count(*) from verification_code where challenge_id = ?", Integer.class,
				challengeId);
	}

	private static String nextNumber() {
		return "+31657%06d".formatted(numbers.incrementAndGet());
	}

}
