package io.securityinfo.account;

import static io.securityinfo.Pages.shows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import io.securityinfo.AppFixture;
import io.securityinfo.AppTest;
import io.securityinfo.TestBrowser;
import io.securityinfo.audit.AuditAction;
import io.securityinfo.audit.AuditLog;

/**
 * Throttling of wrong passwords, per account and per client address, with the default settings: 10 wrong
 * passwords lock an email for 1 minute, each further lock lasts twice as long up to an hour, and 50 from one
 * address lock the address. Each test signs in from an address of its own, so that the counts of one test (and of
 * the rest of the suite, from MockMvc's 127.0.0.1) never reach another's.
 */
@AppTest
class SignInThrottleTests extends AppFixture {

	private static final int FAILURES_BEFORE_LOCK = 10;

	private static final int ADDRESS_FAILURES_BEFORE_LOCK = 50;

	private static final AtomicInteger addresses = new AtomicInteger();

	@Autowired
	AuditLog auditLog;

	@Autowired
	SignInThrottle throttle;

	@Autowired
	ApplicationEventPublisher events;

	@Test
	void signInWhenThirtyWrongPasswordsThenTheRightOneIsRefusedWhileLocked() throws Exception {
		SignedInUser person = newEmployee();
		String address = newAddress();
		for (int i = 0; i < 30; i++) {
			mvc.perform(signIn(person.email(), "wrong-" + i, address)).andExpect(unauthenticated());
		}

		TestBrowser browser = new TestBrowser(mvc);
		browser.perform(signIn(person.email(), TestAccounts.PASSWORD, address))
			.andExpect(unauthenticated())
			.andExpect(redirectedUrl("/login?throttled"));
		browser.perform(get("/login").param("throttled", ""))
			.andExpect(shows("Too many attempts to sign in. For your security, wait a while and try again, or reset "
					+ "your password."))
			.andExpect(shows("value=\"" + person.email() + "\""));
	}

	@Test
	void signInWhenTheTenthWrongPasswordThenTheLockIsAuditedOnceWithNoOneAsActor() throws Exception {
		SignedInUser person = newEmployee();
		String address = newAddress();

		wrongPasswords(person.email(), FAILURES_BEFORE_LOCK + 5, address);

		List<AuditLog.Entry> locks = auditLog.entriesFor(person.id())
			.stream()
			.filter(entry -> entry.action() == AuditAction.SIGN_IN_LOCKED)
			.toList();
		assertThat(locks).singleElement().satisfies(lock -> {
			assertThat(lock.actorAccountId()).isNull();
			assertThat(lock.clientIp()).isEqualTo(address);
			assertThat(lock.facts()).isEqualTo("wrong-passwords=10&until=" + now().plus(Duration.ofMinutes(1)));
		});
	}

	@Test
	void signInWhenTheLockHasPassedThenTheRightPasswordSignsIn() throws Exception {
		SignedInUser person = newEmployee();
		String address = newAddress();
		wrongPasswords(person.email(), FAILURES_BEFORE_LOCK, address);

		clock.advance(Duration.ofSeconds(59));
		mvc.perform(signIn(person.email(), TestAccounts.PASSWORD, address)).andExpect(redirectedUrl("/login?throttled"));

		clock.advance(Duration.ofSeconds(1));
		mvc.perform(signIn(person.email(), TestAccounts.PASSWORD, address))
			.andExpect(authenticated().withUsername(person.email()));
	}

	@Test
	void signInWhenRightPasswordThenTheAccountCountStartsOver() throws Exception {
		SignedInUser person = newEmployee();
		String address = newAddress();
		wrongPasswords(person.email(), FAILURES_BEFORE_LOCK - 1, address);
		mvc.perform(signIn(person.email(), TestAccounts.PASSWORD, address)).andExpect(authenticated());

		wrongPasswords(person.email(), FAILURES_BEFORE_LOCK - 1, address);

		mvc.perform(signIn(person.email(), TestAccounts.PASSWORD, address)).andExpect(authenticated());
	}

	@Test
	void signInWhenLockedAgainThenEachLockLastsTwiceTheOneBefore() throws Exception {
		SignedInUser person = newEmployee();
		String address = newAddress();
		wrongPasswords(person.email(), FAILURES_BEFORE_LOCK, address);
		clock.advance(Duration.ofMinutes(1));

		wrongPasswords(person.email(), FAILURES_BEFORE_LOCK, address);

		clock.advance(Duration.ofMinutes(2).minusSeconds(1));
		mvc.perform(signIn(person.email(), TestAccounts.PASSWORD, address)).andExpect(redirectedUrl("/login?throttled"));
		clock.advance(Duration.ofSeconds(1));
		mvc.perform(signIn(person.email(), TestAccounts.PASSWORD, address)).andExpect(authenticated());
	}

