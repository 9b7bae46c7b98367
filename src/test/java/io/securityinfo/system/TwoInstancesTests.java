package io.securityinfo.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
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
 * Two app instances on one PostgreSQL database, as behind a load balancer: whatever a person does through one
 * holds on the other, because sessions, codes, limits and policy all live in the database.
 */
class TwoInstancesTests {

	private static final String PASSWORD = "Passw0rd!";

	private static final AtomicInteger numbers = new AtomicInteger(1000 + (int) (System.nanoTime() % 8000));

	private static final CapturingSmsGateway sms = new CapturingSmsGateway();

	private static ConfigurableApplicationContext one;

	private static ConfigurableApplicationContext two;

	private static String urlOne;

	private static String urlTwo;

	private static JdbcTemplate jdbc;

	@BeforeAll
	static void startTwoInstancesOnOneDatabase() {
		String database = TestDatabase.newPostgresDatabase();
		one = start(database);
		two = start(database);
		urlOne = "http://localhost:" + ((WebServerApplicationContext) one).getWebServer().getPort();
		urlTwo = "http://localhost:" + ((WebServerApplicationContext) two).getWebServer().getPort();
		jdbc = one.getBean(JdbcTemplate.class);
	}

	@AfterAll
	static void stopInstances() {
		two.close();
		one.close();
	}

	@Test
	void signedInThroughOneInstanceIsSignedInOnTheOther() {
		Browser browser = new Browser();
		browser.signIn(urlOne, newEmployee(), PASSWORD);

		Browser.Page page = browser.get(urlTwo + "/security-info");

		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("These are the methods you use to sign into your account or reset your password.");
	}

	@Test
	void codeSentThroughOneInstanceIsAcceptedThroughTheOther() {
		Browser browser = new Browser();
		String email = newEmployee();
		browser.signIn(urlOne, email, PASSWORD);
		String number = nextNumber();

		String challengePath = sendCode(browser, urlOne, number);
		Browser.Page codePage = browser.get(urlTwo + challengePath);
		Browser.Page result = browser.post(urlTwo + challengePath, codePage.csrf(),
				Map.of("code", sms.lastCodeTo(number)));

		assertThat(result.location()).endsWith(challengePath + "/done");
		assertThat(phonesOf(email)).containsExactly(number);
	}

	@Test
	void perNumberLimitCountsSendsThroughBothInstances() {
		String number = nextNumber();
		Browser browser = new Browser();
		browser.signIn(urlOne, newEmployee(), PASSWORD);
		for (int send = 0; send < 5; send++) {
			sendCode(browser, send % 2 == 0 ? urlOne : urlTwo, number);
		}
		int sentBefore = sms.sent().size();

		Browser.Page sixth = postPhoneForm(browser, urlTwo, number);

		assertThat(sixth.status()).isEqualTo(200);
		assertThat(sixth.body()).contains("Too many codes were sent to this number in the last hour. Try again later.");
		assertThat(sms.sent()).hasSize(sentBefore);
	}

	@Test
	void sameCodeSubmittedToBothInstancesAtOnceRegistersThePhoneOnce() throws Exception {
		Browser browser = new Browser();
		String email = newEmployee();
		browser.signIn(urlOne, email, PASSWORD);
		String number = nextNumber();
		String challengePath = sendCode(browser, urlOne, number);
		String csrf = browser.get(urlOne + challengePath).csrf();
		String code = sms.lastCodeTo(number);
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			List<Future<Browser.Page>> answers = pool.invokeAll(List.<Callable<Browser.Page>>of(() -> {
				start.await(10, TimeUnit.SECONDS);
				return browser.post(urlOne + challengePath, csrf, Map.of("code", code));
			}, () -> {
				start.await(10, TimeUnit.SECONDS);
				return browser.post(urlTwo + challengePath, csrf, Map.of("code", code));
			}).stream().peek(future -> start.countDown()).toList(), 30, TimeUnit.SECONDS);

			for (Future<Browser.Page> answer : answers) {
				assertThat(answer.get().location()).endsWith(challengePath + "/done");
			}
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(phonesOf(email)).containsExactly(number);
	}

