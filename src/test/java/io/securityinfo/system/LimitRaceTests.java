package io.securityinfo.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

import io.securityinfo.ServerFixture;
import io.securityinfo.TestBeans;
import io.securityinfo.TestDatabase;
import io.securityinfo.account.Role;
import io.securityinfo.email.CapturingEmailGateway;
import io.securityinfo.securityinfo.SecurityInfo;
import io.securityinfo.sms.CapturingSmsGateway;
import io.securityinfo.totp.TotpTesting;

/**
 * Every limit hammered by parallel requests against the real server, each from a browser of its own (its own
 * session) released at once by a start gate: no more sends, checks or successes get through than the limit
 * allows, counted both in what the gateways received and in what the database holds. The limits are the defaults
 * of application.properties.
 */
// The same configuration as RealServerTests, so that both share one server.
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "management.server.port=0", "spring.autoconfigure.exclude=" })
@ActiveProfiles("test")
@Import(TestBeans.class)
@ContextConfiguration(initializers = TestDatabase.Initializer.class)
class LimitRaceTests extends ServerFixture {

	private static final String PASSWORD = "Passw0rd!";

	private static final int THREADS = 30;

	/** Room for the largest race here: 48 requests over six challenges. */
	private static final int POOL_SIZE = 50;

	private static final AtomicInteger sequence = new AtomicInteger(1000 + (int) (System.nanoTime() % 8000));

	private static final Pattern SECRET = Pattern.compile("id=\"secret-key\"[^>]*>([A-Z2-7 ]+)<");

	private static final Pattern NOT_ME_LINK = Pattern.compile("(/not-me/[A-Za-z0-9_-]{43})");

	private static ExecutorService pool;

	@Autowired
	SecurityInfo securityInfo;

	@Autowired
	CapturingSmsGateway sms;

	@Autowired
	CapturingEmailGateway email;

	@Autowired
	TestClock clock;

	@BeforeAll
	static void startPool() {
		pool = Executors.newFixedThreadPool(POOL_SIZE);
	}

	@AfterAll
	static void stopPool() {
		pool.shutdownNow();
	}

	@BeforeEach
	void forgetResetStarts() {
		// Every browser here comes from the same loopback address: each test starts with its budget whole.
		jdbc.update("delete from password_reset");
	}

	@Test
	void sendWhenManyAccountsTextOneNumberAtOnceThenOnlyThePerNumberLimitGoesOut() throws Exception {
		String number = nextNumber();
		List<Browser> browsers = inParallel(THREADS, i -> signedIn(newAccount()));
		List<String> csrf = inParallel(THREADS, i -> browsers.get(i).get(url("/security-info/phone")).csrf());

		List<Browser.Page> answers = race(THREADS, i -> postPhone(browsers.get(i), csrf.get(i), number));

		assertThat(redirects(answers)).isEqualTo(5);
		assertThat(textsTo(List.of(number))).isEqualTo(5);
		assertThat(count("select count(*) from verification_code where destination = ?", number)).isEqualTo(5);
	}

	@Test
	void sendWhenOnePersonTextsManyNumbersAtOnceThenOnlyThePerPersonLimitGoesOut() throws Exception {
		String person = newAccount();
		List<String> numbers = inParallel(THREADS, i -> nextNumber());
		List<Browser> browsers = signedInBrowsers(person, THREADS);
		List<String> csrf = inParallel(THREADS, i -> browsers.get(i).get(url("/security-info/phone")).csrf());

		List<Browser.Page> answers = race(THREADS, i -> postPhone(browsers.get(i), csrf.get(i), numbers.get(i)));

		assertThat(redirects(answers)).isEqualTo(10);
		assertThat(textsTo(numbers)).isEqualTo(10);
		assertThat(count("select count(*) from verification_code where account_id = ?", idOf(person))).isEqualTo(10);
	}

	@Test
	void resetWhenStartedManyTimesForOneEmailAtOnceThenOnlyThePerAccountLimitStarts() throws Exception {
		String person = newAccount();
		List<Browser> browsers = inParallel(THREADS, i -> new Browser());
		List<String> csrf = inParallel(THREADS, i -> browsers.get(i).get(url("/password-reset")).csrf());

		List<Browser.Page> answers = race(THREADS,
				i -> browsers.get(i).post(url("/password-reset"), csrf.get(i), Map.of("email", person)));

		assertThat(redirects(answers)).isEqualTo(5);
		assertThat(count("select count(*) from password_reset where account_id = ?", idOf(person))).isEqualTo(5);
	}

