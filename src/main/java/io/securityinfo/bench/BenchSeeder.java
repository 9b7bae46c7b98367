package io.securityinfo.bench;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Fills an empty database with {@code app.bench.seed-users} employees and one administrator, all with the
 * password {@code Passw0rd!}: a phone for 60% of them (the default method, by text), and a few audit events each
 * spread over the last 90 days. Plain JDBC batches on the schema Flyway made, and one password hash for everyone,
 * so that 100,000 people take seconds: hashing each would take minutes, which is the point of the hash.
 * <p>
 * The employees are {@code user1@bench.example.com} … ; user <i>i</i> has a phone when {@code i % 5 < 3}. The
 * administrator is {@code admin@bench.example.com}. Seeds nothing when the administrator exists already.
 */
@Component
@ConditionalOnBench
@ConditionalOnProperty(name = "app.bench.seed-users")
class BenchSeeder implements ApplicationRunner {

	static final String PASSWORD = "Passw0rd!";

	static final String ADMIN = "admin@bench.example.com";

	private static final Logger log = LoggerFactory.getLogger(BenchSeeder.class);

	private static final int BATCH = 1_000;

	private static final String[] OWN_ACTIONS = { "CODE_SENT", "CODE_VERIFIED", "PASSWORD_CHANGED", "CODE_FAILED" };

	private final JdbcTemplate jdbc;

	private final PasswordEncoder passwordEncoder;

	private final Clock clock;

	private final int users;

	BenchSeeder(JdbcTemplate jdbc, PasswordEncoder passwordEncoder, Clock clock,
			@Value("${app.bench.seed-users}") int users) {
		this.jdbc = jdbc;
		this.passwordEncoder = passwordEncoder;
		this.clock = clock;
		this.users = users;
	}

	static String email(int n) {
		return "user" + n + "@bench.example.com";
	}

	static boolean hasPhone(int n) {
		return n % 5 < 3;
	}

	@Override
	public void run(ApplicationArguments args) {
		Integer admins = jdbc.queryForObject("select count(*) from account where email = ?", Integer.class, ADMIN);
		if (admins != null && admins > 0) {
			log.info("bench: database already seeded");
			return;
		}
		long started = System.nanoTime();
		String hash = passwordEncoder.encode(PASSWORD);
		Instant now = clock.instant();
		insertAccounts(hash, now);
		Map<String, Long> ids = new HashMap<>();
		jdbc.query("select id, email from account where email like '%@bench.example.com'",
				row -> {
					ids.put(row.getString(2), row.getLong(1));
				});
		long adminId = ids.get(ADMIN);
		List<Object[]> methods = new ArrayList<>();
		List<Object[]> events = new ArrayList<>();
		for (int n = 1; n <= users; n++) {
			long id = ids.get(email(n));
			Timestamp created = Timestamp.from(now.minus(Duration.ofMinutes(90L * 24 * 60 * n / users + 60)));
			events.add(event(created, adminId, id, "ACCOUNT_CREATED", null, null, email(n), "role=EMPLOYEE"));
			if (hasPhone(n)) {
				String number = "+316" + String.format("%08d", n);
				methods.add(new Object[] { id, "PHONE", number, "TEXT", created });
				// As PhoneNumbers.mask writes a Dutch mobile number.
				String masked = "+31 6 \u2022\u2022\u2022\u2022 \u2022\u2022" + number.substring(10);
				events.add(event(created, id, id, "METHOD_ADDED", "PHONE", null, masked, null));
				events.add(event(created, id, id, "DEFAULT_METHOD_CHANGED", "PHONE", "TEXT", masked, null));
			}
			events.add(event(Timestamp.from(created.toInstant().plus(Duration.ofMinutes(30))), id, id,
					OWN_ACTIONS[n % OWN_ACTIONS.length], null, null, null, null));
		}
		jdbc.batchUpdate("insert into security_method (account_id, type, detail, default_mode, created_at) "
				+ "values (?, ?, ?, ?, ?)", methods, BATCH, (statement, row) -> {
					for (int i = 0; i < row.length; i++) {
						statement.setObject(i + 1, row[i]);
					}
				});
		// The rows as audit.AuditTrail writes them, in bulk: no change happens here for an event to tell of.
		jdbc.batchUpdate("insert into audit_event (occurred_at, actor_account_id, subject_account_id, action, "
				+ "method_type, method_mode, target, facts, client_ip) values (?, ?, ?, ?, ?, ?, ?, ?, '127.0.0.1')",
				events, BATCH, (statement, row) -> {
					for (int i = 0; i < row.length; i++) {
						statement.setObject(i + 1, row[i]);
					}
				});
		// The planner's statistics as a database that grew to this size would have them (PostgreSQL's autovacuum
		// analyses a table a minute or so after a bulk insert; H2 only when told): the measured pages then run on the
		// plans they would have in production from the first request, whatever the timing of the run.
		jdbc.execute("ANALYZE");
		log.info("bench: seeded {} users, {} methods and {} audit events in {} ms", users, methods.size(),
				events.size(), Duration.ofNanos(System.nanoTime() - started).toMillis());
	}

	private void insertAccounts(String hash, Instant now) {
		List<Object[]> accounts = new ArrayList<>();
		accounts.add(new Object[] { ADMIN, "Bench Admin", hash, "ADMIN", Timestamp.from(now) });
		for (int n = 1; n <= users; n++) {
			accounts.add(new Object[] { email(n), "Bench User " + n, hash, "EMPLOYEE", Timestamp.from(now) });
		}
		jdbc.batchUpdate("insert into account (email, display_name, password_hash, role, enabled, created_at) "
				+ "values (?, ?, ?, ?, true, ?)", accounts, BATCH, (statement, row) -> {
					for (int i = 0; i < row.length; i++) {
						statement.setObject(i + 1, row[i]);
					}
				});
	}

	private static Object[] event(Timestamp at, long actor, long subject, String action, String methodType,
			String mode, String target, String facts) {
		return new Object[] { at, actor, subject, action, methodType, mode, target, facts };
	}

}