	@Test
	void locksWhenRepeatedThenDoubleUpToAnHour() {
		String email = "doubling" + System.nanoTime() + "@example.com";
		List<Duration> lengths = new ArrayList<>();
		for (int lock = 0; lock < 9; lock++) {
			Instant lockedUntil = null;
			for (int i = 0; i < FAILURES_BEFORE_LOCK; i++) {
				SignInThrottle.Attempt attempt = throttle.begin(email, null);
				assertThat(attempt.allowed()).isTrue();
				throttle.failed(attempt);
				lockedUntil = attempt.accountLockedUntil();
			}
			assertThat(throttle.begin(email, null).allowed()).isFalse();
			lengths.add(Duration.between(now(), lockedUntil));
			clock.set(lockedUntil);
		}

		assertThat(lengths).containsExactly(Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofMinutes(4),
				Duration.ofMinutes(8), Duration.ofMinutes(16), Duration.ofMinutes(32), Duration.ofHours(1),
				Duration.ofHours(1), Duration.ofHours(1));
	}

	@Test
	void locksWhenQuietForADayThenTheDoublingStartsOver() {
		String email = "forgotten" + System.nanoTime() + "@example.com";
		lockWithoutChecks(email);
		clock.advance(Duration.ofMinutes(1));
		lockWithoutChecks(email);

		clock.advance(Duration.ofHours(24));

		assertThat(Duration.between(now(), lockWithoutChecks(email))).isEqualTo(Duration.ofMinutes(1));
	}

	@Test
	void housekeepingWhenCountersWereQuietForADayThenDeletesThemButNotALock() {
		String quiet = "quiet" + System.nanoTime() + "@example.com";
		String locked = "locked" + System.nanoTime() + "@example.com";
		throttle.failed(throttle.begin(quiet, null));
		clock.advance(Duration.ofHours(24));
		lockWithoutChecks(locked);

		throttle.deleteForgotten();

		assertThat(counters(quiet)).isZero();
		assertThat(counters(locked)).isOne();
	}

	private int counters(String email) {
		return jdbc.queryForObject("select count(*) from sign_in_throttle where kind = 'ACCOUNT' and subject = ?",
				Integer.class, email);
	}

	@Test
	void signInWhenUnknownEmailIsLockedThenItLooksJustLikeALockedAccount() throws Exception {
		SignedInUser person = newEmployee();
		String unknown = "nobody-" + System.nanoTime() + "@example.com";
		String address = newAddress();
		List<String> known = new ArrayList<>();
		List<String> nobody = new ArrayList<>();
		for (int i = 0; i < FAILURES_BEFORE_LOCK + 2; i++) {
			known.add(mvc.perform(signIn(person.email(), "wrong", address)).andReturn().getResponse().getRedirectedUrl());
			nobody.add(mvc.perform(signIn(unknown, "wrong", address)).andReturn().getResponse().getRedirectedUrl());
		}

		assertThat(nobody).isEqualTo(known).endsWith("/login?error", "/login?throttled", "/login?throttled");
		assertThat(signInPageAfter(unknown, address).replace(unknown, "EMAIL"))
			.isEqualTo(signInPageAfter(person.email(), address).replace(person.email(), "EMAIL"));
	}

	@Test
	void signInWhenManyWrongPasswordsFromOneAddressAcrossAccountsThenTheAddressIsLocked() throws Exception {
		String address = newAddress();
		SignedInUser person = newEmployee();
		for (int i = 0; i < ADDRESS_FAILURES_BEFORE_LOCK; i++) {
			mvc.perform(signIn("spray" + i + "-" + System.nanoTime() + "@example.com", "Winter2026!", address))
				.andExpect(redirectedUrl("/login?error"));
		}

		mvc.perform(signIn(person.email(), TestAccounts.PASSWORD, address))
			.andExpect(unauthenticated())
			.andExpect(redirectedUrl("/login?throttled"));
		mvc.perform(signIn(person.email(), TestAccounts.PASSWORD, newAddress()))
			.andExpect(authenticated().withUsername(person.email()));
		assertThat(jdbc.queryForObject("""
				select count(*) from audit_event where action = 'SIGN_IN_ADDRESS_LOCKED' and client_ip = ?
				and actor_account_id is null and subject_account_id is null""", Integer.class, address)).isEqualTo(1);
	}

	@Test
	void signInWhenRightPasswordFromAnAddressThenOnlyItsOwnCountIsTakenBack() throws Exception {
		String address = newAddress();
		SignedInUser person = newEmployee();
		for (int i = 0; i < ADDRESS_FAILURES_BEFORE_LOCK - 1; i++) {
			SignInThrottle.Attempt attempt = throttle.begin("spray" + i + "-" + System.nanoTime() + "@example.com",
					address);
			throttle.failed(attempt);
		}
		mvc.perform(signIn(person.email(), TestAccounts.PASSWORD, address)).andExpect(authenticated());

		mvc.perform(signIn(person.email(), "wrong", address)).andExpect(redirectedUrl("/login?error"));

		mvc.perform(signIn(person.email(), TestAccounts.PASSWORD, address)).andExpect(redirectedUrl("/login?throttled"));
	}

