package io.securityinfo.verification;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import io.securityinfo.limits.InsertIfAbsent;

/**
 * Creates a person's lockout row on their first wrong code, in the check's own transaction and on its connection.
 * <p>
 * It used to take a transaction of its own, and with it a second pooled connection while the check held the first:
 * as many people as the pool has connections typing their first wrong code at once held every connection and
 * waited for a second one until the pool timed out (docs/performance.md). So it inserts in the check's transaction,
 * with the database's "insert if absent" ({@link InsertIfAbsent}): when one person's first two wrong codes race,
 * the loser's insert neither fails its transaction nor counts twice.
 */
@Component
class LockoutRows {

	private static final String POSTGRESQL_INSERT_IF_ABSENT = """
			insert into verification_lockout (account_id, consecutive_failures) values (?, 0)
			on conflict (account_id) do nothing""";

	private static final String STANDARD_INSERT_IF_ABSENT = """
			merge into verification_lockout l using (values (cast(? as bigint))) given (account_id)
			on l.account_id = given.account_id
			when not matched then insert (account_id, consecutive_failures) values (given.account_id, 0)""";

	private final JdbcTemplate jdbc;

	private final InsertIfAbsent insertIfAbsent;

	LockoutRows(JdbcTemplate jdbc, InsertIfAbsent insertIfAbsent) {
		this.jdbc = jdbc;
		this.insertIfAbsent = insertIfAbsent;
	}

	/**
	 * Locks the person's row, creating it first when needed, until the check's transaction ends: the person's
	 * checks then run one after the other, each deciding on the counts the one before left.
	 */
	void lock(long accountId) {
		createIfAbsent(accountId);
		jdbc.queryForList("select account_id from verification_lockout where account_id = ? for update", Long.class,
				accountId);
	}

	/** Run it in the transaction of the check that counts the wrong code. */
	void createIfAbsent(long accountId) {
		insertIfAbsent.insert(POSTGRESQL_INSERT_IF_ABSENT, STANDARD_INSERT_IF_ABSENT, accountId);
	}

}
