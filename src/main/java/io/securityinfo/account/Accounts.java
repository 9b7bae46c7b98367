package io.securityinfo.account;

import java.time.Clock;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

import io.securityinfo.audit.AuditAction;
import io.securityinfo.audit.AuditLog;

/** The people who can sign in. */
@Service
public class Accounts {

	/** Why a change to an account was not made, as a message key. */
	public static class AccountChangeRefused extends RuntimeException {

		private static final long serialVersionUID = 1L;

		private final String messageKey;

		AccountChangeRefused(String messageKey) {
			super(messageKey);
			this.messageKey = messageKey;
		}

		public String messageKey() {
			return messageKey;
		}

	}

	private static final Sort BY_EMAIL = Sort.by("email");

	private final AccountRepository accounts;

	private final PasswordEncoder passwordEncoder;

	private final AuditLog auditLog;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	Accounts(AccountRepository accounts, PasswordEncoder passwordEncoder, AuditLog auditLog, Clock clock,
			ApplicationEventPublisher events) {
		this.accounts = accounts;
		this.passwordEncoder = passwordEncoder;
		this.auditLog = auditLog;
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
	 * The accounts whose email or display name contains {@code query}, ignoring case (all of them for a blank
	 * query), in email order unless {@code pageable} says otherwise.
	 */
	@Transactional(readOnly = true)
	public Page<AccountSummary> search(String query, Pageable pageable) {
		Pageable page = PageRequest.of(pageable.getPageNumber(), pageable.getPageSize(), pageable.getSortOr(BY_EMAIL));
		String typed = query == null ? "" : query.strip().toLowerCase(Locale.ROOT);
		Page<Account> found = typed.isEmpty() ? accounts.findAll(page)
				: accounts.search("%" + escapeLike(typed) + "%", page);
		return found.map(AccountSummary::of);
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
		auditLog.record(adminId, account.getId(), AuditAction.ACCOUNT_CREATED, normalized + " " + role);
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
			auditLog.record(adminId, accountId, AuditAction.ACCOUNT_DISABLED, account.getEmail());
			events.publishEvent(new AccountDisabled(accountId));
		}
	}

	@Transactional
	public void enable(long adminId, long accountId) {
		Account account = existing(accountId);
		if (!account.isEnabled()) {
			account.enable();
			auditLog.record(adminId, accountId, AuditAction.ACCOUNT_ENABLED, account.getEmail());
		}
	}

	/** Marks a person as having to register security info again at their next sign-in. */
	@Transactional
	public void requireRegistration(long adminId, long accountId) {
		Account account = existing(accountId);
		account.requireRegistration();
		auditLog.record(adminId, accountId, AuditAction.REGISTRATION_REQUIRED, account.getEmail());
	}

	private Account existing(long accountId) {
		return accounts.findById(accountId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	/** Typed {@code %} and {@code _} are searched for as such, escaped as {@link AccountRepository#search} says. */
	private static String escapeLike(String text) {
		return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
	}

}
