package io.securityinfo.limits;

import java.sql.DatabaseMetaData;

import javax.sql.DataSource;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Component;

/**
 * The database's "insert if absent", for rows that a transaction creates on first use and then locks (limit rows,
 * lockout rows, sign-in counters). When two first requests race, the loser must neither fail its transaction nor
 * insert twice:
 * <ul>
 * <li>PostgreSQL: {@code ON CONFLICT DO NOTHING} waits for the winner's transaction and then inserts nothing, with no
 * error (an error would abort the whole transaction there);</li>
 * <li>H2 (the embedded default) has no such clause outside its PostgreSQL mode: its {@code MERGE} waits for the
 * winner in the same way and then reports the duplicate key, which rolls back that statement only, so the caller
 * goes on with the winner's row.</li>
 * </ul>
 * Plain JDBC rather than a repository query: a failed JPA query would mark the caller's transaction for rollback.
 */
@Component
public class InsertIfAbsent {

	private final JdbcTemplate jdbc;

	private final boolean postgresql;

	InsertIfAbsent(JdbcTemplate jdbc, DataSource dataSource) throws MetaDataAccessException {
		this.jdbc = jdbc;
		this.postgresql = "PostgreSQL".equals(JdbcUtils.commonDatabaseName(
				JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName)));
	}

	/**
	 * Runs the statement written for this database: {@code postgresqlInsert} ({@code insert … on conflict do
	 * nothing}) on PostgreSQL, {@code standardMerge} ({@code merge … when not matched then insert}) elsewhere, with the
	 * same arguments. Run it in the caller's transaction.
	 */
	public void insert(String postgresqlInsert, String standardMerge, Object... args) {
		if (postgresql) {
			jdbc.update(postgresqlInsert, args);
			return;
		}
		try {
			jdbc.update(standardMerge, args);
		}
		catch (DuplicateKeyException ex) {
			// Inserted by a concurrent transaction a moment ago: that row serves the caller as well.
		}
	}

}
