package io.securityinfo.account;

import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetailsService;

/** Fixtures: fresh accounts, signed in as MockMvc would need them. */
public final class TestAccounts {

	public static final String PASSWORD = "Passw0rd!";

	private static final AtomicInteger sequence = new AtomicInteger();

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

	/** For MockMvc: {@code .with(authentication(TestAccounts.authentication(user)))}. */
	public static Authentication authentication(SignedInUser user) {
		return UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
	}

}