	@Test
	void policyChangedOnOneInstanceIsInForceOnTheOtherAtTheNextRequest() {
		String group = "two-instances-" + numbers.incrementAndGet();
		Browser admin = new Browser();
		admin.signIn(urlOne, newAccount(Role.ADMIN), PASSWORD);
		Browser employee = new Browser();
		employee.signIn(urlTwo, newEmployee(), PASSWORD);
		assertThat(employee.get(urlTwo + "/security-info/phone").body()).contains("Text me a code");

		// SMS only for members of a new, empty group: this employee loses it. The policy is restored afterwards, as
		// the other tests here share the database.
		Browser.Page groups = admin.get(urlOne + "/admin/groups");
		Browser.Page created = admin.post(urlOne + "/admin/groups", groups.csrf(), Map.of("name", group));
		String groupId = created.location().replaceAll(".*/admin/groups/", "");
		Browser.Page methods = admin.get(urlOne + "/admin/methods");
		Browser.Page saved = admin.post(urlOne + "/admin/methods", methods.csrf(),
				Map.of("methods[0].method", "SMS", "methods[0].enabled", "true", "methods[0].target", "GROUPS",
						"methods[0].groupIds", groupId, "methods[1].method", "VOICE", "methods[1].enabled", "true",
						"methods[1].target", "ALL"));
		assertThat(saved.location()).endsWith("/admin/methods");

		try {
			Browser.Page phonePage = employee.get(urlTwo + "/security-info/phone");

			assertThat(phonePage.body()).doesNotContain("Text me a code").contains("Call me");
		}
		finally {
			jdbc.update("delete from method_policy");
		}
	}

	@Test
	void signOutEverywhereOnOneInstanceEndsTheSessionServedByTheOther() {
		String email = newEmployee();
		Browser laptop = new Browser();
		laptop.signIn(urlOne, email, PASSWORD);
		Browser phone = new Browser();
		phone.signIn(urlTwo, email, PASSWORD);
		assertThat(phone.get(urlTwo + "/security-info").status()).isEqualTo(200);

		Browser.Page confirmation = laptop.get(urlOne + "/sign-out-everywhere");
		Browser.Page signedOut = laptop.post(urlOne + "/sign-out-everywhere", confirmation.csrf(), Map.of());

		assertThat(signedOut.location()).endsWith("/login?signedOutEverywhere");
		Browser.Page next = phone.get(urlTwo + "/security-info");
		assertThat(next.status()).isEqualTo(302);
		assertThat(next.location()).endsWith("/login");
	}

	private static String sendCode(Browser browser, String baseUrl, String number) {
		Browser.Page sent = postPhoneForm(browser, baseUrl, number);
		assertThat(sent.status()).as("sending a code through %s", baseUrl).isEqualTo(302);
		return sent.location().replaceAll("^https?://[^/]+", "");
	}

	private static Browser.Page postPhoneForm(Browser browser, String baseUrl, String number) {
		Browser.Page phonePage = browser.get(baseUrl + "/security-info/phone");
		return browser.post(baseUrl + "/security-info/phone", phonePage.csrf(),
				Map.of("region", "NL", "number", number, "mode", "TEXT"));
	}

	private static List<String> phonesOf(String email) {
		return jdbc.queryForList("""
				select m.detail from security_method m join account a on a.id = m.account_id
				where a.email = ?""", String.class, email);
	}

	private static String newEmployee() {
		return newAccount(Role.EMPLOYEE);
	}

	private static String newAccount(Role role) {
		String email = "instances" + numbers.incrementAndGet() + "@example.com";
		one.getBean(Accounts.class).createIfAbsent(email, "Two Instances", PASSWORD, role);
		return email;
	}

	private static String nextNumber() {
		return "+3162" + String.format("%07d", numbers.incrementAndGet());
	}

	private static ConfigurableApplicationContext start(String database) {
		// As command-line arguments, so they win over the test profile's own in-memory database.
		return new SpringApplicationBuilder(SecurityInfoApplication.class).profiles("test")
			.initializers((GenericApplicationContext context) -> context.registerBean("capturingSmsGateway",
					SmsGateway.class, () -> sms, definition -> definition.setPrimary(true)))
			.run("--server.port=0", "--spring.datasource.url=" + database, "--spring.datasource.username=postgres",
					"--spring.datasource.password=", "--app.demo.enabled=false", "--spring.autoconfigure.exclude=");
	}

}
