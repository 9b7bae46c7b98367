package io.securityinfo.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLTransientConnectionException;

import jakarta.servlet.ServletException;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;

/** Which failures mean the database cannot be reached, and so the 503 page, and which are left to the error pages. */
class DatabaseUnavailableFilterTests {

	@Test
	void isDatabaseUnavailableWhenPoolTimesOutUnderSpringsWrappersThenTrue() {
		SQLTransientConnectionException pool = new SQLTransientConnectionException(
				"HikariPool-1 - Connection is not available, request timed out after 1000ms");

		assertThat(DatabaseUnavailableFilter.isDatabaseUnavailable(new ServletException("Request processing failed",
				new CannotCreateTransactionException("Could not open JPA EntityManager for transaction", pool))))
			.isTrue();
		assertThat(DatabaseUnavailableFilter
			.isDatabaseUnavailable(new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection", pool)))
			.isTrue();
	}

	@Test
	void isDatabaseUnavailableWhenDriverReportsConnectionFailureStateThenTrue() {
		assertThat(DatabaseUnavailableFilter.isDatabaseUnavailable(
				new IllegalStateException(new SQLException("Connection to 10.0.0.5:5432 refused", "08001"))))
			.isTrue();
	}

	@Test
	void isDatabaseUnavailableWhenDatabaseAnsweredWithAnErrorThenFalse() {
		assertThat(DatabaseUnavailableFilter.isDatabaseUnavailable(new DataIntegrityViolationException("duplicate",
				new SQLIntegrityConstraintViolationException("unique constraint", "23505"))))
			.isFalse();
		assertThat(DatabaseUnavailableFilter.isDatabaseUnavailable(new IllegalStateException("no"))).isFalse();
	}

}
