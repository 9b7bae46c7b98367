package io.securityinfo.verification;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.TestPropertySource;

import io.securityinfo.AppTest;
import io.securityinfo.account.Accounts;
import io.securityinfo.account.TestAccounts;

/**
 * The first wrong code of a person creates their lockout row on the connection of the check itself. The pool here
 * has two connections (Flyway needs two at start-up) and a short timeout, so a check that needed a second connection
 * while all the others are taken would wait for the timeout and fail.
 */
@AppTest
@TestPropertySource(properties = { "spring.datasource.hikari.maximum-pool-size=2",
		"spring.datasource.hikari.connection-timeout=2000" })
class LockoutRowsTests {

	private static final int PEOPLE = 6;

	@Autowired
	VerificationCodes codes;

	@Autowired
	Accounts accounts;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	DataSource dataSource;

	@Test
	void checkWhenFirstWrongCodeAndOnlyOneConnectionIsFreeThenLockoutRowIsCreatedOnThatConnection() throws Exception {
		long account = TestAccounts.newEmployee(accounts, users).id();
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
			long account = TestAccounts.newEmployee(accounts, users).id();
			people.add(account);
			challengeIds.add(codes.start(account, Channel.SMS, "+31655910%03d".formatted(i)).id());
		}
		CountDownLatch go = new CountDownLatch(1);
		ExecutorService executor = Executors.newFixedThreadPool(PEOPLE);
		try {
			List<Future<CheckResult>> results = new ArrayList<>();
			for (int i = 0; i < PEOPLE; i++) {
				long account = people.get(i);
				String challengeId = challengeIds.get(i);
				results.add(executor.submit(() -> {
					if (!go.await(10, TimeUnit.SECONDS)) {
						throw new IllegalStateException("Not released");
					}
					return codes.check(account, challengeId, "not-a-code");
				}));
			}
			go.countDown();
			for (Future<CheckResult> result : results) {
				assertThat(result.get(30, TimeUnit.SECONDS)).isInstanceOf(CheckResult.Wrong.class);
			}
		}
		finally {
			executor.shutdownNow();
		}

		for (long account : people) {
			assertThat(consecutiveFailures(account)).isEqualTo(1);
		}
	}

	private int consecutiveFailures(long account) {
		return jdbc.queryForObject("select consecutive_failures from verification_lockout where account_id = ?",
				Integer.class, account);
	}

}
