package io.securityinfo.account;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ApplicationListener;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.util.function.SingletonSupplier;

/**
 * The password check behind {@link SignInThrottle}: each attempt is counted before the password is checked, and
 * an attempt refused by a lock is not checked at all.
 * <p>
 * A refused attempt still does the work of a wrong password: it looks the email up, hashes the typed password
 * against a decoy with the same encoder as a real check, and settles its count. So a lock takes as long to answer
 * as a wrong password, for known and unknown emails alike (the password check itself gives unknown emails the same
 * time with a decoy of its own), and neither the answer nor its time tells whether the email is an account's.
 */
public final class ThrottledPasswordCheck implements AuthenticationProvider, ApplicationListener<ApplicationReadyEvent> {

	private final AuthenticationProvider passwords;

	private final UserDetailsService users;

	private final SignInThrottle throttle;

	private final PasswordEncoder encoder;

	private final SingletonSupplier<String> decoyHash;

	private final ApplicationEventPublisher events;

	public ThrottledPasswordCheck(AuthenticationProvider passwords, UserDetailsService users, SignInThrottle throttle,
			PasswordEncoder encoder, ApplicationEventPublisher events) {
		this.events = events;
		this.passwords = passwords;
		this.users = users;
		this.throttle = throttle;
		this.encoder = encoder;
		this.decoyHash = SingletonSupplier.of(() -> encoder.encode("no password to compare with"));
	}

	@Override
	public Authentication authenticate(Authentication authentication) throws AuthenticationException {
		String address = authentication.getDetails() instanceof WebAuthenticationDetails web ? web.getRemoteAddress()
				: null;
		SignInThrottle.Attempt attempt = throttle.begin(authentication.getName(), address);
		if (!attempt.allowed()) {
			workAsForAWrongPassword(authentication, attempt);
			throw new SignInThrottledException();
		}
		Authentication signedIn;
		try {
			signedIn = passwords.authenticate(authentication);
		}
		catch (AuthenticationException ex) {
			throttle.failed(attempt);
			failedFor(authentication.getName());
			throw ex;
		}
		throttle.succeeded(attempt);
		if (signedIn.getPrincipal() instanceof SignedInUser user) {
			events.publishEvent(new SignInAttempted(user.id(), true));
		}
		return signedIn;
	}

	/** A wrong password for an account's email goes to that person's sign-in activity. */
	private void failedFor(String email) {
		try {
			if (users.loadUserByUsername(email) instanceof SignedInUser user) {
				events.publishEvent(new SignInAttempted(user.id(), false));
			}
		}
		catch (UsernameNotFoundException ex) {
			// No one's account: no one's activity.
		}
	}

	private void workAsForAWrongPassword(Authentication authentication, SignInThrottle.Attempt attempt) {
		try {
			users.loadUserByUsername(authentication.getName());
		}
		catch (UsernameNotFoundException ex) {
			// As for an account's email: only the time counts.
		}
		Object typed = authentication.getCredentials();
		encoder.matches(typed == null ? "" : typed.toString(), decoyHash.obtain());
		throttle.failed(attempt);
	}

	/** Makes the decoy once the app is up, so that not even the first refused attempt waits for it. */
	@Override
	public void onApplicationEvent(ApplicationReadyEvent event) {
		decoyHash.obtain();
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

}
