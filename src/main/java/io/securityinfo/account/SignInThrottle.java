package io.securityinfo.account;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

import io.securityinfo.Housekeeping;
import io.securityinfo.limits.InsertIfAbsent;

/**
 * Throttling of wrong passwords, per email typed (an account's or not, so that a lock says nothing of whether the
 * account exists) and per client address, in the database so that it holds across app instances.
 * <p>
 * Each attempt is counted <em>before</em> its password is checked, in a short transaction that holds the lock of
 * both counter rows: the attempt that reaches a limit sets the lock then and there, and attempts arriving while
 * the counted ones are still being checked are refused. So however many wrong passwords arrive at once, no more are
 * checked than the limit allows. A right password then takes its count back: for the account everything starts
 * over; for the address only its own count is undone (a person's own sign-ins must not clear the count of guesses
 * at other accounts from the same address).
 * <p>
 * Plain JDBC: {@code select ... for update} on the counter rows, created on first use by the database's "insert if
 * absent" so that two first attempts at once both find the one row (as verification's lockout rows are).
 */
@Service
public class SignInThrottle {


	private static final Logger log = LoggerFactory.getLogger(SignInThrottle.class);

	static final String ACCOUNT = "ACCOUNT";

	static final String ADDRESS = "ADDRESS";

	/** Emails longer than the column are no account's: their first characters key them. */
	private static final int MAX_SUBJECT_LENGTH = 320;

	private static final String SELECT_FOR_UPDATE = """
			select failures, locks, locked_until, last_counted_at from sign_in_throttle
			where kind = ? and subject = ? for update""";

	private static final String POSTGRESQL_INSERT_IF_ABSENT = """
			insert into sign_in_throttle (kind, subject, failures, locks, last_counted_at) values (?, ?, 0, 0, ?)
			on conflict (kind, subject) do nothing""";

	private static final String STANDARD_INSERT_IF_ABSENT = """
			merge into sign_in_throttle t
			using (values (cast(? as varchar(10)), cast(? as varchar(320)), cast(? as timestamp(6) with time zone)))
			    given (kind, subject, counted_at)
			on t.kind = given.kind and t.subject = given.subject
			when not matched then insert (kind, subject, failures, locks, last_counted_at)
			    values (given.kind, given.subject, 0, 0, given.counted_at)""";

	private static final String RESET_ACCOUNT = """
			update sign_in_throttle set failures = 0, locks = 0, locked_until = null
			where kind = 'ACCOUNT' and subject = ?""";

	private static final String UPDATE = """
			update sign_in_throttle set failures = ?, locks = ?, locked_until = ?, last_counted_at = ?
			where kind = ? and subject = ?""";

	/** What an attempt may do, and the locks its count set (to be taken back if its password is right). */
	public record Attempt(boolean allowed, String email, String address, Instant accountLockedUntil,
			Instant addressLockedUntil) {
	}

	/** A counter row as read under its lock. */
	private record Counter(int failures, int locks, Instant lockedUntil, Instant lastCountedAt) {

		boolean isLockedAt(Instant now) {
			return lockedUntil != null && now.isBefore(lockedUntil);
		}

		/** Quiet for long enough: the count and the doubling start over. */
		Counter forgottenIfQuiet(Instant now, SignInThrottleProperties properties) {
			if (!isLockedAt(now) && lastCountedAt != null && !now.isBefore(lastCountedAt.plus(properties.forgetAfter()))) {
				return new Counter(0, 0, null, lastCountedAt);
			}
			return this;
		}

		/** This attempt counted; the one that reaches the limit locks. */
		Counter counted(Instant now, int limit, SignInThrottleProperties properties) {
			if (failures + 1 >= limit) {
				return new Counter(0, locks + 1, now.plus(properties.lockLength(locks)), now);
			}
			return new Counter(failures + 1, locks, lockedUntil, now);
		}

	}

	private final JdbcTemplate jdbc;

	private final SignInThrottleProperties properties;

	private final AccountRepository accounts;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final InsertIfAbsent insertIfAbsent;

