package io.securityinfo.system;

import java.sql.DatabaseMetaData;

import javax.sql.DataSource;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;

/**
 * Session attributes are written with the database's upsert rather than a plain insert. Two requests of one
 * session that both add the same attribute (two pages loaded at once right after sign-in, each making the
 * session's first CSRF token) both insert it with Spring Session's default query, and the second fails on the
 * attributes' primary key: its page breaks off half rendered, as the bench's first run on PostgreSQL showed
 * (docs/performance.md). With an upsert the last write wins, as it already does for an attribute that exists.
 */
@Configuration(proxyBeanMethods = false)
class SessionStoreConfiguration {

	/** H2's own merge, which waits for a concurrent insert of the same key and then updates its row. */
	static final String H2_UPSERT = """
			MERGE INTO %TABLE_NAME%_ATTRIBUTES (SESSION_PRIMARY_ID, ATTRIBUTE_NAME, ATTRIBUTE_BYTES)
			KEY (SESSION_PRIMARY_ID, ATTRIBUTE_NAME) VALUES (?, ?, ?)""";

	@Bean
	SessionRepositoryCustomizer<JdbcIndexedSessionRepository> sessionAttributeUpserts(DataSource dataSource)
			throws MetaDataAccessException {
		String database = JdbcUtils.commonDatabaseName(
				JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName));
		if ("PostgreSQL".equals(database)) {
			return new PostgreSqlJdbcIndexedSessionRepositoryCustomizer();
		}
		if ("H2".equals(database)) {
			return repository -> repository.setCreateSessionAttributeQuery(H2_UPSERT);
		}
		return repository -> {
		};
	}

}
