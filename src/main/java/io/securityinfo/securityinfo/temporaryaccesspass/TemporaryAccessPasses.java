package io.securityinfo.securityinfo.temporaryaccesspass;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.securityinfo.ClientAddress;
import io.securityinfo.securityinfo.MethodMode;
import io.securityinfo.securityinfo.SecurityInfo;
import io.securityinfo.securityinfo.TemporaryAccessPassChanged;
import io.securityinfo.securityinfo.TemporaryAccessPassCheck;
import io.securityinfo.securityinfo.TemporaryAccessPassSettingsChanged;

/**
 * Temporary Access Passes: one per person at a time, created by an administrator for a lifetime in the policy's
 * range, from now or a later start, one-time or reusable while it lasts; the pass itself is shown once and kept only
 * as a hash of the app's {@link PasswordEncoder}. Signing in with it is refused while the policy's switch is off for
 * the person, before it starts, after it ends, and once used when it is one-time (a conditional UPDATE, so that of
 * parallel sign-ins exactly one wins). The settings are the configured ones until an administrator saves theirs.
 */
@Service
class TemporaryAccessPasses implements TemporaryAccessPassCheck {

	/** Letters and digits without those read alike (I, l, O, 0, 1). */
	private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

	private final SecureRandom random = new SecureRandom();

	private final JdbcClient jdbc;

	private final PasswordEncoder encoder;

	private final SecurityInfo securityInfo;

	private final ApplicationEventPublisher events;

	private final TemporaryAccessPassProperties defaults;

	private final Clock clock;

	TemporaryAccessPasses(JdbcClient jdbc, PasswordEncoder encoder, SecurityInfo securityInfo,
			ApplicationEventPublisher events, TemporaryAccessPassProperties defaults, Clock clock) {
		this.jdbc = jdbc;
		this.encoder = encoder;
		this.securityInfo = securityInfo;
		this.events = events;
		this.defaults = defaults;
		this.clock = clock;
	}

	/** A person's pass as an administrator sees it: never the pass itself. */
	record PassView(Instant startsAt, Instant endsAt, boolean oneTime, Instant usedAt) {

		State state(Instant now) {
			if (oneTime && usedAt != null) {
				return State.USED;
			}
			if (now.isBefore(startsAt)) {
				return State.NOT_YET_VALID;
			}
			return now.isBefore(endsAt) ? State.VALID : State.EXPIRED;
		}

	}

	enum State {

		NOT_YET_VALID, VALID, EXPIRED, USED

	}

	/** Why a pass was not created. */
	static final class PassRefusedException extends RuntimeException {

		private static final long serialVersionUID = 1L;

		private final String messageKey;

		PassRefusedException(String messageKey) {
			super(messageKey);
			this.messageKey = messageKey;
		}

		String messageKey() {
			return messageKey;
		}

	}

	@Transactional(readOnly = true)
	TemporaryAccessPassRules rules() {
		return jdbc.sql("""
				select min_lifetime_minutes, max_lifetime_minutes, default_lifetime_minutes, pass_length, one_time
				from temporary_access_pass_policy where id = 1""")
			.query((row, index) -> new TemporaryAccessPassRules(row.getInt(1), row.getInt(2), row.getInt(3),
					row.getInt(4), row.getBoolean(5)))
			.optional()
			.orElseGet(defaults::rules);
	}

	@Transactional
	void saveRules(long adminId, TemporaryAccessPassRules rules) {
		OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
		int updated = jdbc.sql("""
				update temporary_access_pass_policy set min_lifetime_minutes = ?, max_lifetime_minutes = ?,
				default_lifetime_minutes = ?, pass_length = ?, one_time = ?, updated_at = ? where id = 1""")
			.params(rules.minLifetimeMinutes(), rules.maxLifetimeMinutes(), rules.defaultLifetimeMinutes(),
					rules.length(), rules.oneTime(), now)
			.update();
		if (updated == 0) {
			jdbc.sql("""
					insert into temporary_access_pass_policy (id, min_lifetime_minutes, max_lifetime_minutes,
					default_lifetime_minutes, pass_length, one_time, updated_at) values (1, ?, ?, ?, ?, ?, ?)""")
				.params(rules.minLifetimeMinutes(), rules.maxLifetimeMinutes(), rules.defaultLifetimeMinutes(),
						rules.length(), rules.oneTime(), now)
				.update();
		}
		events.publishEvent(new TemporaryAccessPassSettingsChanged(adminId, rules.minLifetimeMinutes(),
				rules.maxLifetimeMinutes(), rules.defaultLifetimeMinutes(), rules.length(), rules.oneTime()));
	}

	@Transactional(readOnly = true)
	Optional<PassView> current(long accountId) {
		return jdbc.sql("select starts_at, ends_at, one_time, used_at from temporary_access_pass where account_id = ?")
			.param(accountId)
			.query((row, index) -> new PassView(instant(row, "starts_at"), instant(row, "ends_at"),
					row.getBoolean("one_time"), instant(row, "used_at")))
			.optional();
	}