	@Test
	void resetWhenStartedForManyEmailsFromOneClientAtOnceThenOnlyThePerClientLimitStarts() throws Exception {
		List<Browser> browsers = inParallel(THREADS, i -> new Browser());
		List<String> csrf = inParallel(THREADS, i -> browsers.get(i).get(url("/password-reset")).csrf());

		List<Browser.Page> answers = race(THREADS, i -> browsers.get(i)
			.post(url("/password-reset"), csrf.get(i), Map.of("email", "nobody" + nextSequence() + "@example.com")));

		assertThat(redirects(answers)).isEqualTo(20);
		assertThat(count("select count(*) from password_reset")).isEqualTo(20);
	}

	@Test
	void resetWhenManyCodesAreTypedAtOnceThenAtMostTheWrongAnswerLimitIsCheckedAndTheEndHolds() throws Exception {
		String person = newAccount();
		long personId = idOf(person);
		String number = nextNumber();
		securityInfo.register(personId, "PHONE", number, null);
		Browser browser = new Browser();
		Browser.Page start = browser.get(url("/password-reset"));
		assertThat(browser.post(url("/password-reset"), start.csrf(), Map.of("email", person)).status())
			.isEqualTo(302);
		Browser.Page destination = browser.get(url("/password-reset/verify/text"));
		assertThat(browser.post(url("/password-reset/verify/text"), destination.csrf(), Map.of("destination", number))
			.location()).endsWith("/password-reset/verify/text/code");
		String code = sms.lastCodeTo(number);
		String csrf = browser.get(url("/password-reset/verify/text/code")).csrf();

		// One browser: the reset lives in its session. The right code is among the last to be sent.
		List<Browser.Page> answers = race(THREADS, i -> browser.post(url("/password-reset/verify/text/code"), csrf,
				Map.of("code", i == THREADS - 1 ? code : TotpTesting.wrong(code))));

		Map<String, Object> reset = jdbc.queryForMap(
				"select status, wrong_answers from password_reset where account_id = ?", personId);
		int wrongAnswers = ((Number) reset.get("wrong_answers")).intValue();
		assertThat(audited(personId, "PASSWORD_RESET_ANSWER_FAILED")).isEqualTo(wrongAnswers);
		assertThat(wrongAnswers).isLessThanOrEqualTo(5);
		assertThat(audited(personId, "CODE_FAILED")).isLessThanOrEqualTo(5);
		// Ended exactly when the limit was reached, and never verified after it ended.
		assertThat(reset.get("status")).isEqualTo(wrongAnswers == 5 ? "ENDED" : "VERIFIED");
		assertThat(audited(personId, "PASSWORD_RESET_METHOD_VERIFIED")).isEqualTo(wrongAnswers == 5 ? 0 : 1);
	}

	@Test
	void checkWhenManyWrongCodesForOneChallengeAtOnceThenOnlyTheWrongAttemptLimitIsChecked() throws Exception {
		String person = newAccount();
		List<Browser> browsers = signedInBrowsers(person, THREADS);
		String challengePath = sendCode(browsers.get(0), nextNumber());
		List<String> csrf = inParallel(THREADS, i -> browsers.get(i).get(url(challengePath)).csrf());

		race(THREADS, i -> browsers.get(i).post(url(challengePath), csrf.get(i), Map.of("code", "000000")));

		assertThat(audited(idOf(person), "CODE_FAILED")).isEqualTo(5);
		assertThat(count("select wrong_attempts from verification_challenge where account_id = ?", idOf(person)))
			.isEqualTo(5);
	}

	@Test
	void checkWhenManyWrongCodesAcrossChallengesAtOnceThenOnlyTheConsecutiveFailureLimitIsChecked()
			throws Exception {
		String person = newAccount();
		int challenges = 6;
		int perChallenge = 8;
		List<Browser> browsers = signedInBrowsers(person, challenges * perChallenge);
		List<String> paths = new ArrayList<>();
		for (int i = 0; i < challenges; i++) {
			paths.add(sendCode(browsers.get(i), nextNumber()));
		}
		List<String> csrf = inParallel(browsers.size(),
				i -> browsers.get(i).get(url(paths.get(i % challenges))).csrf());

		race(browsers.size(), i -> browsers.get(i).post(url(paths.get(i % challenges)), csrf.get(i),
				Map.of("code", "000000")));

		assertThat(audited(idOf(person), "CODE_FAILED")).isEqualTo(20);
		assertThat(audited(idOf(person), "VERIFICATION_LOCKED_OUT")).isEqualTo(1);
	}

