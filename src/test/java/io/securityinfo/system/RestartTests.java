package io.securityinfo.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import io.securityinfo.SecurityInfoApplication;
import io.securityinfo.TestDatabase;
import io.securityinfo.account.Accounts;
import io.securityinfo.account.Role;
import io.securityinfo.sms.CapturingSmsGateway;
import io.securityinfo.sms.SmsGateway;

/**
 * A phone being added while the app restarts: the code is sent, the app stops and starts again on the same
 * database (an H2 file, or the same PostgreSQL database in the build's second pass) with the same code key, and
 * the code typed in the same browser session registers the phone. Sessions, codes and limits are all in the
 * database, so nothing of the flow lives only in the stopped process.
 */
class RestartTests {

	private static final String PASSWORD = "Passw0rd!";

	private static final String EMAIL = "restart@example.com";

	private static final String NUMBER = "+31612398765";

	private final CapturingSmsGateway sms = new CapturingSmsGateway();

	@Test
	void codeSentBeforeRestartIsTypedAfterItThenThePhoneIsRegistered(@TempDir Path directory) {
		String database = TestDatabase.isPostgres() ? TestDatabase.newPostgresDatabase()
				: "jdbc:h2:file:" + directory.resolve("restart").toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE";
		Browser browser = new Browser();
		String challengePath;
		String csrf;
		try (ConfigurableApplicationContext first = start(database)) {
			String url = url(first);
			first.getBean(Accounts.class).createIfAbsent(EMAIL, "Re Start", PASSWORD, Role.EMPLOYEE);
			browser.signIn(url, EMAIL, PASSWORD);
			Browser.Page phonePage = browser.get(url + "/security-info/phone");
			Browser.Page sent = browser.post(url + "/security-info/phone", phonePage.csrf(),
					Map.of("region", "NL", "number", NUMBER.substring(3), "mode", "TEXT"));
			assertThat(sent.status()).isEqualTo(302);
			challengePath = sent.location().replaceAll("^https?://[^/]+", "");
			csrf = browser.get(url + challengePath).csrf();
		}
		String code = sms.lastCodeTo(NUMBER);

		try (ConfigurableApplicationContext second = start(database)) {
			String url = url(second);
			Browser.Page codePage = browser.get(url + challengePath);
			assertThat(codePage.status()).as("still signed in after the restart").isEqualTo(200);

			// The form as the browser kept it from before the restart: its token is checked against the session's.
			Browser.Page done = browser.post(url + challengePath, csrf, Map.of("code", code));

			assertThat(done.status()).isEqualTo(302);
			assertThat(done.location()).endsWith(challengePath + "/done");
			assertThat(browser.get(url + challengePath + "/done").body())
				.contains("SMS verified. Your phone was registered successfully.");
			List<String> phones = second.getBean(JdbcTemplate.class).queryForList("""
					select m.detail from security_method m join account a on a.id = m.account_id
					where a.email = ? and m.type = 'PHONE'""", String.class, EMAIL);
			assertThat(phones).containsExactly(NUMBER);
		}
		assertThat(sms.sent()).hasSize(1);
	}

	private static String url(ConfigurableApplicationContext context) {
		return "http://localhost:" + ((WebServerApplicationContext) context).getWebServer().getPort();
	}

	/**
	 * The app as a fresh process would start it: its own context, the test profile's fixed code key, database
	 * sessions, and the database given (as command-line arguments, so they win over the test profile's own).
	 */
	private ConfigurableApplicationContext start(String database) {
		return new SpringApplicationBuilder(SecurityInfoApplication.class).profiles("test")
			.initializers((GenericApplicationContext context) -> context.registerBean("capturingSmsGateway",
					SmsGateway.class, () -> sms, definition -> definition.setPrimary(true)))
			.run("--server.port=0", "--spring.datasource.url=" + database,
					"--spring.datasource.username=" + (TestDatabase.isPostgres() ? "postgres" : "sa"),
					"--spring.datasource.password=", "--app.demo.enabled=false", "--spring.autoconfigure.exclude=");
	}

}
