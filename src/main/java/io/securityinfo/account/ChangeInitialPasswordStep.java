package io.securityinfo.account;

import java.util.Optional;

import jakarta.servlet.http.HttpSession;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** The first step after signing in with a password an administrator chose: replacing it. */
@Component
@Order(0)
class ChangeInitialPasswordStep implements SignInStep {

	static final String PAGE = "/account/password";

	private final Passwords passwords;

	ChangeInitialPasswordStep(Passwords passwords) {
		this.passwords = passwords;
	}

	@Override
	public Optional<String> pendingPage(SignedInUser user, HttpSession session) {
		return passwords.mustChange(user.id()) ? Optional.of(PAGE) : Optional.empty();
	}

	@Override
	public boolean allows(String path) {
		return PAGE.equals(path);
	}

}