	SignInThrottle(JdbcTemplate jdbc, InsertIfAbsent insertIfAbsent, SignInThrottleProperties properties,
			AccountRepository accounts, ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.insertIfAbsent = insertIfAbsent;
		this.properties = properties;
		this.accounts = accounts;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Counts an attempt to sign in as {@code email} from {@code address} (null when unknown), or refuses it while
	 * either is locked. Commits before the password is checked.
	 */
	@Transactional
	public Attempt begin(String email, String address) {
		Instant now = now();
		String subject = subject(email);
		Counter account = lockAndRead(ACCOUNT, subject, now).forgottenIfQuiet(now, properties);
		Counter client = address == null ? null : lockAndRead(ADDRESS, address, now).forgottenIfQuiet(now, properties);
		if (account.isLockedAt(now) || (client != null && client.isLockedAt(now))) {
			return new Attempt(false, subject, address, null, null);
		}
		Counter accountAfter = account.counted(now, properties.failuresBeforeLock(), properties);
		write(ACCOUNT, subject, accountAfter);
		Instant accountLock = accountAfter.locks() > account.locks() ? accountAfter.lockedUntil() : null;
		Instant addressLock = null;
		if (client != null) {
			Counter clientAfter = client.counted(now, properties.addressFailuresBeforeLock(), properties);
			write(ADDRESS, address, clientAfter);
			addressLock = clientAfter.locks() > client.locks() ? clientAfter.lockedUntil() : null;
		}
		return new Attempt(true, subject, address, accountLock, addressLock);
	}

	/**
	 * The password was right: the account starts over, locks included, and the address's count of this attempt is
	 * taken back (with the lock it set, if it set one).
	 */
	@Transactional
	public void succeeded(Attempt attempt) {
		jdbc.update(RESET_ACCOUNT, attempt.email());
		if (attempt.address() == null) {
			return;
		}
		if (attempt.addressLockedUntil() != null) {
			jdbc.update("""
					update sign_in_throttle set locked_until = null, locks = locks - 1, failures = ?
					where kind = ? and subject = ? and locked_until = ?""", properties.addressFailuresBeforeLock() - 1,
					ADDRESS, attempt.address(), timestamp(attempt.addressLockedUntil()));
		}
		else {
			jdbc.update("""
					update sign_in_throttle set failures = failures - 1
					where kind = ? and subject = ? and failures > 0""", ADDRESS, attempt.address());
		}
	}

	/**
	 * The password was wrong (or the account cannot sign in, or the attempt was refused): its count stands. A lock
	 * it set is audited, on the account when the email is one.
	 */
	@Transactional
	public void failed(Attempt attempt) {
		if (attempt.accountLockedUntil() != null) {
			Long accountId = accounts.findByEmail(attempt.email()).map(Account::getId).orElse(null);
			if (accountId != null) {
				events.publishEvent(
						new SignInLocked(accountId, properties.failuresBeforeLock(), attempt.accountLockedUntil()));
			}
			log.info("Sign-in locked for {} until {}", accountId == null ? "an email of no account" : "account " + accountId,
					attempt.accountLockedUntil());
		}
		if (attempt.addressLockedUntil() != null) {
			events.publishEvent(new SignInAddressLocked(attempt.address(), properties.addressFailuresBeforeLock(),
					attempt.addressLockedUntil()));
			log.info("Sign-in locked for client address {} until {}", attempt.address(), attempt.addressLockedUntil());
		}
	}

	/**
	 * An administrator lifts the person's sign-in lock: the count and the doubling start over.
	 * @return whether the account was locked
	 */
	@Transactional
	public boolean lift(long adminId, long accountId) {
		Account account = accounts.findById(accountId).orElse(null);
		if (account == null) {
			return false;
		}
		int lifted = jdbc.update("""
				update sign_in_throttle set failures = 0, locks = 0, locked_until = null
				where kind = ? and subject = ? and locked_until > ?""", ACCOUNT, account.getEmail(), timestamp(now()));
		if (lifted == 0) {
			return false;
		}
		events.publishEvent(new SignInLockLifted(adminId, accountId, account.getEmail()));
		return true;
	}

	/**
	 * A new password, changed or reset: guesses at the old one no longer count, and a lock no longer holds (the
	 * sign-in page's message about a lock points to the reset).
	 */
	@TransactionalEventListener(fallbackExecution = true)
	void on(PasswordChanged changed) {
		accounts.findById(changed.accountId()).ifPresent(account -> jdbc.update(RESET_ACCOUNT, account.getEmail()));
	}

	/**
	 * Housekeeping: deletes the counters left quiet for {@code forget-after} (they would start over anyway) and not
	 * locked, so that guesses at made-up emails do not pile up.
	 * @return how many were deleted
	 */
	@Scheduled(cron = "${app.housekeeping.cron}")
	@Transactional
	public int deleteForgotten() {
		Instant now = now();
		return Housekeeping.delete("unlocked sign-in counters quiet since", now.minus(properties.forgetAfter()),
				quietSince -> jdbc.update("""
						delete from sign_in_throttle
						where last_counted_at <= ? and (locked_until is null or locked_until <= ?)""",
						timestamp(quietSince), timestamp(now)));
	}

	/** The key of an email's counter: as accounts store emails, so that the admin's page finds it. */
	static String subject(String email) {
		String normalized = email == null ? "" : Account.normalizeEmail(email);
		return normalized.length() > MAX_SUBJECT_LENGTH ? normalized.substring(0, MAX_SUBJECT_LENGTH) : normalized;
	}

	private Counter lockAndRead(String kind, String subject, Instant now) {
		List<Counter> found = select(kind, subject);
		if (found.isEmpty()) {
			insertIfAbsent(kind, subject, now);
			found = select(kind, subject);
		}
		return found.get(0);
	}

	private List<Counter> select(String kind, String subject) {
		return jdbc.query(SELECT_FOR_UPDATE, (row, n) -> new Counter(row.getInt(1), row.getInt(2), instant(row, 3),
				instant(row, 4)), kind, subject);
	}

	private void insertIfAbsent(String kind, String subject, Instant now) {
		insertIfAbsent.insert(POSTGRESQL_INSERT_IF_ABSENT, STANDARD_INSERT_IF_ABSENT, kind, subject, timestamp(now));
	}

	private void write(String kind, String subject, Counter counter) {
		jdbc.update(UPDATE, counter.failures(), counter.locks(), timestamp(counter.lockedUntil()),
				timestamp(counter.lastCountedAt()), kind, subject);
	}

	/** Microseconds, as the columns keep them, so that a lock read back equals the one written. */
	private Instant now() {
		return clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

	private static SqlParameterValue timestamp(Instant instant) {
		return new SqlParameterValue(Types.TIMESTAMP_WITH_TIMEZONE,
				instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
	}

	private static Instant instant(ResultSet row, int column) throws SQLException {
		OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}

}
