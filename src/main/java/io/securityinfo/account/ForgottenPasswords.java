package io.securityinfo.account;

import java.util.Locale;
import java.util.Optional;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What self-service password reset needs of accounts: which account an email names, whether a new password may be
 * chosen, and replacing the password once the person proved who they are. The proof, the audit and the event are
 * the caller's.
 */
@Service
public class ForgottenPasswords {

	private final AccountRepository accounts;

	private final CommonPasswords commonPasswords;

	private final PasswordEncoder passwordEncoder;

	ForgottenPasswords(AccountRepository accounts, CommonPasswords commonPasswords,
			PasswordEncoder passwordEncoder) {
		this.accounts = accounts;
		this.commonPasswords = commonPasswords;
		this.passwordEncoder = passwordEncoder;
	}

	/**
	 * The id of the enabled account with this email. One lookup whether or not there is one, so that the answer
	 * takes as long either way.
	 */
	@Transactional(readOnly = true)
	public Optional<Long> resettableAccount(String email) {
		return accounts.findByEmail(Account.normalizeEmail(email)).filter(Account::isEnabled).map(Account::getId);
	}

	/**
	 * Why this new password cannot be the account's, as a message key; empty when it can. Its length is the form's
	 * to check ({@link PasswordLength}).
	 */
	@Transactional(readOnly = true)
	public Optional<String> refusal(long accountId, String newPassword) {
		Account account = accounts.findById(accountId).orElseThrow();
		if (newPassword.strip().toLowerCase(Locale.ROOT).equals(account.getEmail())) {
			return Optional.of(PasswordRefusal.SAME_AS_EMAIL.messageKey());
		}
		if (commonPasswords.contains(newPassword)) {
			return Optional.of(PasswordRefusal.COMMON.messageKey());
		}
		return Optional.empty();
	}

	/** Gives the account this password; the one an administrator chose need not be changed any more. */
	@Transactional(propagation = Propagation.MANDATORY)
	public void replace(long accountId, String newPassword) {
		accounts.findById(accountId).orElseThrow().changePassword(passwordEncoder.encode(newPassword));
	}

}