	@Test
	void checkWhenTheRightCodeIsTypedInManyBrowsersAtOnceThenItSucceedsOnce() throws Exception {
		String person = newAccount();
		String number = nextNumber();
		List<Browser> browsers = signedInBrowsers(person, THREADS);
		String challengePath = sendCode(browsers.get(0), number);
		String code = sms.lastCodeTo(number);
		List<String> csrf = inParallel(THREADS, i -> browsers.get(i).get(url(challengePath)).csrf());

		race(THREADS, i -> browsers.get(i).post(url(challengePath), csrf.get(i), Map.of("code", code)));

		assertThat(audited(idOf(person), "CODE_VERIFIED")).isEqualTo(1);
		assertThat(count("select count(*) from security_method where account_id = ?", idOf(person))).isEqualTo(1);
	}

	@Test
	void appWhenManyWrongCodesAreTypedAtOnceThenOnlyTheLockLimitIsChecked() throws Exception {
		String person = newAccount();
		registerApp(person);
		List<Browser> browsers = signedInBrowsers(person, THREADS);
		List<String> csrf = inParallel(THREADS, i -> browsers.get(i).get(url("/two-step")).csrf());

		race(THREADS, i -> browsers.get(i).post(url("/two-step"), csrf.get(i), Map.of("code", "000000")));

		assertThat(appCodes(idOf(person), "CODE_FAILED")).isEqualTo(5);
		assertThat(appCodes(idOf(person), "VERIFICATION_LOCKED_OUT")).isEqualTo(1);
	}

	@Test
	void appWhenItsCodeIsTypedInManyBrowsersAtOnceThenItIsAcceptedOnce() throws Exception {
		String person = newAccount();
		registerApp(person);
		String secret = appSecrets.get(person);
		List<Browser> browsers = signedInBrowsers(person, THREADS);
		List<String> csrf = inParallel(THREADS, i -> browsers.get(i).get(url("/two-step")).csrf());
		clock.advance(Duration.ofSeconds(30));
		String code = TotpTesting.code(secret, clock.instant());
		int verifiedBefore = appCodes(idOf(person), "CODE_VERIFIED");

		List<Browser.Page> answers = race(THREADS,
				i -> browsers.get(i).post(url("/two-step"), csrf.get(i), Map.of("code", code)));

		assertThat(appCodes(idOf(person), "CODE_VERIFIED") - verifiedBefore).isEqualTo(1);
		assertThat(answers.stream().filter(answer -> !String.valueOf(answer.location()).endsWith("/two-step")))
			.hasSize(1);
	}

	@Test
	void notMeWhenTheLinkIsPostedFromManyBrowsersAtOnceThenItIsUsedOnce() throws Exception {
		String person = newAccount();
		long personId = idOf(person);
		securityInfo.register(personId, "PHONE", nextNumber(), null);
		String link = notMeLink(person);
		List<Browser> browsers = inParallel(THREADS, i -> new Browser());
		List<String> csrf = inParallel(THREADS, i -> browsers.get(i).get(url(link)).csrf());

		List<Browser.Page> answers = race(THREADS, i -> browsers.get(i).post(url(link), csrf.get(i), Map.of()));

		assertThat(answers.stream().filter(answer -> answer.status() == 302)).hasSize(1);
		assertThat(audited(personId, "NOT_ME_REPORTED")).isEqualTo(1);
	}

	private final Map<String, String> appSecrets = new java.util.concurrent.ConcurrentHashMap<>();

	/** Sets up an authenticator app through its pages, as the person would, and keeps its secret. */
	private void registerApp(String person) {
		Browser browser = signedIn(person);
		Browser.Page start = browser.get(url("/security-info/authenticator-app"));
		Browser.Page started = browser.post(url("/security-info/authenticator-app"), start.csrf(), Map.of());
		String enrolment = started.location().replaceAll("^https?://[^/]+", "");
		Matcher secret = SECRET.matcher(browser.get(url(enrolment)).body());
		assertThat(secret.find()).as("the secret on the set-up page").isTrue();
		String base32 = secret.group(1).replace(" ", "");
		Browser.Page codePage = browser.get(url(enrolment + "/code"));
		Browser.Page confirmed = browser.post(url(enrolment + "/code"), codePage.csrf(),
				Map.of("code", TotpTesting.code(base32, clock.instant())));
		assertThat(confirmed.location()).endsWith(enrolment + "/done");
		browser.get(url(enrolment + "/done"));
		appSecrets.put(person, base32);
	}

