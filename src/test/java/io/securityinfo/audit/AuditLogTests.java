package io.securityinfo.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import io.securityinfo.AppTest;

@AppTest
class AuditLogTests {

	/** Subjects no account has, so that no other test's entries mix in. */
	private static final AtomicLong subjects = new AtomicLong(-System.nanoTime());

	@Autowired
	AuditLog auditLog;

	@Autowired
	TransactionTemplate transaction;

	@Test
	void recentForAnswersTheNewestEntriesOfThatSubjectNewestFirstUpToTheLimit() {
		long subject = subjects.decrementAndGet();
		long otherSubject = subjects.decrementAndGet();
		transaction.executeWithoutResult(status -> {
			for (int i = 1; i <= 12; i++) {
				auditLog.record(1, subject, AuditAction.ACCOUNT_ENABLED, "change " + i);
			}
			auditLog.record(1, otherSubject, AuditAction.ACCOUNT_DISABLED, "someone else");
		});

		assertThat(auditLog.recentFor(subject, 10)).extracting(AuditLog.Entry::detail)
			.containsExactly("change 12", "change 11", "change 10", "change 9", "change 8", "change 7", "change 6",
					"change 5", "change 4", "change 3");
		assertThat(auditLog.recentFor(otherSubject, 10)).singleElement()
			.satisfies(entry -> assertThat(entry.action()).isEqualTo(AuditAction.ACCOUNT_DISABLED));
	}

}
