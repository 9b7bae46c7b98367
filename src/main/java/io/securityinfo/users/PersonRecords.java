package io.securityinfo.users;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.securityinfo.account.AccountSummary;
import io.securityinfo.account.Role;
import io.securityinfo.audit.AuditAction;
import io.securityinfo.audit.AuditLog;

/**
 * The account and the last changes shown on a person's page, read in one statement: the account joined to its
 * newest audit events, to the account of whoever made each change, and to the person's sign-in counter (its lock).
 * <p>
 * This is the one place where the Users pages read the {@code account} and {@code audit} tables together rather
 * than through {@code Accounts} and {@code AuditLog}: through those APIs the page took three statements (the
 * account, the events, the people who acted) besides the two of the person's security info, and the admin pages'
 * budget is three (docs/performance.md). It reads and never writes; the rules stay in those modules.
 */
@Component
class PersonRecords {

	/**
	 * What a person's page shows besides their security info.
	 * @param signInLockedUntil until when wrong passwords keep them from signing in (null: they are not)
	 */
	record PersonRecord(AccountSummary person, List<AuditLog.Entry> changes, Map<Long, AccountSummary> actors,
			Instant signInLockedUntil) {
	}

	private static final String PERSON_WITH_LAST_CHANGES = """
			select a.id, a.email, a.displayName, a.role, a.enabled,
			       e.occurredAt, e.actorAccountId, e.action, e.detail, e.clientIp,
			       actor.id, actor.email, actor.displayName, actor.role, actor.enabled,
			       throttle.lockedUntil, e.methodType, e.methodMode, e.target, e.facts
			from Account a
			left join AuditEvent e on e.subjectAccountId = a.id
			left join Account actor on actor.id = e.actorAccountId
			left join SignInCounter throttle on throttle.kind = 'ACCOUNT' and throttle.subject = a.email
			where a.id = :id
			order by e.occurredAt desc, e.id desc""";

	private final EntityManager entityManager;

	private final Clock clock;

	PersonRecords(EntityManager entityManager, Clock clock) {
		this.entityManager = entityManager;
		this.clock = clock;
	}

	/** The person and the newest {@code lastChanges} events about them (as their subject), newest first. */
	@Transactional(readOnly = true)
	Optional<PersonRecord> find(long id, int lastChanges) {
		List<Tuple> rows = entityManager.createQuery(PERSON_WITH_LAST_CHANGES, Tuple.class)
			.setParameter("id", id)
			.setMaxResults(lastChanges)
			.getResultList();
		if (rows.isEmpty()) {
			return Optional.empty();
		}
		AccountSummary person = summary(rows.get(0), 0);
		List<AuditLog.Entry> changes = new ArrayList<>();
		Map<Long, AccountSummary> actors = new HashMap<>();
		for (Tuple row : rows) {
			Instant occurredAt = row.get(5, Instant.class);
			if (occurredAt == null) {
				continue;
			}
			Long actorId = row.get(6, Long.class);
			changes.add(new AuditLog.Entry(occurredAt, actorId, id, row.get(7, AuditAction.class),
					row.get(16, String.class), row.get(17, String.class), row.get(18, String.class),
					row.get(19, String.class), row.get(8, String.class), row.get(9, String.class)));
			if (row.get(10, Long.class) != null) {
				actors.put(actorId, summary(row, 10));
			}
		}
		Instant lockedUntil = rows.get(0).get(15, Instant.class);
		boolean locked = lockedUntil != null && clock.instant().isBefore(lockedUntil);
		return Optional.of(new PersonRecord(person, changes, actors, locked ? lockedUntil : null));
	}

	private static AccountSummary summary(Tuple row, int first) {
		return new AccountSummary(row.get(first, Long.class), row.get(first + 1, String.class),
				row.get(first + 2, String.class), row.get(first + 3, Role.class), row.get(first + 4, Boolean.class));
	}

}
