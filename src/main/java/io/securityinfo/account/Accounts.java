package io.securityinfo.account;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Limit;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

import io.securityinfo.ChangeRefused;

/** The people who can sign in. */
@Service
public class Accounts {

	/** Why a change to an account was not made, as a message key. */
	public static class AccountChangeRefused extends ChangeRefused {

		private static final long serialVersionUID = 1L;

		AccountChangeRefused(String messageKey) {
			super(messageKey);
		}

	}

	private final AccountRepository accounts;

	private final PasswordEncoder passwordEncoder;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	Accounts(AccountRepository accounts, PasswordEncoder passwordEncoder, Clock clock,
			ApplicationEventPublisher events) {
		this.accounts = accounts;
		this.passwordEncoder = passwordEncoder;
		this.clock = clock;
		this.events = events;
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

	/** Saves the language the person chose; null for none, and then their browser's language is used. */
	@Transactional
	public void chooseLanguage(long id, Language language) {
		existing(id).chooseLanguage(language);
	}

	/**
	 * The language to write to this person in (texts, calls, mails): the one they chose, else that of the request
	 * being served, which started what is sent (before sign-in, a password reset: the browser's), else the default.
	 */
	@Transactional(readOnly = true)
	public Language languageFor(long id) {
		return accounts.findById(id)
			.flatMap(Account::getLanguage)
			.or(() -> Optional.ofNullable(LocaleContextHolder.getLocaleContext())
				.map(LocaleContext::getLocale)
				.flatMap(Language::of))
			.orElse(Language.DEFAULT);
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

	/**
	 * One page of the accounts whose email or display name contains {@code query}, ignoring case (all of them for a
	 * blank query), in email order: at most {@code size} of them at {@code position}, read by keyset in one
	 * statement that counts nothing. Near the ends, a page is that end's page rather than an empty or short one:
	 * after the last email is the last page, and before an email with fewer than {@code size} before it the first
	 * page (which takes a second statement, only then). After an email, a page before is taken to exist, as that
	 * email was on it; a made-up email before everyone's then leads back to the first page.
	 */
	@Transactional(readOnly = true)
	public AccountPage search(String query, AccountPage.Position position, int size) {
		String typed = query == null ? "" : query.strip().toLowerCase(Locale.ROOT);
		if (typed.indexOf('\0') >= 0) {
			// No email or name holds one (PostgreSQL's text cannot), and PostgreSQL refuses it in a query.
			return new AccountPage(List.of(), null, null);
		}
		return page(typed.isEmpty() ? null : "%" + escapeLike(typed) + "%", position, size);
	}

	/** {@code pattern} is null for everyone. */
	private AccountPage page(String pattern, AccountPage.Position position, int size) {
		// One more than the page tells whether there is more beyond it, in the direction read.
		List<Account> read = read(pattern, position, Limit.of(size + 1));
		boolean more = read.size() > size;
		List<AccountSummary> found = read.stream().limit(size).map(AccountSummary::of).toList();
		return switch (position.kind()) {
			case FIRST -> new AccountPage(found, null, more ? lastEmail(found) : null);
			case AFTER -> found.isEmpty() ? page(pattern, AccountPage.Position.last(), size)
					: new AccountPage(found, found.get(0).email(), more ? lastEmail(found) : null);
			case BEFORE -> found.size() < size ? page(pattern, AccountPage.Position.first(), size)
					: descending(found, more, true);
			case LAST -> descending(found, more, false);
		};
	}

	private List<Account> read(String pattern, AccountPage.Position position, Limit limit) {
		boolean everyone = pattern == null;
		String email = position.email();
		return switch (position.kind()) {
			case FIRST -> everyone ? accounts.findByOrderByEmailAsc(limit) : accounts.searchFirst(pattern, limit);
			case AFTER -> everyone ? accounts.findByEmailGreaterThanOrderByEmailAsc(email, limit)
					: accounts.searchAfter(pattern, email, limit);
			case BEFORE -> everyone ? accounts.findByEmailLessThanOrderByEmailDesc(email, limit)
					: accounts.searchBefore(pattern, email, limit);
			case LAST -> everyone ? accounts.findByOrderByEmailDesc(limit) : accounts.searchLast(pattern, limit);
		};
	}

	/** A page read from its end backwards, shown in email order; {@code more} came before it. */
	private static AccountPage descending(List<AccountSummary> highestFirst, boolean more, boolean hasNext) {
		List<AccountSummary> people = new ArrayList<>(highestFirst);
		Collections.reverse(people);
		return new AccountPage(List.copyOf(people), more ? people.get(0).email() : null,
				hasNext ? lastEmail(people) : null);
	}

	private static String lastEmail(List<AccountSummary> people) {
		return people.get(people.size() - 1).email();
	}

	/**
	 * An administrator creates an account with a password they chose, which the person must change at their first
	 * sign-in.
	 * @throws AccountChangeRefused when an account with this email exists
	 */
	@Transactional
	public long create(long adminId, String email, String displayName, String rawPassword, Role role) {
		String normalized = Account.normalizeEmail(email);
		if (accounts.existsByEmail(normalized)) {
			throw new AccountChangeRefused("users.email.taken");
		}
		Account account = new Account(normalized, displayName.strip(), passwordEncoder.encode(rawPassword), role,
				clock.instant());
		account.requirePasswordChange();
		try {
			accounts.saveAndFlush(account);
		}
		catch (DataIntegrityViolationException ex) {
			// Another administrator created the same email since the check above.
			throw new AccountChangeRefused("users.email.taken");
		}
		events.publishEvent(new AccountCreated(adminId, account.getId(), normalized, role));
		return account.getId();
	}

	/**
	 * Stops a person from signing in, and (through {@link AccountDisabled}) ends the sessions they have. Administrators cannot disable their own account, so that one of them always
	 * remains able to undo it.
	 * @throws AccountChangeRefused when the administrator is the person
	 */
	@Transactional
	public void disable(long adminId, long accountId) {
		if (adminId == accountId) {
			throw new AccountChangeRefused("users.disable.self");
		}
		Account account = existing(accountId);
		if (account.isEnabled()) {
			account.disable();
			events.publishEvent(new AccountDisabled(adminId, accountId, account.getEmail()));
		}
	}

	@Transactional
	public void enable(long adminId, long accountId) {
		Account account = existing(accountId);
		if (!account.isEnabled()) {
			account.enable();
			events.publishEvent(new AccountEnabled(adminId, accountId, account.getEmail()));
		}
	}

	/** Marks a person as having to register security info again at their next sign-in. */
	@Transactional
	public void requireRegistration(long adminId, long accountId) {
		Account account = existing(accountId);
		account.requireRegistration();
		events.publishEvent(new RegistrationRequired(adminId, accountId, account.getEmail()));
	}

	private Account existing(long accountId) {
		return accounts.findById(accountId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	/** Typed {@code %} and {@code _} are searched for as such, escaped as {@link AccountRepository#MATCHES} says. */
	private static String escapeLike(String text) {
		return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
	}

}
