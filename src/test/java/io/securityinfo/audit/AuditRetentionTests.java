package io.securityinfo.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.support.TransactionTemplate;

import io.securityinfo.AppTest;
import io.securityinfo.account.Accounts;
import io.securityinfo.account.TestAccounts;
import io.securityinfo.system.TestClock;

@AppTest
class AuditRetentionTests {

	@Autowired
	AuditRetention retention;

	@Autowired
	AuditTrail trail;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	Accounts accounts;

	@Autowired
	UserDetailsService users;

	@Autowired
	TestClock clock;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void deleteExpiredWhenEventIsOlderThan365DaysThenOnlyItGoesAndARepeatChangesNothing() {
		long account = TestAccounts.newEmployee(accounts, users).id();
		Instant now = clock.instant();
		recordAt(account, now.minus(Duration.ofDays(365)).minusSeconds(1), "older than a year");
		recordAt(account, now.minus(Duration.ofDays(365)), "exactly a year old");
		recordAt(account, now.minus(Duration.ofDays(1)), "yesterday");

		retention.deleteExpired();

		assertThat(details(account)).containsExactly("exactly a year old", "yesterday");
		assertThat(retention.deleteExpired()).isZero();
		assertThat(details(account)).containsExactly("exactly a year old", "yesterday");
	}

	private void recordAt(long account, Instant when, String target) {
		Instant now = clock.instant();
		clock.set(when);
		try {
			transactions.executeWithoutResult(status -> trail.write(account, account, AuditAction.REGISTRATION_SKIPPED,
					AuditFacts.target(target)));
		}
		finally {
			clock.set(now);
		}
	}

	private List<String> details(long account) {
		return jdbc.queryForList("select target from audit_event where subject_account_id = ? order by occurred_at",
				String.class, account);
	}

}
