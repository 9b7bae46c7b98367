package io.securityinfo.account;

import java.time.Clock;
import java.util.Locale;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

import io.securityinfo.ClientAddress;

/** A person's own password: changing it, and whether they still have to replace one an administrator chose. */
@Service
class Passwords {

	private final AccountRepository accounts;

	private final PasswordEncoder passwordEncoder;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final CommonPasswords commonPasswords;

	Passwords(AccountRepository accounts, PasswordEncoder passwordEncoder,
			ApplicationEventPublisher events, Clock clock, CommonPasswords commonPasswords) {
		this.accounts = accounts;
		this.passwordEncoder = passwordEncoder;
		this.events = events;
		this.clock = clock;
		this.commonPasswords = commonPasswords;
	}

	/** Read from the database: the session's principal still says what it said at sign-in. */
	@Transactional(readOnly = true)
	public boolean mustChange(long accountId) {
		return accounts.existsByIdAndMustChangePasswordTrue(accountId);
	}

	/**
	 * Changes the password when the current one is right and the new one is not it, the email or a common one. Every
	 * other session of the person ends (through {@link PasswordChanged}); the one that made the change stays signed in.
	 * @param keepSessionId the id of the session that made the change
	 */
	@Transactional
	public Optional<PasswordRefusal> change(long accountId, String currentPassword, String newPassword,
			String keepSessionId) {
		Account account = accounts.findById(accountId)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		if (!passwordEncoder.matches(currentPassword, account.getPasswordHash())) {
			return Optional.of(PasswordRefusal.WRONG_CURRENT_PASSWORD);
		}
		if (newPassword.strip().toLowerCase(Locale.ROOT).equals(account.getEmail())) {
			return Optional.of(PasswordRefusal.SAME_AS_EMAIL);
		}
		if (newPassword.equals(currentPassword)) {
			return Optional.of(PasswordRefusal.SAME_AS_CURRENT);
		}
		if (commonPasswords.contains(newPassword)) {
			return Optional.of(PasswordRefusal.COMMON);
		}
		account.changePassword(passwordEncoder.encode(newPassword));
		events.publishEvent(new PasswordChanged(accountId, clock.instant(), ClientAddress.current(), keepSessionId,
				false));
		return Optional.empty();
	}

}
