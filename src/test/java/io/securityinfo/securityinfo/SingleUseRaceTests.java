package io.securityinfo.securityinfo;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

import io.securityinfo.TestBeans;
import io.securityinfo.TestDatabase;
import io.securityinfo.account.Accounts;
import io.securityinfo.account.Role;
import io.securityinfo.account.TestAccounts;
import io.securityinfo.policy.TestPolicies;
import io.securityinfo.policy.TwoStepPolicy;
import io.securityinfo.policy.TwoStepRules;

/**
 * What works once works once under parallel requests, against the real server with database sessions: a one-time
 * Temporary Access Pass posted by many sign-ins at the same moment signs exactly one of them in, and a recovery code
 * posted at the second step by many sessions at once gives exactly one of them the second step.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "spring.autoconfigure.exclude=")
@ActiveProfiles("test")
@Import(TestBeans.class)
@ContextConfiguration(initializers = TestDatabase.Initializer.class)
class SingleUseRaceTests {

	private static final int PARALLEL = 12;

	/** Fewer than the sign-in throttle's ten failures before a lock, so that no sign-in is refused by it. */
	private static final int PARALLEL_SIGN_INS = 9;

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private static final Pattern PASS = Pattern.compile("<code id=\"pass\">([^<]+)</code>");

	private static final Pattern CODE = Pattern.compile("<code>([0-9a-z]{5}-[0-9a-z]{5})</code>");

	@LocalServerPort
	int port;

	@Autowired
	Accounts accounts;

	@Autowired
	TwoStepPolicy twoStepPolicy;

	@Autowired
	JdbcTemplate jdbc;

	long adminId;

	@BeforeEach
	void noCounts() {
		jdbc.update("delete from sign_in_throttle");
	}

	@AfterEach
	void restorePolicy() {
		if (adminId != 0) {
			TestPolicies.restoreTwoStep(adminId, twoStepPolicy);
		}
	}

	@Test
	void signInWhenOneTimePassIsPostedByManySignInsAtOnceThenExactlyOneSignsIn() throws Exception {
		String adminEmail = newAccount("admin", Role.ADMIN);
		String email = newAccount("pass", Role.EMPLOYEE);
		long personId = accounts.findByEmail(email).orElseThrow().id();
		Session admin = Session.open(base(), "/login");
		assertThat(admin.post("/login", Map.of("email", adminEmail, "password", TestAccounts.PASSWORD))).isEqualTo("/");
		admin.get("/admin/users/" + personId + "/temporary-access-pass");
		String created = admin.postForPage("/admin/users/" + personId + "/temporary-access-pass",
				Map.of("lifetimeMinutes", "60", "startLater", "false", "oneTime", "true"));
		Matcher pass = PASS.matcher(created);
		assertThat(pass.find()).as("the pass shown once").isTrue();
		List<Session> sessions = new ArrayList<>();
		for (int i = 0; i < PARALLEL_SIGN_INS; i++) {
			sessions.add(Session.open(base(), "/login/temporary-access-pass"));
		}

		List<String> answers = inParallel(sessions, session -> session.postAnswer("/login/temporary-access-pass",
				Map.of("email", email, "pass", pass.group(1))));

		Map<String, Long> byAnswer = answers.stream().collect(Collectors.groupingBy(a -> a, Collectors.counting()));
		System.out.printf("One-time pass race: %d sign-ins at once; answers %s%n", PARALLEL_SIGN_INS, byAnswer);
		assertThat(byAnswer).containsOnlyKeys("/security-info", "used")
			.containsEntry("/security-info", 1L)
			.containsEntry("used", (long) PARALLEL_SIGN_INS - 1);
		assertThat(jdbc.queryForObject("select count(*) from audit_event where subject_account_id = ? "
				+ "and action = 'TEMPORARY_ACCESS_PASS_USED'", Integer.class, personId)).isOne();
	}

	@Test
	void secondStepWhenOneRecoveryCodeIsPostedByManySessionsAtOnceThenExactlyOneIsSignedIn() throws Exception {
		String adminEmail = newAccount("admin", Role.ADMIN);
		adminId = accounts.findByEmail(adminEmail).orElseThrow().id();
		String email = newAccount("codes", Role.EMPLOYEE);
		long personId = accounts.findByEmail(email).orElseThrow().id();
		Session owner = Session.open(base(), "/login");
		owner.post("/login", Map.of("email", email, "password", TestAccounts.PASSWORD));
		owner.get("/security-info/recovery-codes");
		Matcher code = CODE.matcher(owner.postForPage("/security-info/recovery-codes", Map.of()));
		assertThat(code.find()).as("the codes shown once").isTrue();
		twoStepPolicy.save(adminId, new TwoStepRules(true, true, Set.of()));
		List<Session> sessions = new ArrayList<>();
		for (int i = 0; i < PARALLEL; i++) {
			Session session = Session.open(base(), "/login");
			assertThat(session.post("/login", Map.of("email", email, "password", TestAccounts.PASSWORD)))
				.isEqualTo("/two-step");
			assertThat(session.get("/two-step")).contains("Enter one of your recovery codes to sign in.");
			sessions.add(session);
		}

		List<String> answers = inParallel(sessions,
				session -> session.postAnswer("/two-step", Map.of("code", code.group(1))));

		Map<String, Long> byAnswer = answers.stream().collect(Collectors.groupingBy(a -> a, Collectors.counting()));
		System.out.printf("Recovery code race: %d second steps at once; answers %s%n", PARALLEL, byAnswer);
		assertThat(byAnswer).containsOnlyKeys("/", "/two-step")
			.containsEntry("/", 1L)
			.containsEntry("/two-step", (long) PARALLEL - 1);
		assertThat(jdbc.queryForObject("""
				select count(*) from recovery_code c join security_method m on m.id = c.method_id
				where m.account_id = ? and c.used_at is not null""", Integer.class, personId)).isOne();
		assertThat(jdbc.queryForObject("select count(*) from audit_event where subject_account_id = ? "
				+ "and action = 'RECOVERY_CODE_USED'", Integer.class, personId)).isOne();
	}

	private String newAccount(String kind, Role role) {
		String email = kind + "-race-" + System.nanoTime() + "@example.com";
		accounts.createIfAbsent(email, "Race " + kind, TestAccounts.PASSWORD, role);
		return email;
	}

	private String base() {
		return "http://127.0.0.1:" + port;
	}

	/** Runs the call for every session at once (behind a start gate), bounded in time; answers what each got. */
	private static List<String> inParallel(List<Session> sessions, Function<Session, String> call) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(sessions.size());
		try {
			CountDownLatch gate = new CountDownLatch(1);
			List<Future<String>> futures = new ArrayList<>();
			for (Session session : sessions) {
				Callable<String> task = () -> {
					gate.await();
					return call.apply(session);
				};
				futures.add(pool.submit(task));
			}
			gate.countDown();
			List<String> answers = new ArrayList<>();
			for (Future<String> future : futures) {
				answers.add(future.get(120, TimeUnit.SECONDS));
			}
			return answers;
		}
		finally {
			pool.shutdownNow();
		}
	}

	/** One browser session over real HTTP: its cookies and the CSRF token of the last page it read. */
	private static final class Session {

		private final HttpClient client = HttpClient.newBuilder()
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(Duration.ofSeconds(5))
			.build();

		private final String base;

		private final Map<String, String> cookies = new ConcurrentHashMap<>();

		private volatile String csrf;

		private Session(String base) {
			this.base = base;
		}

		static Session open(String base, String page) {
			Session session = new Session(base);
			session.get(page);
			return session;
		}

		String get(String path) {
			HttpResponse<String> page = send(HttpRequest.newBuilder(URI.create(base + path)).GET());
			assertThat(page.statusCode()).as("GET " + path).isEqualTo(200);
			Matcher token = CSRF.matcher(page.body());
			if (token.find()) {
				csrf = token.group(1);
			}
			return page.body();
		}

		/** Posts a form; answers where the app sent the browser. */
		String post(String path, Map<String, String> fields) {
			HttpResponse<String> response = send(form(path, fields));
			assertThat(response.statusCode()).as("POST " + path).isEqualTo(302);
			return location(response);
		}

		/** Posts a form whose answer is a page (the codes or the pass shown once). */
		String postForPage(String path, Map<String, String> fields) {
			HttpResponse<String> response = send(form(path, fields));
			assertThat(response.statusCode()).as("POST " + path).isEqualTo(200);
			return response.body();
		}

		/** Posts a form: where it sent the browser, or "used" for a page saying the pass was used. */
		String postAnswer(String path, Map<String, String> fields) {
			HttpResponse<String> response = send(form(path, fields));
			if (response.statusCode() == 302) {
				return location(response);
			}
			return response.body().contains("This pass was already used") ? "used" : "page " + response.statusCode();
		}

		private String location(HttpResponse<String> response) {
			return response.headers().firstValue("Location").orElseThrow().replace(base, "");
		}

		private HttpRequest.Builder form(String path, Map<String, String> fields) {
			Map<String, String> all = new LinkedHashMap<>(fields);
			all.put("_csrf", csrf);
			String body = all.entrySet()
				.stream()
				.map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
				.collect(Collectors.joining("&"));
			return HttpRequest.newBuilder(URI.create(base + path))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(body));
		}

		private HttpResponse<String> send(HttpRequest.Builder request) {
			if (!cookies.isEmpty()) {
				request.header("Cookie", cookies.entrySet()
					.stream()
					.map(cookie -> cookie.getKey() + "=" + cookie.getValue())
					.collect(Collectors.joining("; ")));
			}
			try {
				HttpResponse<String> response = client.send(request.timeout(Duration.ofSeconds(60)).build(),
						HttpResponse.BodyHandlers.ofString());
				for (String setCookie : response.headers().allValues("Set-Cookie")) {
					String pair = setCookie.split(";", 2)[0];
					int equals = pair.indexOf('=');
					cookies.put(pair.substring(0, equals).strip(), pair.substring(equals + 1));
				}
				return response;
			}
			catch (IOException ex) {
				throw new java.io.UncheckedIOException(ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}

		private static String encode(String value) {
			return URLEncoder.encode(value, StandardCharsets.UTF_8);
		}

	}

}
