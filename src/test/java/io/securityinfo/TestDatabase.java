package io.securityinfo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Chooses the database of a test context. By default each context has an in-memory H2 database (the test
 * profile); with {@code -Dtest.database=postgres} (the build's second test run) each context gets a fresh database
 * on a real PostgreSQL server, started once per JVM from Maven Central's embedded binaries.
 */
public final class TestDatabase {

	public static final String SYSTEM_PROPERTY = "test.database";

	private static EmbeddedPostgres postgres;

	private TestDatabase() {
	}

	public static boolean isPostgres() {
		return "postgres".equals(System.getProperty(SYSTEM_PROPERTY));
	}

	/** A new empty PostgreSQL database on the shared server; answers its JDBC URL. */
	public static synchronized String newPostgresDatabase() {
		try {
			if (postgres == null) {
				// Stopped by its own shutdown hook when the JVM ends; stopping it earlier would cut the connections
				// of Spring's cached test contexts.
				postgres = EmbeddedPostgres.builder().start();
			}
			String name = "test_" + UUID.randomUUID().toString().replace("-", "");
			try (Connection connection = postgres.getPostgresDatabase().getConnection();
					Statement statement = connection.createStatement()) {
				statement.execute("CREATE DATABASE " + name);
			}
			return postgres.getJdbcUrl("postgres", name);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start the embedded PostgreSQL server", ex);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not create a test database", ex);
		}
	}

	/** Points the context at its own PostgreSQL database when the build runs the PostgreSQL pass. */
	public static class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

		@Override
		public void initialize(ConfigurableApplicationContext context) {
			if (isPostgres()) {
				context.getEnvironment()
					.getPropertySources()
					.addFirst(new MapPropertySource("testDatabase", Map.of("spring.datasource.url",
							newPostgresDatabase(), "spring.datasource.username", "postgres",
							"spring.datasource.password", "")));
			}
		}

	}

}
