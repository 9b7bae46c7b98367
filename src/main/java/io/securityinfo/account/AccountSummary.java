package io.securityinfo.account;

/** An account as other modules and admin pages see it. */
public record AccountSummary(long id, String email, String displayName, Role role, boolean enabled) {

	static AccountSummary of(Account account) {
		return new AccountSummary(account.getId(), account.getEmail(), account.getDisplayName(), account.getRole(),
				account.isEnabled());
	}

}
