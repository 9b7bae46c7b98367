package io.securityinfo.account;

import java.util.List;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;

/**
 * The person behind a session. It carries the account id so that pages can load what belongs to the person
 * without looking the account up again on every request.
 */
public class SignedInUser extends User {

	private static final long serialVersionUID = 1L;

	private final long id;

	private final String displayName;

	SignedInUser(Account account) {
		super(account.getEmail(), account.getPasswordHash(), account.isEnabled(), true, true, true,
				List.of(new SimpleGrantedAuthority(account.getRole().authority())));
		this.id = account.getId();
		this.displayName = account.getDisplayName();
	}

	public long id() {
		return id;
	}

	public String email() {
		return getUsername();
	}

	public String displayName() {
		return displayName;
	}

}