	/** Whether the policy lets this person sign in with a pass. */
	@Transactional(readOnly = true)
	boolean isAllowed(long accountId) {
		return securityInfo.isAllowed(accountId, TemporaryAccessPassMethodType.ID);
	}

	/**
	 * Creates the person's pass and answers it, to be shown once.
	 * @param startsAt when it starts; null for now
	 */
	@Transactional
	String create(long adminId, long accountId, int lifetimeMinutes, Instant startsAt, boolean oneTime) {
		TemporaryAccessPassRules rules = rules();
		Instant now = clock.instant();
		if (!isAllowed(accountId)) {
			throw new PassRefusedException("accesspass.create.not-allowed");
		}
		if (!rules.allows(lifetimeMinutes)) {
			throw new PassRefusedException("accesspass.create.lifetime");
		}
		Instant start = startsAt == null ? now : startsAt;
		if (start.isBefore(now.minus(Duration.ofMinutes(1)))) {
			throw new PassRefusedException("accesspass.create.start-past");
		}
		Instant end = start.plus(Duration.ofMinutes(lifetimeMinutes));
		String pass = newPass(rules.length());
		int inserted;
		try {
			inserted = jdbc.sql("""
					insert into temporary_access_pass (account_id, pass_hash, created_by, created_at, starts_at,
					ends_at, one_time) select ?, ?, ?, ?, ?, ?, ? where not exists
					(select 1 from temporary_access_pass where account_id = ?)""")
				.params(accountId, encoder.encode(pass), adminId, utc(now), utc(start), utc(end), oneTime, accountId)
				.update();
		}
		catch (org.springframework.dao.DuplicateKeyException ex) {
			inserted = 0;
		}
		if (inserted == 0) {
			throw new PassRefusedException("accesspass.create.exists");
		}
		events.publishEvent(new TemporaryAccessPassChanged(accountId, adminId, TemporaryAccessPassChanged.Change.CREATED,
				start, end, oneTime, now, ClientAddress.current()));
		return pass;
	}

	/** Deletes the person's pass, whatever its state; false when they had none. */
	@Transactional
	boolean delete(long adminId, long accountId) {
		Optional<PassView> pass = current(accountId);
		if (pass.isEmpty()) {
			return false;
		}
		jdbc.sql("delete from temporary_access_pass where account_id = ?").param(accountId).update();
		events.publishEvent(new TemporaryAccessPassChanged(accountId, adminId, TemporaryAccessPassChanged.Change.DELETED,
				pass.get().startsAt(), pass.get().endsAt(), pass.get().oneTime(), clock.instant(),
				ClientAddress.current()));
		return true;
	}

	@Override
	public MethodMode mode() {
		return TemporaryAccessPassMethodType.PASS;
	}

	@Override
	@Transactional
	public Use signIn(long accountId, String typed) {
		Optional<StoredPass> found = jdbc.sql("""
				select pass_hash, starts_at, ends_at, one_time, used_at from temporary_access_pass
				where account_id = ?""")
			.param(accountId)
			.query((row, index) -> new StoredPass(row.getString("pass_hash"), instant(row, "starts_at"),
					instant(row, "ends_at"), row.getBoolean("one_time"), instant(row, "used_at")))
			.optional();
		if (found.isEmpty() || typed == null || !encoder.matches(typed.strip(), found.get().hash())) {
			return Use.of(Outcome.WRONG);
		}
		StoredPass pass = found.get();
		Instant now = clock.instant();
		if (!isAllowed(accountId)) {
			return Use.of(Outcome.DISABLED);
		}
		if (pass.oneTime() && pass.usedAt() != null) {
			return Use.of(Outcome.USED);
		}
		if (now.isBefore(pass.startsAt())) {
			return new Use(Outcome.NOT_YET_VALID, pass.startsAt(), null);
		}
		if (!now.isBefore(pass.endsAt())) {
			return Use.of(Outcome.EXPIRED);
		}
		int won = jdbc.sql(pass.oneTime()
				? "update temporary_access_pass set used_at = ? where account_id = ? and used_at is null"
				: "update temporary_access_pass set used_at = ? where account_id = ?")
			.params(utc(now), accountId)
			.update();
		if (won == 0) {
			// A parallel sign-in used this one-time pass a moment ago.
			return Use.of(Outcome.USED);
		}
		events.publishEvent(new TemporaryAccessPassChanged(accountId, accountId, TemporaryAccessPassChanged.Change.USED,
				pass.startsAt(), pass.endsAt(), pass.oneTime(), now, ClientAddress.current()));
		return new Use(Outcome.ACCEPTED, pass.startsAt(), pass.endsAt());
	}

	private String newPass(int length) {
		StringBuilder pass = new StringBuilder(length);
		for (int i = 0; i < length; i++) {
			pass.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
		}
		return pass.toString();
	}

	private static OffsetDateTime utc(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

	private static Instant instant(ResultSet row, String column) throws SQLException {
		OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}

	private record StoredPass(String hash, Instant startsAt, Instant endsAt, boolean oneTime, Instant usedAt) {
	}

}
