package io.securityinfo.system;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * The app's pool behind a switch: while it is on, asking for a connection fails as Hikari fails when the database
 * refuses connections ({@link SQLTransientConnectionException}). {@link #refuseAfter(int)} lets a request's first
 * connections through and refuses the rest, to cut a flow at each of its steps.
 */
final class FaultyDataSource extends DelegatingDataSource {

	/** Connections to let through before refusing; negative while the database is up. */
	private final AtomicInteger allowed = new AtomicInteger(-1);

	private final AtomicInteger refused = new AtomicInteger();

	FaultyDataSource(DataSource pool) {
		super(pool);
	}

	/** Wraps the app's {@code dataSource} bean, so that JPA, JDBC and the session store all go through the switch. */
	static BeanPostProcessor wrapper() {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				return (bean instanceof DataSource pool && "dataSource".equals(beanName)) ? new FaultyDataSource(pool)
						: bean;
			}
		};
	}

	/** The database refuses every connection until {@link #heal()}. */
	void refuseConnections() {
		allowed.set(0);
	}

	/** The next {@code connections} connections taken on a request thread work; every one after them is refused. */
	void refuseAfter(int connections) {
		allowed.set(connections);
	}

	void heal() {
		allowed.set(-1);
	}

	/** How many connections were refused so far. */
	int refused() {
		return refused.get();
	}

	@Override
	public Connection getConnection() throws SQLException {
		check();
		return super.getConnection();
	}

	@Override
	public Connection getConnection(String username, String password) throws SQLException {
		check();
		return super.getConnection(username, password);
	}

	private void check() throws SQLTransientConnectionException {
		int left = allowed.get();
		if (left < 0) {
			return;
		}
		// Only requests count down, so that a background task cannot move the point where a request is cut.
		if (left > 0 && (!Thread.currentThread().getName().startsWith("http-") || allowed.getAndDecrement() > 0)) {
			return;
		}
		allowed.set(0);
		refused.incrementAndGet();
		throw new SQLTransientConnectionException("HikariPool-1 - Connection is not available (fault injected)");
	}

}
