package io.securityinfo.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Slice;
import org.springframework.data.domain.Sort;
import org.springframework.transaction.support.TransactionTemplate;

import io.securityinfo.AppFixture;
import io.securityinfo.AppTest;

@AppTest
class AuditLogTests extends AppFixture {

	@Autowired
	AuditLog auditLog;

	@Autowired
	AuditTrail trail;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void searchAnswersAPageNewestFirstAndWhetherAnOlderOneExists() {
		long person = newEmployee().id();
		for (int n = 1; n <= 4; n++) {
			record(person, person, AuditAction.CODE_SENT, "event " + n);
			clock.advance(Duration.ofSeconds(1));
		}
		AuditQuery query = new AuditQuery(person, null, null, null);

		Slice<AuditLog.Entry> first = auditLog.search(query, PageRequest.of(0, 3, Sort.by("occurredAt")));
		Slice<AuditLog.Entry> second = auditLog.search(query, PageRequest.of(1, 3));

		assertThat(first.getContent()).extracting(AuditLog.Entry::target)
			.containsExactly("event 4", "event 3", "event 2");
		assertThat(first.hasNext()).isTrue();
		assertThat(second.getContent()).extracting(AuditLog.Entry::target).containsExactly("event 1");
		assertThat(second.hasNext()).isFalse();
		assertThat(auditLog.search(query, PageRequest.of(0, 4)).hasNext()).isFalse();
	}

	@Test
	void searchCombinesAccountActionAndTimeFilters() {
		long admin = newEmployee().id();
		long person = newEmployee().id();
		Instant start = clock.instant();
		record(admin, person, AuditAction.GROUP_MEMBER_ADDED, "acted on");
		record(person, person, AuditAction.CODE_SENT, "own");
		clock.advance(Duration.ofMinutes(1));
		Instant later = clock.instant();
		record(person, person, AuditAction.CODE_SENT, "own, later");
		record(admin, null, AuditAction.GROUP_CREATED, "not about them");

		assertThat(details(new AuditQuery(person, null, null, null))).containsExactly("own, later", "own",
				"acted on");
		assertThat(details(new AuditQuery(admin, null, start, null))).containsExactly("not about them", "acted on");
		assertThat(details(new AuditQuery(person, AuditAction.CODE_SENT, null, null))).containsExactly("own, later",
				"own");
		assertThat(details(new AuditQuery(person, null, start, later))).containsExactly("own", "acted on");
		assertThat(details(new AuditQuery(person, AuditAction.CODE_SENT, later, later.plusSeconds(1))))
			.containsExactly("own, later");
	}

	@Test
	void recentForAnswersTheNewestEventsAboutThePersonOnly() {
		long person = newEmployee().id();
		long other = newEmployee().id();
		record(person, person, AuditAction.CODE_SENT, "oldest");
		clock.advance(Duration.ofSeconds(1));
		record(person, other, AuditAction.GROUP_MEMBER_ADDED, "acted on someone else");
		record(person, person, AuditAction.CODE_VERIFIED, "middle");
		clock.advance(Duration.ofSeconds(1));
		record(person, person, AuditAction.METHOD_ADDED, "newest");

		assertThat(auditLog.recentFor(person, 2)).extracting(AuditLog.Entry::target)
			.containsExactly("newest", "middle");
		assertThat(auditLog.recentFor(person, 5)).extracting(AuditLog.Entry::target)
			.containsExactly("newest", "middle", "oldest");
	}

	private List<String> details(AuditQuery query) {
		return auditLog.search(query, PageRequest.of(0, 50)).map(AuditLog.Entry::target).getContent();
	}

	private void record(long actorId, Long subjectId, AuditAction action, String target) {
		transactions.executeWithoutResult(
				status -> trail.write(actorId, subjectId, action, AuditFacts.target(target)));
	}

}