	@Test
	void signInWhenPasswordWasResetThenTheLockIsLifted() throws Exception {
		SignedInUser person = newEmployee();
		String address = newAddress();
		wrongPasswords(person.email(), FAILURES_BEFORE_LOCK, address);

		events.publishEvent(new PasswordChanged(person.id(), now(), address, null, true));

		mvc.perform(signIn(person.email(), TestAccounts.PASSWORD, address)).andExpect(authenticated());
	}

	/**
	 * The median time of a locked attempt is that of a wrong password, for an account and for an email of none,
	 * measured in turns so that the machine's load weighs on each alike. The bounds are loose, as a loaded build
	 * machine makes medians wander by a third, but they catch what matters: without the decoy a locked attempt
	 * answers in a few milliseconds instead of a password hash's tens, and with two hashes in twice the time.
	 */
	@Test
	void signInWhenLockedThenItTakesAsLongAsAWrongPasswordForKnownAndUnknownEmails() throws Exception {
		SignedInUser lockedPerson = newEmployee();
		String lockedNobody = "locked-nobody-" + System.nanoTime() + "@example.com";
		wrongPasswords(lockedPerson.email(), FAILURES_BEFORE_LOCK, newAddress());
		wrongPasswords(lockedNobody, FAILURES_BEFORE_LOCK, newAddress());
		List<Long> wrongKnown = new ArrayList<>();
		List<Long> wrongUnknown = new ArrayList<>();
		List<Long> lockedKnown = new ArrayList<>();
		List<Long> lockedUnknown = new ArrayList<>();
		for (int i = 0; i < 21; i++) {
			// A new account each turn, so that none of them reaches the lock.
			wrongKnown.add(timed(newEmployee().email(), "/login?error"));
			wrongUnknown.add(timed("nobody-" + System.nanoTime() + "@example.com", "/login?error"));
			lockedKnown.add(timed(lockedPerson.email(), "/login?throttled"));
			lockedUnknown.add(timed(lockedNobody, "/login?throttled"));
		}

		long reference = median(wrongKnown);
		System.out.printf("Sign-in medians (ms): wrong known %.1f, wrong unknown %.1f, locked known %.1f, "
				+ "locked unknown %.1f%n", reference / 1e6, median(wrongUnknown) / 1e6, median(lockedKnown) / 1e6,
				median(lockedUnknown) / 1e6);
		for (List<Long> times : List.of(wrongUnknown, lockedKnown, lockedUnknown)) {
			assertThat((double) median(times)).isBetween(reference * 0.6, reference * 1.6);
		}
	}

	private long timed(String email, String expectedRedirect) throws Exception {
		MockHttpServletRequestBuilder request = signIn(email, "wrong-password", newAddress());
		long start = System.nanoTime();
		mvc.perform(request).andExpect(redirectedUrl(expectedRedirect));
		return System.nanoTime() - start;
	}

	private static long median(List<Long> times) {
		List<Long> sorted = new ArrayList<>(times);
		Collections.sort(sorted);
		return sorted.get(sorted.size() / 2);
	}

	/** The sign-in page a person sees after one more attempt from the address. */
	private String signInPageAfter(String email, String address) throws Exception {
		TestBrowser browser = new TestBrowser(mvc);
		String next = browser.perform(signIn(email, "wrong", address)).andReturn().getResponse().getRedirectedUrl();
		String page = browser.perform(get(next)).andReturn().getResponse().getContentAsString();
		// The CSRF token differs from one session to the next.
		return page.replaceAll("name=\"_csrf\" value=\"[^\"]*\"", "");
	}

	/** Counts wrong passwords up to a lock without hashing any; answers the lock's end. */
	private Instant lockWithoutChecks(String email) {
		Instant lockedUntil = null;
		for (int i = 0; i < FAILURES_BEFORE_LOCK; i++) {
			SignInThrottle.Attempt attempt = throttle.begin(email, null);
			throttle.failed(attempt);
			lockedUntil = attempt.accountLockedUntil();
		}
		return lockedUntil;
	}

	private void wrongPasswords(String email, int count, String address) throws Exception {
		for (int i = 0; i < count; i++) {
			mvc.perform(signIn(email, "wrong-" + i, address)).andExpect(unauthenticated());
		}
	}

	private Instant now() {
		return clock.instant();
	}

	/** An address of the documentation range no other test signs in from. */
	static String newAddress() {
		return "2001:db8::%x:%x".formatted(addresses.incrementAndGet(), System.nanoTime() & 0xffff);
	}

	static MockHttpServletRequestBuilder signIn(String email, String password, String address) {
		return post("/login").param("email", email).param("password", password).with(csrf()).with(request -> {
			request.setRemoteAddr(address);
			return request;
		});
	}

}
