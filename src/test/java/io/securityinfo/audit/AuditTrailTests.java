package io.securityinfo.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

import io.securityinfo.AppTest;
import io.securityinfo.account.AccountDisabled;
import io.securityinfo.account.Accounts;
import io.securityinfo.account.SignInAddressLocked;
import io.securityinfo.account.SignedInUser;
import io.securityinfo.account.TestAccounts;

/**
 * The audit log is written from events alone, in the transaction of the change each tells of: a change and its row
 * commit together and roll back together, and nothing outside this module writes a row.
 */
@AppTest
class AuditTrailTests {

	private static final Path MAIN_JAVA = Path.of("src/main/java");

	private static final Path AUDIT = MAIN_JAVA.resolve("io/securityinfo/audit");

	/**
	 * The performance bench's seeder fills an empty database for its measurements with SQL, every table alike, as a
	 * database that grew would hold it; it runs only with {@code app.bench.enabled} and tells of no change.
	 */
	private static final Path BENCH_SEEDER = MAIN_JAVA.resolve("io/securityinfo/bench/BenchSeeder.java");

	@Autowired
	Accounts accounts;

	@Autowired
	UserDetailsService users;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void changeWhenCommittedThenItsRowIsThereWithItsFacts() {
		SignedInUser admin = TestAccounts.newAdmin(accounts, users);
		SignedInUser person = TestAccounts.newEmployee(accounts, users);

		accounts.disable(admin.id(), person.id());

		assertThat(enabled(person)).isFalse();
		assertThat(rows(person, "ACCOUNT_DISABLED")).containsExactly(admin.id() + " " + person.email());
	}

	@Test
	void changeWhenItsTransactionRollsBackThenItsRowIsGoneToo() {
		SignedInUser admin = TestAccounts.newAdmin(accounts, users);
		SignedInUser person = TestAccounts.newEmployee(accounts, users);

		transactions.executeWithoutResult(status -> {
			accounts.disable(admin.id(), person.id());
			status.setRollbackOnly();
		});

		assertThat(enabled(person)).isTrue();
		assertThat(rows(person, "ACCOUNT_DISABLED")).isEmpty();
	}

	@Test
	void rowWhenItCannotBeWrittenThenTheChangeRollsBack() {
		SignedInUser admin = TestAccounts.newAdmin(accounts, users);
		SignedInUser person = TestAccounts.newEmployee(accounts, users);
		String tooLongForTheLog = "203.0.113." + "9".repeat(400);

		assertThatExceptionOfType(DataAccessException.class)
			.isThrownBy(() -> transactions.executeWithoutResult(status -> {
				accounts.disable(admin.id(), person.id());
				events.publishEvent(new SignInAddressLocked(tooLongForTheLog, 20, Instant.EPOCH));
			}));

		assertThat(enabled(person)).isTrue();
		assertThat(rows(person, "ACCOUNT_DISABLED")).isEmpty();
	}

	@Test
	void changeEventWhenPublishedOutsideATransactionThenIsRefusedAndLeavesNoRow() {
		SignedInUser admin = TestAccounts.newAdmin(accounts, users);
		SignedInUser person = TestAccounts.newEmployee(accounts, users);

		assertThatExceptionOfType(IllegalTransactionStateException.class)
			.isThrownBy(() -> events.publishEvent(new AccountDisabled(admin.id(), person.id(), person.email())));

		assertThat(rows(person, "ACCOUNT_DISABLED")).isEmpty();
	}

	/** The trail and the rows are this module's own: no other module can reach them to write. */
	@Test
	void writerIsThisModulesOwnAndTheLogOnlyReads() {
		assertThat(Modifier.isPublic(AuditTrail.class.getModifiers())).isFalse();
		assertThat(Modifier.isPublic(AuditEvent.class.getModifiers())).isFalse();
		assertThat(Modifier.isPublic(AuditEventRepository.class.getModifiers())).isFalse();
		assertThat(Arrays.stream(AuditTrail.class.getDeclaredMethods())
			.filter(method -> Modifier.isPublic(method.getModifiers()))).isEmpty();
		assertThat(Arrays.stream(AuditLog.class.getDeclaredMethods())
			.filter(method -> Modifier.isPublic(method.getModifiers()))
			.map(Method::getName)).containsOnly("entriesFor", "recentFor", "search");
	}

	/** Main code outside this module neither names the writer nor writes to the table, whatever the way. */
	@Test
	void mainCodeOutsideTheAuditModuleWritesNoAuditRow() throws IOException {
		Pattern writing = Pattern.compile("AuditTrail|AuditEventRepository|new AuditEvent\\b|auditLog\\.record"
				+ "|(?i:insert\\s+into\\s+audit_event|update\\s+audit_event|delete\\s+from\\s+audit_event)");
		List<String> writers;
		try (Stream<Path> files = Files.walk(MAIN_JAVA.resolve("io/securityinfo"))) {
			writers = files.filter(file -> file.toString().endsWith(".java"))
				.filter(file -> !file.startsWith(AUDIT) && !file.equals(BENCH_SEEDER))
				.filter(file -> writing.matcher(read(file)).find())
				.map(file -> MAIN_JAVA.relativize(file).toString())
				.toList();
		}

		assertThat(writers).isEmpty();
		assertThat(writing.matcher("auditLog.recordOwn(accountId, AuditAction.CODE_SENT, detail)").find())
			.as("the pattern finds a direct call as the modules made them before").isTrue();
	}

	private static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private boolean enabled(SignedInUser person) {
		return jdbc.queryForObject("select enabled from account where id = ?", Boolean.class, person.id());
	}

	private List<String> rows(SignedInUser person, String action) {
		return jdbc.queryForList("""
				select actor_account_id || ' ' || target from audit_event
				where subject_account_id = ? and action = ? order by id""", String.class, person.id(), action);
	}

}
