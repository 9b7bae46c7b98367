package io.securityinfo.account;

import java.time.Clock;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

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

	@Transactional(readOnly = true)
	public Optional<AccountSummary> findByEmail(String email) {
		return accounts.findByEmail(Account.normalizeEmail(email)).map(AccountSummary::of);
	}

	@Transactional(readOnly = true)
	public Optional<AccountSummary> find(long id) {
		return accounts.findById(id).map(AccountSummary::of);
	}

	/** The accounts with these ids, by id, in one query. */
	@Transactional(readOnly = true)
	public Map<Long, AccountSummary> summaries(Collection<Long> ids) {
		return accounts.findAllById(ids)
			.stream()
			.collect(Collectors.toMap(Account::getId, AccountSummary::of));
	}

	@Transactional(readOnly = true)
	public RegistrationState registrationState(long id) {
		Account account = existing(id);
		return new RegistrationState(account.isRegistrationRequired(), account.getRegistrationFirstPromptedAt(),
				account.getSecurityInfoConfirmedAt());
	}

	@Transactional
	public void markRegistrationPrompted(long id) {
		existing(id).markRegistrationPrompted(clock.instant());
	}

	@Transactional
	public void confirmSecurityInfo(long id) {
		existing(id).confirmSecurityInfo(clock.instant());
	}

	private Account existing(long id) {
		return accounts.findById(id).orElseThrow(() -> new IllegalStateException("No account " + id));
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
