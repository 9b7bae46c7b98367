package io.securityinfo.verification;

import java.sql.DatabaseMetaData;

import javax.sql.DataSource;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Component;

/**
 * Creates a person's lockout row on their first wrong code, in the check's own transaction and on its connection.
 * <p>
 * It used to take a transaction of its own, and with it a second pooled connection while the check held the first:
 * as many people as the pool has connections typing their first wrong code at once held every connection and
 * waited for a second one until the pool timed out (docs/performance.md). Inserting in the check's transaction
 * needs the database's "insert if absent", because when one person's first two wrong codes race, the loser's
 * insert must neither fail its transaction nor count twice:
 * <ul>
 * <li>PostgreSQL: {@code ON CONFLICT DO NOTHING} waits for the winner's transaction and then inserts nothing, with no
 * error (an error would abort the whole transaction there);</li>
 * <li>H2 (the embedded default) has no such clause outside its PostgreSQL mode: its {@code MERGE} waits for the
 * winner in the same way and then reports the duplicate key, which rolls back that statement only, so the check
 * goes on with the winner's row.</li>
 * </ul>
 * Plain JDBC rather than a repository query: a failed JPA query would mark the check's transaction for rollback.
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

	private final boolean postgresql;

	LockoutRows(JdbcTemplate jdbc, DataSource dataSource) throws MetaDataAccessException {
		this.jdbc = jdbc;
		this.postgresql = "PostgreSQL".equals(JdbcUtils.commonDatabaseName(
				JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName)));
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
		if (postgresql) {
			jdbc.update(POSTGRESQL_INSERT_IF_ABSENT, accountId);
			return;
		}
		try {
			jdbc.update(STANDARD_INSERT_IF_ABSENT, accountId);
		}
		catch (DuplicateKeyException ex) {
			// Created by a concurrent check of the same person a moment ago: that row serves this check as well.
		}
	}

}
