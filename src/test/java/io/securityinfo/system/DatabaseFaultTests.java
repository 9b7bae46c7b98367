package io.securityinfo.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

import io.securityinfo.ServerFixture;
import io.securityinfo.TestBeans;
import io.securityinfo.TestDatabase;
import io.securityinfo.account.Role;
import io.securityinfo.sms.CapturingSmsGateway;

/**
 * The database failing under a person's feet, through the pages over real HTTP with the sessions in the database:
 * refusing connections for a few seconds while a phone is being added, refusing them from each step of a flow on,
 * and the connection pool exhausted. Each time the person gets the app's own page saying to try again in a moment,
 * within the pool's connection time-out; nothing is half stored (no method without its verified code, no verified
 * code without its method, no code row without its challenge); and the same flow succeeds once the fault ends.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.autoconfigure.exclude=", "app.demo.enabled=false",
				"spring.datasource.hikari.maximum-pool-size=" + DatabaseFaultTests.POOL_SIZE,
				"spring.datasource.hikari.connection-timeout=" + DatabaseFaultTests.CONNECTION_TIMEOUT_MS })
@ActiveProfiles("test")
@Import({ TestBeans.class, DatabaseFaultTests.Fault.class })
@ContextConfiguration(initializers = TestDatabase.Initializer.class)
class DatabaseFaultTests extends ServerFixture {

	static final int POOL_SIZE = 4;

	static final int CONNECTION_TIMEOUT_MS = 1000;

	private static final Duration TIMEOUT = Duration.ofMillis(CONNECTION_TIMEOUT_MS);

	private static final Duration MARGIN = OutsideServiceFaultTests.MARGIN;

	private static final String PASSWORD = "Passw0rd!";

	private static final String UNAVAILABLE = "Security info can&#39;t be reached for a moment";

	private static final AtomicInteger numbers = new AtomicInteger(3000 + (int) (System.nanoTime() % 6000));

	@Autowired
	CapturingSmsGateway sms;

	@Autowired
	DataSource dataSource;

	private FaultyDataSource database() {
		return (FaultyDataSource) dataSource;
	}

	@AfterEach
	void databaseBack() {
		database().heal();
	}

	@Test
	void confirmCodeWhenDatabaseRefusesConnectionsForSecondsThenPersonIsToldAndTheSameCodeWorksOnceItIsBack()
			throws Exception {
		Person person = signIn();
		String number = nextNumber();
		String challengePath = sendPhoneCode(person, number);
		Browser.Page codePage = person.browser.get(person.url(challengePath));
		String code = sms.lastCodeTo(number);
		int refusedBefore = database().refused();

		ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
		long outageStart = System.nanoTime();
		database().refuseConnections();
		timer.schedule(database()::heal, 3, TimeUnit.SECONDS);
		try {
			long start = System.nanoTime();
			Browser.Page refused = person.browser.post(person.url(challengePath), codePage.csrf(), Map.of("code", code));
			Duration took = Duration.ofNanos(System.nanoTime() - start);
			Browser.Page overview = person.browser.get(person.url("/security-info"));

			assertUnavailablePage(refused);
			assertUnavailablePage(overview);
			assertThat(took).isLessThan(TIMEOUT.plus(MARGIN));
			FaultLog.record("database refusing connections (3 s outage, code entry)", refused, took, TIMEOUT);

			Browser.Page served = waitUntilServed(person, "/security-info", Duration.ofSeconds(15));
			assertThat(served.status()).isEqualTo(200);
			assertThat(Duration.ofNanos(System.nanoTime() - outageStart)).isGreaterThanOrEqualTo(Duration.ofSeconds(3));
		}
		finally {
			timer.shutdownNow();
			database().heal();
		}
		assertThat(database().refused()).isGreaterThan(refusedBefore);
		assertThat(methods(person)).isEmpty();
		assertThat(challengeStatuses(person)).containsExactly("OPEN");

		Browser.Page done = person.browser.post(person.url(challengePath), codePage.csrf(), Map.of("code", code));

		assertThat(done.location()).endsWith(challengePath + "/done");
		assertThat(methods(person)).containsExactly("PHONE " + number);
	}

	@Test
	void confirmCodeWhenDatabaseIsCutAtEachStepThenNothingIsHalfStoredAndTheCodeWorksAfterwards() {
		List<String> outcomes = new ArrayList<>();
		for (int step = 0; step < 40; step++) {
			Person person = signIn();
			String number = nextNumber();
			String challengePath = sendPhoneCode(person, number);
			Browser.Page codePage = person.browser.get(person.url(challengePath));
			String code = sms.lastCodeTo(number);
			int refusedBefore = database().refused();

			database().refuseAfter(step);
			long start = System.nanoTime();
			Browser.Page cut = person.browser.post(person.url(challengePath), codePage.csrf(), Map.of("code", code));
			Duration took = Duration.ofNanos(System.nanoTime() - start);
			database().heal();
			boolean faultHit = database().refused() > refusedBefore;
			outcomes.add(step + ":" + cut.status());

			assertThat(took).isLessThan(TIMEOUT.plus(MARGIN));
			if (cut.status() != 302) {
				assertUnavailablePage(cut);
			}
			else {
				assertThat(cut.location()).endsWith(challengePath + "/done");
			}
			assertConsistent(person);
			if (faultHit) {
				FaultLog.record("database cut after " + step + " connections (code entry)", cut, took, TIMEOUT);
			}

			// A cut after the method was stored leaves the code page leading to the confirmation.
			Browser.Page codePageAgain = person.browser.get(person.url(challengePath));
			Browser.Page again = (codePageAgain.status() == 302) ? codePageAgain
					: person.browser.post(person.url(challengePath), codePageAgain.csrf(), Map.of("code", code));
			assertThat(again.location()).as("after the cut at step %d", step).endsWith(challengePath + "/done");
			assertThat(methods(person)).containsExactly("PHONE " + number);
			assertConsistent(person);
			if (!faultHit) {
				assertThat(step).as("steps cut before the flow ran through").isGreaterThan(2);
				return;
			}
		}
		throw new AssertionError("The flow never ran through: " + outcomes);
	}

	@Test
	void sendCodeWhenDatabaseIsCutAtEachStepThenNoCodeIsCountedWithoutItsChallengeAndSendingWorksAfterwards() {
		for (int step = 0; step < 40; step++) {
			Person person = signIn();
			String number = nextNumber();
			Browser.Page phonePage = person.browser.get(person.url("/security-info/phone"));
			int refusedBefore = database().refused();

			database().refuseAfter(step);
			long start = System.nanoTime();
			Browser.Page cut = person.browser.post(person.url("/security-info/phone"), phonePage.csrf(),
					Map.of("region", "NL", "number", number.substring(3), "mode", "TEXT"));
			Duration took = Duration.ofNanos(System.nanoTime() - start);
			database().heal();
			boolean faultHit = database().refused() > refusedBefore;

			assertThat(took).isLessThan(TIMEOUT.plus(MARGIN));
			if (cut.status() != 302) {
				assertUnavailablePage(cut);
			}
			assertConsistent(person);
			if (faultHit) {
				FaultLog.record("database cut after " + step + " connections (sending a code)", cut, took, TIMEOUT);
			}

			String challengePath = sendPhoneCode(person, number);
			Browser.Page codePage = person.browser.get(person.url(challengePath));
			assertThat(person.browser
				.post(person.url(challengePath), codePage.csrf(), Map.of("code", sms.lastCodeTo(number)))
				.location()).endsWith("/done");
			assertThat(methods(person)).containsExactly("PHONE " + number);
			if (!faultHit) {
				return;
			}
		}
		throw new AssertionError("The flow never ran through");
	}

	@Test
	void pagesWhenEveryPooledConnectionIsTakenThenPersonIsToldWithinTheConnectionTimeoutAndServedOnceOneIsFree()
			throws Exception {
		Person person = signIn();
		String number = nextNumber();
		String challengePath = sendPhoneCode(person, number);
		Browser.Page codePage = person.browser.get(person.url(challengePath));
		HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
		List<Connection> held = new ArrayList<>();
		try {
			for (int i = 0; i < POOL_SIZE; i++) {
				held.add(pool.getConnection());
			}

			long start = System.nanoTime();
			Browser.Page overview = person.browser.get(person.url("/security-info"));
			Duration tookOverview = Duration.ofNanos(System.nanoTime() - start);
			start = System.nanoTime();
			Browser.Page confirm = person.browser.post(person.url(challengePath), codePage.csrf(),
					Map.of("code", sms.lastCodeTo(number)));
			Duration tookConfirm = Duration.ofNanos(System.nanoTime() - start);

			assertUnavailablePage(overview);
			assertUnavailablePage(confirm);
			assertThat(tookOverview).isLessThan(TIMEOUT.plus(MARGIN));
			assertThat(tookConfirm).isLessThan(TIMEOUT.plus(MARGIN));
			FaultLog.record("pool exhausted (overview page)", overview, tookOverview, TIMEOUT);
			FaultLog.record("pool exhausted (code entry)", confirm, tookConfirm, TIMEOUT);
		}
		finally {
			for (Connection connection : held) {
				connection.close();
			}
		}
		assertThat(methods(person)).isEmpty();
		assertThat(challengeStatuses(person)).containsExactly("OPEN");

		assertThat(person.browser.get(person.url("/security-info")).status()).isEqualTo(200);
		Browser.Page done = person.browser.post(person.url(challengePath), codePage.csrf(),
				Map.of("code", sms.lastCodeTo(number)));
		assertThat(done.location()).endsWith(challengePath + "/done");
		assertThat(methods(person)).containsExactly("PHONE " + number);
	}

	private static void assertUnavailablePage(Browser.Page page) {
		assertThat(page.status()).as(page.body()).isEqualTo(503);
		assertThat(page.body()).contains(UNAVAILABLE);
		OutsideServiceFaultTests.assertNoInternals(page);
	}

	/**
	 * Whatever was cut: a method only with its verified challenge, a verified challenge only with its method, and
	 * every challenge with its code and its proof.
	 */
	private void assertConsistent(Person person) {
		int verified = jdbc.queryForObject(
				"select count(*) from verification_challenge where account_id = ? and status = 'VERIFIED'",
				Integer.class, person.id);
		assertThat(methods(person)).hasSize(verified);
		assertThat(jdbc.queryForObject("""
				select count(*) from verification_challenge c where c.account_id = ?
				and (not exists (select 1 from verification_code v where v.challenge_id = c.id)
				or not exists (select 1 from phone_proof p where p.challenge_id = c.id))""", Integer.class, person.id))
			.isZero();
	}

	private Browser.Page waitUntilServed(Person person, String path, Duration within) {
		AtomicReference<Browser.Page> last = new AtomicReference<>();
		try {
			return await().atMost(within)
				.pollDelay(Duration.ZERO)
				.pollInterval(Duration.ofMillis(250))
				.until(() -> {
					last.set(person.browser.get(person.url(path)));
					return last.get();
				}, page -> page.status() == 200);
		}
		catch (ConditionTimeoutException ex) {
			// The caller asserts on the page, so that a failure says what was answered.
			return last.get();
		}
	}

	private String sendPhoneCode(Person person, String number) {
		Browser.Page phonePage = person.browser.get(person.url("/security-info/phone"));
		Browser.Page sent = person.browser.post(person.url("/security-info/phone"), phonePage.csrf(),
				Map.of("region", "NL", "number", number.substring(3), "mode", "TEXT"));
		assertThat(sent.status()).as("sending a code to %s", number).isEqualTo(302);
		return sent.location().replaceAll("^https?://[^/]+", "");
	}

	private Person signIn() {
		String email = "database-faults" + numbers.incrementAndGet() + "@example.com";
		long id = accounts.createIfAbsent(email, "Database Faults", PASSWORD, Role.EMPLOYEE);
		Person person = new Person(id, "http://localhost:" + port, new Browser());
		person.browser.signIn(person.baseUrl, email, PASSWORD);
		return person;
	}

	private List<String> methods(Person person) {
		return jdbc.queryForList("select type || ' ' || detail from security_method where account_id = ?",
				String.class, person.id);
	}

	private List<String> challengeStatuses(Person person) {
		return jdbc.queryForList("select status from verification_challenge where account_id = ?", String.class,
				person.id);
	}

	private static String nextNumber() {
		return "+3163" + String.format("%07d", numbers.incrementAndGet());
	}

	record Person(long id, String baseUrl, Browser browser) {

		String url(String path) {
			return baseUrl + path;
		}

	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Fault {

		@Bean
		static BeanPostProcessor faultyDataSource() {
			return FaultyDataSource.wrapper();
		}

	}

}
