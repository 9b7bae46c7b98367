package io.securityinfo.verification;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.securityinfo.AppFixture;
import io.securityinfo.AtOnce;
import io.securityinfo.TwoConnectionsAppTest;

/**
 * The first wrong code of a person creates their lockout row on the connection of the check itself. With two
 * connections in the pool, a check that needed a second one while all the others are taken would wait for the
 * timeout and fail.
 */
@TwoConnectionsAppTest
class LockoutRowsTests extends AppFixture {

	private static final int PEOPLE = 6;

	@Autowired
	VerificationCodes codes;

	@Autowired
	DataSource dataSource;

	@Test
	void checkWhenFirstWrongCodeAndOnlyOneConnectionIsFreeThenLockoutRowIsCreatedOnThatConnection() throws Exception {
		long account = newEmployee().id();
		ChallengeView challenge = codes.start(account, Channel.SMS, "+31655900000");

		CheckResult result;
		try (Connection taken = dataSource.getConnection()) {
			result = codes.check(account, challenge.id(), "not-a-code");
		}

		assertThat(result).isInstanceOf(CheckResult.Wrong.class);
		assertThat(consecutiveFailures(account)).isEqualTo(1);
	}

	@Test
	void checkWhenMorePeopleThanConnectionsTypeTheirFirstWrongCodeAtOnceThenEveryCheckAnswers() throws Exception {
		List<Long> people = new ArrayList<>();
		List<String> challengeIds = new ArrayList<>();
		for (int i = 0; i < PEOPLE; i++) {
			long account = newEmployee().id();
			people.add(account);
			challengeIds.add(codes.start(account, Channel.SMS, "+31655910%03d".formatted(i)).id());
		}
		List<Callable<CheckResult>> firstWrongCodes = new ArrayList<>();
		for (int i = 0; i < PEOPLE; i++) {
			long account = people.get(i);
			String challengeId = challengeIds.get(i);
			firstWrongCodes.add(() -> codes.check(account, challengeId, "not-a-code"));
		}

		assertThat(AtOnce.call(PEOPLE, firstWrongCodes))
			.allSatisfy(result -> assertThat(result).isInstanceOf(CheckResult.Wrong.class));

		for (long account : people) {
			assertThat(consecutiveFailures(account)).isEqualTo(1);
		}
	}

	private int consecutiveFailures(long account) {
		return jdbc.queryForObject("select consecutive_failures from verification_lockout where account_id = ?",
				Integer.class, account);
	}

}
