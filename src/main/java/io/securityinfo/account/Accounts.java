package io.securityinfo.account;

import java.time.Clock;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The people who can sign in. */
@Service
public class Accounts {

	private final AccountRepository accounts;

	private final PasswordEncoder passwordEncoder;

	private final Clock clock;

	Accounts(AccountRepository accounts, PasswordEncoder passwordEncoder, Clock clock) {
		this.accounts = accounts;
		this.passwordEncoder = passwordEncoder;
		this.clock = clock;
	}

	/** Creates the account unless one with this email exists; answers the account's id either way. */
	@Transactional
	public long createIfAbsent(String email, String displayName, String rawPassword, Role role) {
		String normalized = Account.normalizeEmail(email);
		return accounts.findByEmail(normalized)
			.orElseGet(() -> accounts.save(new Account(normalized, displayName, passwordEncoder.encode(rawPassword),
					role, clock.instant())))
			.getId();
	}

}
