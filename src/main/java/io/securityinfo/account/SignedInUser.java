package io.securityinfo.account;

import java.util.List;
import java.util.Optional;

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

	/** The tag of the language the person had chosen when they signed in; null for none. */
	private final String language;

	SignedInUser(Account account) {
		super(account.getEmail(), account.getPasswordHash(), account.isEnabled(), true, true, true,
				List.of(new SimpleGrantedAuthority(account.getRole().authority())));
		this.id = account.getId();
		this.displayName = account.getDisplayName();
		this.language = account.getLanguage().map(Language::tag).orElse(null);
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

	/**
	 * The language the person had chosen when they signed in. A choice made since is the session's
	 * ({@link LanguageResolver}); the account holds the latest.
	 */
	public Optional<Language> language() {
		return Language.ofTag(language);
	}

}
