package io.securityinfo.account;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetailsService;

/** Fixtures: fresh accounts, signed in as MockMvc would need them. */
public final class TestAccounts {

	public static final String PASSWORD = "Passw0rd!";

	private static final AtomicInteger sequence = new AtomicInteger();

	/**
	 * The clocks of the test contexts (each context has its own, and tests move them), so that factors are as fresh
	 * as a sign-in a moment ago in whichever context the request goes to.
	 */
	private static final List<Clock> clocks = new CopyOnWriteArrayList<>();

	private TestAccounts() {
	}

	/** Creates an employee with a unique email and answers the person as a signed-in session would hold them. */
	public static SignedInUser newEmployee(Accounts accounts, UserDetailsService users) {
		String email = "employee" + sequence.incrementAndGet() + "-" + System.nanoTime() + "@example.com";
		accounts.createIfAbsent(email, "Test Employee", PASSWORD, Role.EMPLOYEE);
		return (SignedInUser) users.loadUserByUsername(email);
	}

	/** Creates an administrator with a unique email, as a signed-in session would hold them. */
	public static SignedInUser newAdmin(Accounts accounts, UserDetailsService users) {
		String email = "admin" + sequence.incrementAndGet() + "-" + System.nanoTime() + "@example.com";
		accounts.createIfAbsent(email, "Test Admin", PASSWORD, Role.ADMIN);
		return (SignedInUser) users.loadUserByUsername(email);
	}

	/** Factors of {@link #authentication} are issued at this clock's time: the test context's clock. */
	public static void issueFactorsBy(Clock testClock) {
		clocks.add(testClock);
	}

	/** The latest time of the test contexts' clocks: a factor issued then is fresh in each of them. */
	private static Instant now() {
		return clocks.stream().map(Clock::instant).max(Comparator.naturalOrder()).orElseGet(Instant::now);
	}

	/**
	 * For MockMvc: {@code .with(authentication(TestAccounts.authentication(user)))}: a person who has just signed
	 * in with the password and a text code, so step-up before changes is satisfied for the next ten minutes.
	 */
	public static Authentication authentication(SignedInUser user) {
		return withFactors(user, "PASSWORD", "SMS");
	}

	/** A person signed in with these factors (such as PASSWORD, SMS), each issued now. */
	public static Authentication withFactors(SignedInUser user, String... factors) {
		return withFactorsIssuedAt(user, now(), factors);
	}

	/** A person signed in with these factors (such as PASSWORD, SMS), each issued at this time. */
	public static Authentication withFactorsIssuedAt(SignedInUser user, Instant issuedAt, String... factors) {
		List<GrantedAuthority> authorities = new ArrayList<>(user.getAuthorities());
		for (String factor : factors) {
			authorities.add(FactorGrantedAuthority.withFactor(factor).issuedAt(issuedAt).build());
		}
		return UsernamePasswordAuthenticationToken.authenticated(user, null, authorities);
	}

}