	/** The link of the change notice, mailed after the change's commit (so a moment after its answer). */
	private String notMeLink(String person) {
		return await().alias("a \"This wasn't me\" link mailed to " + person)
			.atMost(Duration.ofSeconds(5))
			.until(() -> email.sentTo(person)
				.stream()
				.map(mail -> NOT_ME_LINK.matcher(mail.body()))
				.filter(Matcher::find)
				.map(link -> link.group(1))
				.findFirst(), Optional::isPresent)
			.get();
	}

	/**
	 * Runs the requests from the pool, all released at once; answers what each got back, in order. None may answer
	 * a server error. Bounded in time: a request still running after a minute fails the test.
	 */
	private static List<Browser.Page> race(int requests, IntFunction<Browser.Page> request) throws Exception {
		CountDownLatch ready = new CountDownLatch(requests);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<Browser.Page>> futures = new ArrayList<>();
		for (int i = 0; i < requests; i++) {
			int index = i;
			futures.add(pool.submit(() -> {
				ready.countDown();
				start.await(30, TimeUnit.SECONDS);
				return request.apply(index);
			}));
		}
		assertThat(ready.await(30, TimeUnit.SECONDS)).as("every thread at the start gate").isTrue();
		start.countDown();
		List<Browser.Page> answers = new ArrayList<>();
		for (Future<Browser.Page> future : futures) {
			answers.add(future.get(60, TimeUnit.SECONDS));
		}
		assertThat(answers).as("answers to racing requests")
			.allSatisfy(answer -> assertThat(answer.status()).isLessThan(500));
		return answers;
	}

	/** Preparation (signing in, reading forms) done in parallel to save time; no start gate. */
	private static <T> List<T> inParallel(int tasks, IntFunction<T> task) throws Exception {
		List<Callable<T>> calls = new ArrayList<>();
		for (int i = 0; i < tasks; i++) {
			int index = i;
			calls.add(() -> task.apply(index));
		}
		List<T> results = new ArrayList<>();
		for (Future<T> future : pool.invokeAll(calls, 120, TimeUnit.SECONDS)) {
			results.add(future.get());
		}
		return results;
	}

	private String sendCode(Browser browser, String number) {
		Browser.Page phonePage = browser.get(url("/security-info/phone"));
		Browser.Page sent = postPhone(browser, phonePage.csrf(), number);
		assertThat(sent.status()).as("sending a code to %s", number).isEqualTo(302);
		return sent.location().replaceAll("^https?://[^/]+", "");
	}

	private Browser.Page postPhone(Browser browser, String csrf, String number) {
		return browser.post(url("/security-info/phone"), csrf,
				Map.of("region", "NL", "number", number, "mode", "TEXT"));
	}

	/**
	 * One person signed in in many browsers, one after another: sign-in counts the attempts in flight against its
	 * throttle before it checks a password, so more than its limit of parallel sign-ins to one account are refused
	 * (account/SignInThrottleRaceTests).
	 */
	private List<Browser> signedInBrowsers(String email, int count) {
		List<Browser> browsers = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			browsers.add(signedIn(email));
		}
		return browsers;
	}

	private Browser signedIn(String email) {
		Browser browser = new Browser();
		browser.signIn(url(""), email, PASSWORD);
		return browser;
	}

	private static long redirects(List<Browser.Page> answers) {
		return answers.stream().filter(answer -> answer.status() == 302).count();
	}

	private long textsTo(List<String> numbers) {
		return sms.sent().stream().filter(sent -> numbers.contains(sent.to())).count();
	}

	private int audited(long accountId, String action) {
		return count("select count(*) from audit_event where subject_account_id = ? and action = ?", accountId,
				action);
	}

	private int appCodes(long accountId, String action) {
		return count("""
				select count(*) from audit_event where subject_account_id = ? and action = ?
				and method_mode = 'APP_CODE'""", accountId, action);
	}

	private int count(String sql, Object... arguments) {
		return jdbc.queryForObject(sql, Integer.class, arguments);
	}

	private long idOf(String email) {
		return accounts.findByEmail(email).orElseThrow().id();
	}

	private String newAccount() {
		String email = "race" + nextSequence() + "@example.com";
		accounts.createIfAbsent(email, "Race Tester", PASSWORD, Role.EMPLOYEE);
		return email;
	}

	private static String nextNumber() {
		return "+3163" + "%07d".formatted(nextSequence());
	}

	private static int nextSequence() {
		return sequence.incrementAndGet();
	}

}
