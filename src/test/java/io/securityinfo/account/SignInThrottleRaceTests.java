package io.securityinfo.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

import io.securityinfo.AtOnce;
import io.securityinfo.ServerFixture;
import io.securityinfo.TestBeans;
import io.securityinfo.TestDatabase;

/**
 * Sign-in throttling under parallel requests, against the real server: many wrong passwords at the same moment,
 * each from its own session, for one account or one each for many accounts from one address, get no more password
 * checks than the limit allows, and the right password is then refused while the lock lasts.
 */
// With the database sessions of the real app (the test profile leaves them out).
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "spring.autoconfigure.exclude=")
@ActiveProfiles("test")
@Import({ TestBeans.class, SignInThrottleRaceTests.CountingPasswordChecks.class })
@ContextConfiguration(initializers = TestDatabase.Initializer.class)
class SignInThrottleRaceTests extends ServerFixture {

	private static final int PARALLEL_ATTEMPTS = 50;

	/** app.sign-in.throttle.failures-before-lock, as configured by default. */
	private static final int FAILURES_BEFORE_LOCK = 10;

	/** app.sign-in.throttle.address-failures-before-lock, as configured by default. */
	private static final int ADDRESS_FAILURES_BEFORE_LOCK = 50;

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	@Autowired
	CountingPasswordEncoder encoder;

	/** Each test starts with no counts: the address of every request here is the loopback one. */
	@BeforeEach
	void forgetCounts() {
		jdbc.update("delete from sign_in_throttle");
	}

	@Test
	void signInWhenManyWrongPasswordsFromOneAddressArriveAtOnceForManyAccountsThenNoMoreChecksThanTheAddressLimit()
			throws Exception {
		int accountsTried = ADDRESS_FAILURES_BEFORE_LOCK + 20;
		List<String> emails = new ArrayList<>();
		List<String> hashes = new ArrayList<>();
		List<Session> sessions = new ArrayList<>();
		for (int i = 0; i < accountsTried; i++) {
			String email = "spray" + i + "-" + System.nanoTime() + "@example.com";
			accounts.createIfAbsent(email, "Spray Target", TestAccounts.PASSWORD, Role.EMPLOYEE);
			emails.add(email);
			hashes.add(jdbc.queryForObject("select password_hash from account where email = ?", String.class, email));
			sessions.add(Session.open(base()));
		}
		int checksBefore = hashes.stream().mapToInt(encoder::checksAgainst).sum();
		AtomicInteger next = new AtomicInteger();

		List<String> answers = inParallel(sessions,
				session -> session.signIn(emails.get(next.getAndIncrement()), "Winter2026!"));

		int checks = hashes.stream().mapToInt(encoder::checksAgainst).sum() - checksBefore;
		Map<String, Long> byAnswer = answers.stream().collect(Collectors.groupingBy(a -> a, Collectors.counting()));
		System.out.printf("Sign-in address race: %d wrong passwords at once, one per account; answers %s; password "
				+ "checks %d%n", accountsTried, byAnswer, checks);
		assertThat(checks).isEqualTo(ADDRESS_FAILURES_BEFORE_LOCK);
		assertThat(byAnswer).containsOnlyKeys("/login?error", "/login?throttled")
			.containsEntry("/login?error", (long) ADDRESS_FAILURES_BEFORE_LOCK)
			.containsEntry("/login?throttled", (long) (accountsTried - ADDRESS_FAILURES_BEFORE_LOCK));
		assertThat(jdbc.queryForObject("select count(*) from audit_event where action = 'SIGN_IN_ADDRESS_LOCKED'",
				Integer.class)).isOne();

		assertThat(Session.open(base()).signIn(emails.get(0), TestAccounts.PASSWORD)).isEqualTo("/login?throttled");
	}

	@Test
	void signInWhenManyWrongPasswordsArriveAtOnceThenNoMoreChecksThanTheLimitAndTheRightOneIsRefused()
			throws Exception {
		String email = "race" + System.nanoTime() + "@example.com";
		accounts.createIfAbsent(email, "Race Target", TestAccounts.PASSWORD, Role.EMPLOYEE);
		String hash = jdbc.queryForObject("select password_hash from account where email = ?", String.class, email);
		List<Session> sessions = new ArrayList<>();
		for (int i = 0; i < PARALLEL_ATTEMPTS; i++) {
			sessions.add(Session.open(base()));
		}
		int checksBefore = encoder.checksAgainst(hash);

		List<String> answers = inParallel(sessions, session -> session.signIn(email, "wrong-password"));

		Map<String, Long> byAnswer = answers.stream().collect(Collectors.groupingBy(a -> a, Collectors.counting()));
		System.out.printf("Sign-in race: %d wrong passwords at once; answers %s; password checks %d%n",
				PARALLEL_ATTEMPTS, byAnswer, encoder.checksAgainst(hash) - checksBefore);
		assertThat(encoder.checksAgainst(hash) - checksBefore).isEqualTo(FAILURES_BEFORE_LOCK);
		assertThat(byAnswer).containsOnlyKeys("/login?error", "/login?throttled")
			.containsEntry("/login?error", (long) FAILURES_BEFORE_LOCK)
			.containsEntry("/login?throttled", (long) (PARALLEL_ATTEMPTS - FAILURES_BEFORE_LOCK));
		assertThat(jdbc.queryForObject("""
				select count(*) from audit_event e join account a on a.id = e.subject_account_id
				where a.email = ? and e.action = 'SIGN_IN_LOCKED'""", Integer.class, email)).isEqualTo(1);

		String rightPassword = Session.open(base()).signIn(email, TestAccounts.PASSWORD);

		assertThat(rightPassword).isEqualTo("/login?throttled");
		assertThat(encoder.checksAgainst(hash) - checksBefore).isEqualTo(FAILURES_BEFORE_LOCK);
	}

