package io.securityinfo.limits;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import io.securityinfo.Housekeeping;

/**
 * Makes "count, then insert" one decision: a request locks the row of what it counts (a number, a person, an email,
 * a client address) before counting, and keeps the lock until its transaction ends, so the next request for the
 * same key counts what this one inserted. The lock is a database row lock, so it holds across app instances.
 * <p>
 * The row is locked by updating it (an UPDATE takes the row lock on H2 and PostgreSQL alike); the first request for
 * a key inserts it. When two first requests race, the database's "insert if absent" ({@link InsertIfAbsent}) makes
 * the loser wait for the winner's commit and then insert nothing, without failing its transaction.
 * Callers that lock two keys always lock them in the same order, so two requests never wait for each other.
 */
@Component
public class LimitLocks {

	/** Longer than the longest window counted under a lock (a day): a row this idle guards no count. */
	private static final Duration IDLE_BEFORE_DELETED = Duration.ofDays(2);

	private static final String LOCK = "update limit_lock set touched_at = ? where name = ?";

	private static final String POSTGRESQL_INSERT_IF_ABSENT = """
			insert into limit_lock (name, touched_at) values (?, ?)
			on conflict (name) do nothing""";

	private static final String STANDARD_INSERT_IF_ABSENT = """
			merge into limit_lock l using (values (cast(? as varchar(400)), cast(? as timestamp with time zone)))
			  given (name, touched_at)
			on l.name = given.name
			when not matched then insert (name, touched_at) values (given.name, given.touched_at)""";

	private final JdbcTemplate jdbc;

	private final Clock clock;

	private final InsertIfAbsent insertIfAbsent;

	LimitLocks(JdbcTemplate jdbc, InsertIfAbsent insertIfAbsent, Clock clock) {
		this.jdbc = jdbc;
		this.insertIfAbsent = insertIfAbsent;
		this.clock = clock;
	}

	/**
	 * Locks this key until the caller's transaction ends, waiting while another transaction holds it. Run it in the
	 * transaction that counts and inserts, before it counts.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void lock(String key) {
		Timestamp now = Timestamp.from(clock.instant());
		// A second round only when housekeeping deleted the row between the insert and the update.
		for (int round = 0; round < 3; round++) {
			if (jdbc.update(LOCK, now, key) == 1) {
				return;
			}
			insertIfAbsent.insert(POSTGRESQL_INSERT_IF_ABSENT, STANDARD_INSERT_IF_ABSENT, key, now);
		}
		throw new IllegalStateException("Could not lock the limit row of " + key);
	}

	/** Housekeeping: rows nobody locked for two days. Conditional on time alone, so every instance may run it. */
	@Scheduled(cron = "${app.housekeeping.cron}")
	@Transactional
	public int deleteIdle() {
		return Housekeeping.delete("limit rows idle since before", clock.instant().minus(IDLE_BEFORE_DELETED),
				cutoff -> jdbc.update("delete from limit_lock where touched_at < ?", Timestamp.from(cutoff)));
	}

}
