package io.securityinfo;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import io.securityinfo.account.Accounts;

/**
 * What tests of the app on a real port ({@code @SpringBootTest} with a random port, such as {@link JourneyTest})
 * use, autowired once: the port and the address of a page on it, the accounts a test creates, and the database.
 */
public abstract class ServerFixture {

	@LocalServerPort
	protected int port;

	@Autowired
	protected Accounts accounts;

	@Autowired
	protected JdbcTemplate jdbc;

	/** The address of this path on the app's server, as a browser on this machine opens it. */
	protected String url(String path) {
		return "http://localhost:" + port + path;
	}

}