	private String base() {
		return "http://127.0.0.1:" + port;
	}

	/** Runs the call for every session at once (behind a start gate), bounded in time; answers what each got. */
	private static List<String> inParallel(List<Session> sessions, Function<Session, String> call) throws Exception {
		return AtOnce.call(sessions.size(),
				sessions.stream().<Callable<String>>map(session -> () -> call.apply(session)).toList());
	}

	/** One browser session over real HTTP: its cookies and the CSRF token of its sign-in page. */
	private record Session(HttpClient client, String base, Map<String, String> cookies, String csrf) {

		static Session open(String base) throws IOException, InterruptedException {
			HttpClient client = HttpClient.newBuilder()
				.followRedirects(HttpClient.Redirect.NEVER)
				.connectTimeout(Duration.ofSeconds(5))
				.build();
			Map<String, String> cookies = new java.util.concurrent.ConcurrentHashMap<>();
			HttpResponse<String> page = client.send(
					HttpRequest.newBuilder(URI.create(base + "/login")).timeout(Duration.ofSeconds(30)).build(),
					HttpResponse.BodyHandlers.ofString());
			keepCookies(page, cookies);
			Matcher csrf = CSRF.matcher(page.body());
			assertThat(csrf.find()).as("a CSRF token on the sign-in page").isTrue();
			return new Session(client, base, cookies, csrf.group(1));
		}

		/** Posts the sign-in form; answers where the app sent the browser. */
		String signIn(String email, String password) {
			String form = "email=" + encode(email) + "&password=" + encode(password) + "&_csrf=" + encode(csrf);
			try {
				HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(base + "/login"))
					.timeout(Duration.ofSeconds(30))
					.header("Content-Type", "application/x-www-form-urlencoded")
					.header("Cookie", cookies.entrySet()
						.stream()
						.map(cookie -> cookie.getKey() + "=" + cookie.getValue())
						.collect(Collectors.joining("; ")))
					.POST(HttpRequest.BodyPublishers.ofString(form))
					.build(), HttpResponse.BodyHandlers.ofString());
				assertThat(response.statusCode()).isEqualTo(302);
				return response.headers().firstValue("Location").orElseThrow().replace(base, "");
			}
			catch (IOException ex) {
				throw new java.io.UncheckedIOException(ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}

		private static void keepCookies(HttpResponse<?> response, Map<String, String> cookies) {
			for (String setCookie : response.headers().allValues("Set-Cookie")) {
				String pair = setCookie.split(";", 2)[0];
				int equals = pair.indexOf('=');
				cookies.put(pair.substring(0, equals).strip(), pair.substring(equals + 1));
			}
		}

		private static String encode(String value) {
			return URLEncoder.encode(value, StandardCharsets.UTF_8);
		}

	}

	/**
	 * The app's own password encoder, counting the checks made against each stored hash: what an attacker's
	 * guesses cost, whatever the pages answered.
	 */
	static class CountingPasswordEncoder implements PasswordEncoder {

		private final PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();

		private final Map<String, AtomicInteger> checks = new java.util.concurrent.ConcurrentHashMap<>();

		@Override
		public String encode(CharSequence rawPassword) {
			return encoder.encode(rawPassword);
		}

		@Override
		public boolean matches(CharSequence rawPassword, String encodedPassword) {
			checks.computeIfAbsent(encodedPassword, hash -> new AtomicInteger()).incrementAndGet();
			return encoder.matches(rawPassword, encodedPassword);
		}

		@Override
		public boolean upgradeEncoding(String encodedPassword) {
			return encoder.upgradeEncoding(encodedPassword);
		}

		int checksAgainst(String hash) {
			AtomicInteger count = checks.get(hash);
			return count == null ? 0 : count.get();
		}

	}

	@TestConfiguration(proxyBeanMethods = false)
	static class CountingPasswordChecks {

		@Bean
		@Primary
		CountingPasswordEncoder countingPasswordEncoder() {
			return new CountingPasswordEncoder();
		}

	}

}
